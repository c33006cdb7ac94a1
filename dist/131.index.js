export const id = 131;
export const ids = [131];
export const modules = {

/***/ 75131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackFlow: () => (/* binding */ rollbackFlow)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/artifacts.ts
var github_artifacts = __webpack_require__(4616);
// EXTERNAL MODULE: ./src/github/approvals.ts
var approvals = __webpack_require__(70047);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(96584);
;// CONCATENATED MODULE: ./src/github/rollback-permission.ts



/**
 * Who may roll back, as a pure decision: the user who dispatched the run needs write access;
 * when `required` is above zero, that many other people with write access must have approved
 * this run's deployment review for the environment (GitHub Environments required reviewers).
 * Returns the evidence line for the report, or throws naming what would satisfy the gate.
 */
function evaluateRollbackPermission(evidence, required, environment) {
    if (!(0,approvals/* hasWriteAccess */.sv)(evidence.actorRole)) {
        throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackPermission, `${evidence.actor} dispatched this rollback but has '${evidence.actorRole}' access; a rollback needs a user with write, maintain or admin access to dispatch it.`);
    }
    if (required === 0)
        return `dispatched by ${evidence.actor} (${evidence.actorRole} access)`;
    const approvers = new Set();
    const ignored = [];
    for (const d of evidence.decisions) {
        if (d.state !== 'approved' || !d.environments.some((e) => e.toLowerCase() === environment.toLowerCase()))
            continue;
        const login = d.login;
        if (login.toLowerCase() === evidence.actor.toLowerCase())
            ignored.push(`${login} (dispatched the rollback)`);
        else if (d.userType === 'Bot' || login.endsWith('[bot]'))
            ignored.push(`${login} (bot)`);
        else if (!(0,approvals/* hasWriteAccess */.sv)(evidence.roles[login] ?? 'none'))
            ignored.push(`${login} (${evidence.roles[login] ?? 'no'} access)`);
        else
            approvers.add(login);
    }
    const counted = [...approvers];
    if (counted.length < required) {
        const not = ignored.length ? ` Not counted: ${ignored.join(', ')}.` : '';
        throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackPermission, `${counted.length} of ${required} required deployment-review approval(s) for environment '${environment}'${counted.length ? ` (${counted.join(', ')})` : ''}.${not} Protect the '${environment}' environment with required reviewers and have ${required - counted.length} more reviewer(s) with write access approve this run.`);
    }
    return `dispatched by ${evidence.actor} (${evidence.actorRole} access); approved by ${counted.join(', ')}`;
}
/** Gathers the evidence and applies evaluateRollbackPermission. */
async function assertRollbackPermission(client, context, required, environment) {
    const { octokit, owner, repo } = client;
    const roleOf = (login) => (0,approvals/* repositoryRole */.RO)(client, login).catch((error) => {
        throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackPermission, `could not read ${login}'s access to ${owner}/${repo} (${(0,github_client/* describe */.q0)(error)}).`);
    });
    const actorRole = await roleOf(context.actor);
    const decisions = [];
    if (required > 0) {
        const { data } = await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: context.runId });
        for (const d of data)
            decisions.push({ login: d.user.login, userType: d.user.type, state: d.state, environments: d.environments.map((e) => e.name ?? '') });
    }
    const roles = {};
    for (const login of new Set(decisions.map((d) => d.login)))
        roles[login] = await roleOf(login);
    return evaluateRollbackPermission({ actor: context.actor, actorRole, decisions, roles }, required, environment);
}

;// CONCATENATED MODULE: ./src/github/run-provenance.ts


function recordOf(data, fallbackAttempt) {
    const repo = (r) => ({
        id: typeof r?.id === 'number' ? r.id : -1,
        fullName: r?.full_name ?? '',
        fork: r?.fork === true,
    });
    return {
        runId: Number(data.id),
        attempt: data.run_attempt ?? fallbackAttempt,
        event: data.event,
        headBranch: data.head_branch ?? '',
        headSha: data.head_sha,
        repository: repo(data.repository),
        headRepository: repo(data.head_repository),
    };
}
/**
 * Reads one attempt of a run of the client's repository, or the run's latest attempt when
 * `attempt` is undefined. A run GitHub does not know is an error naming the run.
 */
async function readRunAttempt(client, runId, attempt) {
    const { octokit, owner, repo } = client;
    try {
        if (attempt === undefined) {
            const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
            return recordOf(data, 1);
        }
        const { data } = await octokit.rest.actions.getWorkflowRunAttempt({ owner, repo, run_id: runId, attempt_number: attempt });
        return recordOf(data, attempt);
    }
    catch (error) {
        const which = attempt === undefined ? `run ${runId}` : `attempt ${attempt} of run ${runId}`;
        if ((0,github_client/* httpStatus */.nG)(error) === 404)
            throw new errors/* ActionError */.lZ(`GitHub does not know ${which} in ${owner}/${repo}. Check rollback-run-id (and rollback-run-attempt).`);
        throw new errors/* ActionError */.lZ(`Reading ${which} in ${owner}/${repo} failed (${(0,github_client/* describe */.q0)(error)}); the github-token needs actions: read.`);
    }
}

// EXTERNAL MODULE: ./src/rollback/bundle.ts
var bundle = __webpack_require__(85038);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(51306);
// EXTERNAL MODULE: ./src/salesforce/manifest.ts
var salesforce_manifest = __webpack_require__(71462);
;// CONCATENATED MODULE: ./src/rollback/contents.ts



const PACKAGE_XML = 'package.xml';
const DESTRUCTIVE_CHANGES_PRE = 'destructiveChangesPre.xml';
const DESTRUCTIVE_MANIFEST = /^destructiveChanges(Pre|Post)?\.xml$/i;
/**
 * Components stored inside their parent's file (an object's fields, the labels file, a
 * workflow's rules): such a component owns the parent's files, named by the part of its
 * fullName before the first dot.
 */
const CHILD_TYPES = new Set([
    'CustomField', 'ValidationRule', 'RecordType', 'ListView', 'WebLink', 'CompactLayout', 'FieldSet',
    'BusinessProcess', 'SharingReason', 'Index', 'WorkflowRule', 'WorkflowFieldUpdate', 'WorkflowAlert',
    'WorkflowOutboundMessage', 'WorkflowTask', 'SharingCriteriaRule', 'SharingOwnerRule',
]);
/**
 * A bundle holds exactly what its rollback.json declares, and nothing a deploy would act on
 * besides: at its root only package.xml and, when rollback.json lists components to delete,
 * destructiveChanges.xml (a destructiveChangesPre.xml or destructiveChangesPost.xml is never
 * written by the action, and would delete what nobody declared); every other file belongs to a
 * component rollback.json restores. Checksums only prove the files are the ones rollback.json
 * lists; a self-consistent bundle uploaded by anyone lists its own. Refuses naming the file.
 */
function assertDeclaredContents(manifest) {
    const refuse = (message) => {
        throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackArtifact, `The rollback bundle holds more than its rollback.json declares: ${message} Nothing was deployed.`);
    };
    const owners = ownerKeys(manifest.components);
    for (const file of Object.keys(manifest.files).sort()) {
        const slash = file.indexOf('/');
        if (slash < 0) {
            if (file === PACKAGE_XML)
                continue;
            if (file === salesforce_manifest/* DESTRUCTIVE_CHANGES */.Xv && (manifest.destructive?.length ?? 0) > 0)
                continue;
            if (DESTRUCTIVE_MANIFEST.test(file)) {
                refuse(`'${(0,errors/* sanitize */.aj)(file)}' would delete components that rollback.json does not declare (${manifest.destructive?.length ? `it declares ${manifest.destructive.length} to delete, in ${salesforce_manifest/* DESTRUCTIVE_CHANGES */.Xv}` : 'it declares none to delete'}).`);
            }
            refuse(`'${(0,errors/* sanitize */.aj)(file)}' at the bundle root is not one of its manifests (${PACKAGE_XML}, ${salesforce_manifest/* DESTRUCTIVE_CHANGES */.Xv}).`);
        }
        const inFolder = file.slice(slash + 1);
        if (!isOwned(inFolder, owners)) {
            refuse(`'${(0,errors/* sanitize */.aj)(file)}' belongs to no component rollback.json restores (${summarise(manifest.components)}).`);
        }
    }
}
/** Reads the plan from the manifests inside the deploy zip itself, not from rollback.json. */
function planOfDeployZip(zip) {
    const entries = (0,esm/* unzipSync */.AO)(zip, { filter: (f) => f.name === PACKAGE_XML || DESTRUCTIVE_MANIFEST.test(f.name) });
    const read = (name) => (entries[name] ? (0,salesforce_manifest/* readPackageXml */.W4)((0,esm/* strFromU8 */.he)(entries[name])) : []);
    return {
        restores: read(PACKAGE_XML),
        deletesBefore: [...read(DESTRUCTIVE_CHANGES_PRE), ...read(salesforce_manifest/* DESTRUCTIVE_CHANGES */.Xv)],
        deletesAfter: read(salesforce_manifest/* DESTRUCTIVE_CHANGES_POST */.UB),
    };
}
/** Markdown for the job summary, written before anything is deployed. */
function renderPlan(plan, source, warnings) {
    // Names come from the artifact: control characters are dropped so a name cannot forge a log line.
    const list = (refs) => refs.map((c) => (0,errors/* sanitize */.aj)(`${c.type} ${c.fullName}`)).join(', ');
    const from = source.attempt !== undefined ? `attempt ${source.attempt} of run ${source.runId}` : `run ${source.runId}`;
    const lines = [
        '### Rollback plan',
        '',
        `From rollback artifact \`${(0,errors/* sanitize */.aj)(source.artifactName)}\`, ${from}${source.attemptNote ? ` (${source.attemptNote})` : ''}. What production receives:`,
        '',
        `- restores ${plan.restores.length} component(s)${plan.restores.length ? `: ${list(plan.restores)}` : ''}`,
        `- deletes ${plan.deletesBefore.length} component(s) before the restore (destructiveChangesPre)${plan.deletesBefore.length ? `: ${list(plan.deletesBefore)}` : ''}`,
        `- deletes ${plan.deletesAfter.length} component(s) after the restore (destructiveChangesPost)${plan.deletesAfter.length ? `: ${list(plan.deletesAfter)}` : ''}`,
        ...warnings.map((w) => `- ⚠️ data loss: ${(0,errors/* sanitize */.aj)(w, 1000)}`),
        '',
    ];
    return `${lines.join('\n')}\n`;
}
function ownerKeys(components) {
    const keys = new Set();
    for (const { type, fullName } of components) {
        keys.add(fullName);
        if (CHILD_TYPES.has(type) && fullName.includes('.'))
            keys.add(fullName.slice(0, fullName.indexOf('.')));
        if (type === 'CustomLabel')
            keys.add('CustomLabels');
    }
    return keys;
}
/**
 * Whether a path inside a metadata folder belongs to one of the components: its file
 * (`Name.cls`), its meta file (`Name.cls-meta.xml`, `Folder-meta.xml`) or its bundle folder
 * (`lwc/name/…`). File names may percent-encode characters of the fullName.
 */
function isOwned(inFolder, owners) {
    const candidates = new Set([inFolder]);
    try {
        candidates.add(decodeURIComponent(inFolder));
    }
    catch {
        // Not percent-encoded.
    }
    for (const name of candidates) {
        for (const key of owners) {
            if (name === key || name === `${key}-meta.xml` || name.startsWith(`${key}.`) || name.startsWith(`${key}/`))
                return true;
        }
    }
    return false;
}
function summarise(components) {
    const shown = components.slice(0, 5).map((c) => (0,errors/* sanitize */.aj)(`${c.type} ${c.fullName}`)).join(', ');
    return components.length > 5 ? `${shown}, …` : shown || 'none';
}

// EXTERNAL MODULE: ./src/salesforce/retrieve.ts + 1 modules
var retrieve = __webpack_require__(69317);
;// CONCATENATED MODULE: ./src/rollback/permission-overlay.ts


/**
 * Profiles and permission sets in a rollback are restored exactly, by deploying revocations.
 *
 * Salesforce does not replace a profile on deploy, it overlays it (Metadata API Developer Guide,
 * "Profile": "We designed Profile metadata deployment to overlay the existing Profile settings in
 * a target org"), and a retrieved profile holds only the permissions of the components retrieved
 * with it ("profiles only include field-level security for fields included in custom objects
 * returned in the same RetrieveRequest as the profiles"). So the rollback artifact's profile —
 * retrieved before the release together with the release's components — carries the earlier
 * value of every permission that existed then, and deploying it restores those; but a
 * permission the release granted where there was none before (a class or field access, a user
 * permission) is absent from it, and the overlay would leave it granted.
 *
 * The choice: restore exactly rather than only warn. Right before the rollback is validated,
 * the production versions of the same profiles are retrieved with the same components; every
 * entry granted now that the artifact's version does not mention is added to the deployed
 * profile with its flags false (an explicit false is what the overlay applies). Entries of
 * components the rollback deletes go with them and are left alone. What cannot be expressed as a
 * revocation (a layout assignment: there is no "unassigned") is returned as a warning, before the
 * rollback is deployed. The artifact itself is not changed: the revocations are derived from
 * production's own records at rollback time and listed in the run's warnings.
 */
/** Entries whose flags grant something, by element name: the key child and the flags. */
const GRANTS = {
    applicationVisibilities: { key: 'application', flags: ['visible', 'default'] },
    classAccesses: { key: 'apexClass', flags: ['enabled'] },
    customMetadataTypeAccesses: { key: 'name', flags: ['enabled'] },
    customPermissions: { key: 'name', flags: ['enabled'] },
    customSettingAccesses: { key: 'name', flags: ['enabled'] },
    externalDataSourceAccesses: { key: 'externalDataSource', flags: ['enabled'] },
    fieldPermissions: { key: 'field', flags: ['editable', 'readable'] },
    flowAccesses: { key: 'flow', flags: ['enabled'] },
    objectPermissions: { key: 'object', flags: ['allowCreate', 'allowDelete', 'allowEdit', 'allowRead', 'modifyAllRecords', 'viewAllRecords', 'viewAllFields'] },
    pageAccesses: { key: 'apexPage', flags: ['enabled'] },
    recordTypeVisibilities: { key: 'recordType', flags: ['visible', 'default'] },
    tabVisibilities: { key: 'tab', flags: [], falseValue: { visibility: 'Hidden' } },
    tabSettings: { key: 'tab', flags: [], falseValue: { visibility: 'None' } },
    userPermissions: { key: 'name', flags: ['enabled'] },
};
/** Element name → the component type its key names, for entries the rollback's deletions take away. */
const KEY_TYPES = {
    classAccesses: 'ApexClass',
    fieldPermissions: 'CustomField',
    objectPermissions: 'CustomObject',
    pageAccesses: 'ApexPage',
    customPermissions: 'CustomPermission',
    flowAccesses: 'Flow',
    recordTypeVisibilities: 'RecordType',
    tabVisibilities: 'CustomTab',
    applicationVisibilities: 'CustomApplication',
};
const PERMISSION_TYPES = {
    Profile: { directory: 'profiles', suffix: 'profile' },
    PermissionSet: { directory: 'permissionsets', suffix: 'permissionset' },
};
/** Top-level entries of a profile or permission set file, with their keys. */
function entriesOf(xml) {
    const entries = [];
    for (const match of xml.matchAll(/<(\w+)>([\s\S]*?)<\/\1>/g)) {
        const [raw, name = '', body = ''] = match;
        const spec = GRANTS[name] ?? (name === 'layoutAssignments' ? { key: 'layout' } : undefined);
        if (!spec)
            continue;
        const key = new RegExp(`<${spec.key}>([\\s\\S]*?)</${spec.key}>`).exec(body)?.[1]?.trim() ?? '';
        const recordType = name === 'layoutAssignments' ? `|${/<recordType>([\s\S]*?)<\/recordType>/.exec(body)?.[1]?.trim() ?? ''}` : '';
        entries.push({ name, key: key + recordType, raw });
    }
    return entries;
}
function grants(entry) {
    const spec = GRANTS[entry.name];
    if (!spec)
        return entry.name === 'layoutAssignments';
    if (spec.falseValue)
        return Object.entries(spec.falseValue).some(([tag, value]) => !new RegExp(`<${tag}>${value}</${tag}>`).test(entry.raw));
    return spec.flags.some((flag) => new RegExp(`<${flag}>true</${flag}>`).test(entry.raw));
}
/** The entry with every granting flag false (or its "hidden" value). */
function revoked(entry) {
    const spec = GRANTS[entry.name];
    let raw = entry.raw;
    for (const flag of spec.flags)
        raw = raw.replace(new RegExp(`<${flag}>true</${flag}>`, 'g'), `<${flag}>false</${flag}>`);
    for (const [tag, value] of Object.entries(spec.falseValue ?? {}))
        raw = raw.replace(new RegExp(`<${tag}>[^<]*</${tag}>`), `<${tag}>${value}</${tag}>`);
    return raw;
}
/** What the rollback must add to a profile's restored version so that deploying it restores it exactly. */
function revocationsFor(restoredXml, currentXml, deleted) {
    const before = new Set(entriesOf(restoredXml).map((e) => `${e.name}\u0000${e.key.toLowerCase()}`));
    const gone = new Set(deleted.map((c) => `${c.type}\u0000${c.fullName.toLowerCase()}`));
    const revocations = [];
    const described = [];
    const unrevocable = [];
    for (const entry of entriesOf(currentXml)) {
        if (before.has(`${entry.name}\u0000${entry.key.toLowerCase()}`) || !grants(entry))
            continue;
        const type = KEY_TYPES[entry.name];
        const object = entry.key.split('.')[0] ?? '';
        if (type && (gone.has(`${type}\u0000${entry.key.toLowerCase()}`) || gone.has(`CustomObject\u0000${object.toLowerCase()}`)))
            continue;
        if (entry.name === 'layoutAssignments') {
            unrevocable.push(`layout assignment ${entry.key.replace(/\|$/, '')}`);
            continue;
        }
        revocations.push(revoked(entry));
        described.push(`${entry.name} ${entry.key}`);
    }
    return { revocations, described, unrevocable };
}
/** Adds entries before the closing root tag of a metadata file. */
function withEntries(xml, entries) {
    if (!entries.length)
        return xml;
    const close = xml.lastIndexOf('</');
    return `${xml.slice(0, close)}${entries.map((e) => `    ${e}\n`).join('')}${xml.slice(close)}`;
}
/**
 * Makes a rollback's profiles and permission sets restore their earlier state exactly (see the
 * module comment). Without any profile or permission set in the rollback, nothing is retrieved.
 */
async function restorePermissionsExactly(production, zip, scope, options) {
    const containers = scope.restored.filter((c) => PERMISSION_TYPES[c.type]);
    if (containers.length === 0)
        return { zip, revoked: [], warnings: [] };
    // The same components the snapshot retrieved them with, so both versions cover the same permissions.
    const current = await (0,retrieve/* retrieveComponents */.b9)(production, [...scope.restored, ...scope.deleted], options);
    const entries = (0,esm/* unzipSync */.AO)(zip);
    const revokedLines = [];
    const warnings = [];
    for (const container of containers) {
        const { directory, suffix } = PERMISSION_TYPES[container.type];
        const path = `${directory}/${container.fullName}.${suffix}`;
        const restoredBytes = entries[path];
        const currentBytes = Object.entries(current.files).find(([p]) => p.toLowerCase() === path.toLowerCase())?.[1];
        if (!restoredBytes || !currentBytes)
            continue;
        const { revocations, described, unrevocable } = revocationsFor((0,esm/* strFromU8 */.he)(restoredBytes), currentBytes.toString('utf8'), scope.deleted);
        if (revocations.length) {
            entries[path] = (0,esm/* strToU8 */._u)(withEntries((0,esm/* strFromU8 */.he)(restoredBytes), revocations));
            for (const line of described)
                revokedLines.push(`${container.type} ${container.fullName}: revoking ${line} (granted since the rollback artifact was taken)`);
        }
        for (const line of unrevocable) {
            warnings.push(`${container.type} ${container.fullName}: the ${line} made since the rollback artifact was taken cannot be undone by a deploy (Salesforce overlays profiles); change it in Setup.`);
        }
    }
    return { zip: revokedLines.length ? Buffer.from((0,esm/* zipSync */.L)(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') })) : zip, revoked: revokedLines, warnings };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/github/artifact-zip.ts
var artifact_zip = __webpack_require__(25423);
// EXTERNAL MODULE: ./src/github/branch.ts
var github_branch = __webpack_require__(66675);
;// CONCATENATED MODULE: ./src/rollback/provenance.ts



/** Events whose runs may have saved a production snapshot: a push to, or a dispatch on, a production branch. */
const RESTORABLE_EVENTS = ['push', 'workflow_dispatch'];
/**
 * Whether a rollback artifact may be restored, decided only from what GitHub records (the
 * artifact's `workflow_run` and the run attempts it names), never from the artifact's content:
 * anyone who can open a pull request, push a feature branch or run a fork's workflow can upload
 * a self-consistent bundle, but only a `push` or `workflow_dispatch` run of this repository on a
 * production branch could have saved a snapshot before a production deploy. `attempts` are the
 * attempts of the run the artifact may come from (one when its name says which). Returns the
 * evidence line; throws the rollback-artifact gate naming what is wrong.
 */
function assertRestorableArtifact(artifact, attempts, rule) {
    const refuse = (reason) => {
        throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackArtifact, `artifact '${(0,errors/* sanitize */.aj)(artifact.name)}' (id ${artifact.id}) ${reason} A rollback restores only an artifact saved by a push or workflow_dispatch run of ${rule.repository} on a production branch (${rule.productionBranches.join(', ')}), from run ${rule.runId} named by ${constants/* Inputs */.G0.RollbackRunId}. Nothing was deployed.`);
    };
    const recorded = artifact.workflowRun;
    if (!recorded)
        refuse('has no workflow_run in GitHub\'s record, so the run that uploaded it is unknown.');
    if (recorded.id !== rule.runId)
        refuse(`was uploaded by run ${recorded.id}, not by run ${rule.runId}.`);
    if (attempts.length === 0)
        refuse(`comes from run ${rule.runId}, which GitHub reports no attempt of.`);
    for (const run of attempts) {
        const which = `run ${run.runId} (attempt ${run.attempt})`;
        if (run.runId !== rule.runId)
            refuse(`was checked against ${which}, not run ${rule.runId}.`);
        if (run.repository.fullName.toLowerCase() !== rule.repository.toLowerCase() || run.repository.id !== recorded.repositoryId) {
            refuse(`comes from ${which} of ${(0,errors/* sanitize */.aj)(run.repository.fullName || 'an unknown repository')}, not of ${rule.repository}.`);
        }
        if (run.headRepository.id !== run.repository.id || recorded.headRepositoryId !== run.repository.id || run.headRepository.fork) {
            refuse(`comes from ${which}, whose head is from the fork ${(0,errors/* sanitize */.aj)(run.headRepository.fullName || String(recorded.headRepositoryId))}, not from ${rule.repository}.`);
        }
        if (!RESTORABLE_EVENTS.includes(run.event)) {
            refuse(`was uploaded by ${which}, triggered by a '${(0,errors/* sanitize */.aj)(run.event)}' event; only ${RESTORABLE_EVENTS.join(' and ')} runs deploy to production.`);
        }
        for (const branch of new Set([run.headBranch, recorded.headBranch])) {
            if (!(0,github_branch/* matchesAnyBranchPattern */.oi)(branch, rule.productionBranches)) {
                refuse(`was uploaded by ${which} on branch '${(0,errors/* sanitize */.aj)(branch)}', which is not in ${constants/* Inputs */.G0.ProductionBranches} (${rule.productionBranches.join(', ')}).`);
            }
        }
        if (run.headSha !== recorded.headSha)
            refuse(`records commit ${recorded.headSha.slice(0, 12)}, but ${which} ran on ${run.headSha.slice(0, 12)}.`);
    }
    const first = attempts[0];
    return `uploaded by ${first.event} run ${rule.runId} of ${rule.repository} on '${first.headBranch}' at ${first.headSha.slice(0, 12)} (GitHub's record of the artifact and the run)`;
}

;// CONCATENATED MODULE: ./src/rollback/restore.ts








/**
 * Picks the run's rollback artifact for the connected production org: the named one, else the
 * default-named one for this org. By default the earliest attempt's: that snapshot was taken
 * before the run first changed production, while a re-run's snapshot may hold what attempt 1
 * already deployed (a no-op to restore). `attempt` picks one explicitly. Refuses an artifact of
 * another org, and says which artifacts the run has when none fits.
 */
function chooseRollbackArtifact(artifacts, choice) {
    const { runId } = choice;
    const orgId = (0,bundle/* orgId18 */.$J)(choice.orgId);
    const names = [...new Set(artifacts.map((a) => a.name))].sort();
    const found = names.length ? `it has: ${names.join(', ')}` : 'it has no artifacts';
    if (choice.name) {
        const named = artifacts.filter((a) => a.name === choice.name);
        if (named.length === 0) {
            throw new errors/* ActionError */.lZ(`Run ${runId} has no artifact named '${choice.name}'; ${found}. Check rollback-artifact-name and rollback-run-id.`);
        }
        const parsed = (0,bundle/* parseRollbackArtifactName */.pw)(choice.name);
        if (parsed && !(0,bundle/* sameOrg */.JJ)(parsed.orgId, orgId))
            refuseOtherOrg(runId, [parsed.orgId], orgId);
        return { ...earliest(named), ...(parsed ? { attempt: parsed.attempt } : {}) };
    }
    const rollbacks = artifacts.flatMap((a) => {
        const parsed = (0,bundle/* parseRollbackArtifactName */.pw)(a.name);
        return parsed ? [{ artifact: a, ...parsed }] : [];
    });
    const mine = rollbacks.filter((r) => (0,bundle/* sameOrg */.JJ)(r.orgId, orgId));
    if (mine.length === 0) {
        const others = [...new Set(rollbacks.map((r) => r.orgId))];
        if (others.length > 0)
            refuseOtherOrg(runId, others, orgId);
        const hint = names.length ? ' If the release set rollback-artifact-name, pass the same name here.' : '';
        throw new errors/* ActionError */.lZ(`Run ${runId} has no rollback artifact for org ${orgId}; ${found}. Pass the id of a release run that reached the rollback snapshot as rollback-run-id.${hint}`);
    }
    const candidates = choice.attempt === undefined ? mine : mine.filter((r) => r.attempt === choice.attempt);
    if (candidates.length === 0) {
        throw new errors/* ActionError */.lZ(`Run ${runId} has no rollback artifact for org ${orgId} from attempt ${choice.attempt}; ${found}. Check rollback-run-attempt, or leave it empty for the earliest attempt that saved one.`);
    }
    const first = Math.min(...candidates.map((r) => r.attempt));
    return { ...earliest(candidates.filter((r) => r.attempt === first).map((r) => r.artifact)), attempt: first };
}
/**
 * Downloads the rollback artifact of an earlier run and checks it before anything is deployed:
 * where GitHub says it comes from (a push or dispatch run of this repository on a production
 * branch, the run named), right org, every checksum, nothing added or missing, nothing the
 * rollback.json does not declare. Returns the deploy zip, the plan read from it, and what the
 * restore cannot bring back.
 */
async function fetchRollbackBundle(store, options) {
    const artifacts = await store.listRun(options.runId);
    const artifact = chooseRollbackArtifact(artifacts, {
        runId: options.runId,
        orgId: options.orgId,
        ...(options.attempt !== undefined ? { attempt: options.attempt } : {}),
        ...(options.name ? { name: options.name } : {}),
    });
    const attemptsOfRun = new Set(artifacts.flatMap((a) => {
        const parsed = (0,bundle/* parseRollbackArtifactName */.pw)(a.name);
        return parsed && (0,bundle/* sameOrg */.JJ)(parsed.orgId, (0,bundle/* orgId18 */.$J)(options.orgId)) ? [parsed.attempt] : [];
    }));
    const attemptNote = options.attempt !== undefined
        ? 'the attempt rollback-run-attempt names'
        : artifact.attempt !== undefined
            ? `the earliest attempt that saved a snapshot, taken before the run first changed production${attemptsOfRun.size > 1 ? `; attempts ${[...attemptsOfRun].sort((a, b) => a - b).join(', ')} saved one` : ''}`
            : 'the earliest artifact of that name';
    // Where it comes from, by GitHub's records only: the attempt its name gives, else every attempt of the run.
    let attempts;
    if (artifact.attempt !== undefined) {
        attempts = [await options.provenance.readAttempt(artifact.attempt)];
    }
    else {
        const latest = await options.provenance.readAttempt();
        attempts = [latest];
        for (let n = 1; n < latest.attempt; n++)
            attempts.unshift(await options.provenance.readAttempt(n));
    }
    const provenance = assertRestorableArtifact(artifact, attempts, { ...options.provenance.rule, runId: options.runId });
    options.log(`Restoring from rollback artifact '${artifact.name}' (id ${artifact.id}) of ${artifact.attempt !== undefined ? `attempt ${artifact.attempt} of ` : ''}run ${options.runId}: ${attemptNote}; ${provenance}.`);
    (0,external_node_fs_.mkdirSync)(options.workDir, { recursive: true });
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(options.workDir, 'rollback-restore-'));
    let digestMismatch;
    try {
        await store.downloadFromRun(options.runId, artifact.id, dir, artifact.digest, artifact.size !== undefined ? { size: artifact.size } : {});
    }
    catch (error) {
        // A zip over a rollback artifact's limits (a zip bomb) is not a bundle this action saved.
        if (error instanceof artifact_zip/* ArchiveRefused */.Vh)
            throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackArtifact, `${error.message} Nothing was deployed.`);
        if (!(error instanceof github_artifacts/* ArtifactDigestMismatch */.j))
            throw error;
        // The files are on disk: verifying them first gives the more precise refusal (which file changed).
        digestMismatch = error;
    }
    const manifest = (0,bundle/* verifyRollbackBundle */.OO)(dir, options.orgId);
    if (digestMismatch)
        throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackArtifact, `${(0,errors/* errorMessage */.gJ)(digestMismatch)} Nothing was deployed.`);
    assertDeclaredContents(manifest);
    if (manifest.release && manifest.release.runId !== options.runId) {
        throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackArtifact, `The rollback bundle's rollback.json says run ${manifest.release.runId} saved it, but GitHub records run ${options.runId} as its uploader. Nothing was deployed.`);
    }
    const zip = (0,bundle/* zipRollbackBundle */.S6)(dir, manifest);
    const plan = planOfDeployZip(zip);
    options.log(`Rollback artifact '${artifact.name}' verified: org ${manifest.orgId}, commit ${manifest.commit.slice(0, 12)}, saved ${manifest.createdAt}; ` +
        `restores ${plan.restores.length} component(s), deletes ${plan.deletesBefore.length + plan.deletesAfter.length}.`);
    return {
        runId: options.runId,
        artifactName: artifact.name,
        ...(artifact.attempt !== undefined ? { attempt: artifact.attempt } : {}),
        attemptNote,
        provenance,
        plan,
        manifest,
        dir,
        zip,
        dataLossWarnings: dataLossWarnings(manifest),
    };
}
/**
 * What a restore cannot undo. Deploying metadata re-creates a field or object the release
 * deleted, but empty; Salesforce keeps deleted fields and objects, with their data, for 15 days.
 * Deleting what the release added also deletes data entered into it since.
 */
function dataLossWarnings(manifest) {
    const warnings = [];
    for (const c of manifest.release?.deleted ?? []) {
        if (c.type === 'CustomField') {
            warnings.push(`The release deleted CustomField ${c.fullName}: the rollback brings back its metadata, not its data. ` +
                `Setup can undelete the field with its data within 15 days of the release (Object Manager → ${c.fullName.split('.')[0]} → Fields & Relationships → Deleted Fields); do that before the rollback re-creates it empty.`);
        }
        else if (c.type === 'CustomObject') {
            warnings.push(`The release deleted CustomObject ${c.fullName}: the rollback brings back its metadata, not its records. ` +
                'Setup can undelete the object with its records within 15 days of the release (Object Manager → Deleted Objects); do that before the rollback re-creates it empty.');
        }
    }
    for (const c of manifest.destructive ?? []) {
        if (c.type === 'CustomField' || c.type === 'CustomObject') {
            warnings.push(`The rollback deletes ${c.type} ${c.fullName}, which the release added: data entered into it since the release goes with it (Setup can undelete it within 15 days).`);
        }
    }
    return warnings;
}
/**
 * What a restore touches, for the rollback's own snapshot (a rollback can be undone too): it
 * redeploys the bundle's components and deletes its destructive ones.
 */
function restoreScope(manifest) {
    return { components: [...manifest.components], deleted: [...(manifest.destructive ?? [])] };
}
function refuseOtherOrg(runId, artifactOrgs, orgId) {
    throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackArtifact, `Run ${runId} has a rollback artifact for org ${artifactOrgs.join(', ')} only, but the production credentials reach org ${orgId}. ` +
        'A rollback restores only the org it was saved from: check the production credentials, or pick the run that released to this org.');
}
/** The earliest of several artifacts of one name (each attempt of a run can upload its own). */
function earliest(artifacts) {
    return [...artifacts].sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id - b.id)[0];
}

// EXTERNAL MODULE: ./src/salesforce/limits.ts
var salesforce_limits = __webpack_require__(19035);
;// CONCATENATED MODULE: ./src/rollback/restore-batches.ts




/**
 * Restore order: what others refer to first. Objects and their fields, value sets, labels,
 * static resources and custom metadata, then Apex classes (which refer to them), triggers and
 * pages (which refer to classes), Lightning components (which refer to Apex), then automation,
 * layouts and pages of the UI, and profiles and permission sets last (they grant access to
 * everything before them). Types not listed go between components and automation.
 */
const RESTORE_ORDER = [
    ['CustomObject', 'CustomField', 'ValidationRule', 'RecordType', 'ListView', 'WebLink', 'CompactLayout', 'FieldSet', 'BusinessProcess', 'SharingReason', 'Index',
        'GlobalValueSet', 'StandardValueSet', 'CustomLabels', 'CustomLabel', 'CustomMetadata', 'StaticResource', 'ContentAsset', 'Document', 'DocumentFolder',
        'RemoteSiteSetting', 'NamedCredential', 'ExternalCredential', 'CustomPermission', 'Group', 'Queue', 'Role'],
    ['ApexClass'],
    ['ApexTrigger', 'ApexPage', 'ApexComponent'],
    ['LightningComponentBundle', 'AuraDefinitionBundle'],
    [],
    ['Flow', 'FlowDefinition', 'Workflow', 'WorkflowRule', 'WorkflowFieldUpdate', 'WorkflowAlert', 'WorkflowOutboundMessage', 'WorkflowTask', 'ApprovalProcess',
        'AssignmentRules', 'AutoResponseRules', 'EscalationRules', 'SharingRules', 'SharingCriteriaRule', 'SharingOwnerRule'],
    ['Layout', 'FlexiPage', 'CustomTab', 'QuickAction', 'CustomApplication', 'ReportType', 'Report', 'ReportFolder', 'Dashboard', 'DashboardFolder', 'EmailTemplate', 'EmailFolder'],
    ['Profile', 'PermissionSet', 'MutingPermissionSet', 'PermissionSetGroup'],
];
const UNLISTED_RANK = 4;
const RANK = new Map(RESTORE_ORDER.flatMap((types, rank) => types.map((type) => [type, rank])));
/** Components stored inside their parent's file, owned by the part of their fullName before the first dot. */
const restore_batches_CHILD_TYPES = new Set([
    'CustomField', 'ValidationRule', 'RecordType', 'ListView', 'WebLink', 'CompactLayout', 'FieldSet', 'BusinessProcess', 'SharingReason', 'Index',
    'WorkflowRule', 'WorkflowFieldUpdate', 'WorkflowAlert', 'WorkflowOutboundMessage', 'WorkflowTask', 'SharingCriteriaRule', 'SharingOwnerRule',
]);
const restore_batches_PACKAGE_XML = 'package.xml';
/**
 * Splits a rollback deploy zip that one deploy cannot carry (over the Metadata API's 10,000
 * files or 39 MB) into deploys under both limits, in dependency order (RESTORE_ORDER), with the
 * deletions in the last one (as destructiveChangesPost.xml: after everything is restored, nothing
 * restored refers to what is deleted). Components that share files (an object and its fields, the
 * labels) stay in one deploy. A zip within the limits comes back as one batch, unchanged: that
 * restore stays one atomic deploy. Each batch is sized by its uncompressed bytes, so its zip is
 * under 39 MB whatever the compression (pure).
 */
function planRestoreBatches(zip, limits = salesforce_limits/* METADATA_LIMITS */.D$) {
    const entries = (0,esm/* unzipSync */.AO)(zip);
    const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
    const manifest = entries[restore_batches_PACKAGE_XML] ? (0,esm/* strFromU8 */.he)(entries[restore_batches_PACKAGE_XML]) : '';
    const restores = (0,salesforce_manifest/* readPackageXml */.W4)(manifest);
    const deletionsFile = names.find((n) => n === salesforce_manifest/* DESTRUCTIVE_CHANGES_POST */.UB || n === salesforce_manifest/* DESTRUCTIVE_CHANGES */.Xv);
    const deletes = deletionsFile ? (0,salesforce_manifest/* readPackageXml */.W4)((0,esm/* strFromU8 */.he)(entries[deletionsFile])) : [];
    if (names.length <= limits.files && zip.length <= limits.zipBytes) {
        return [{ zip, restores, deletes, fileCount: names.length, types: [...new Set(restores.map((c) => c.type))] }];
    }
    const apiVersion = /<version>\s*([^<\s]+)\s*<\/version>/.exec(manifest)?.[1];
    // Components grouped by the name that owns their files (an object for its fields, CustomLabels for labels).
    const groups = new Map();
    for (const component of restores) {
        const key = ownerKey(component);
        const group = groups.get(key) ?? { components: [], files: [], bytes: 0, rank: Number.MAX_SAFE_INTEGER };
        group.components.push(component);
        group.rank = Math.min(group.rank, RANK.get(component.type) ?? UNLISTED_RANK);
        groups.set(key, group);
    }
    for (const name of names) {
        if (name === restore_batches_PACKAGE_XML || name === deletionsFile)
            continue;
        const key = ownerOfFile(name, groups);
        if (key === undefined)
            refuse(`'${(0,errors/* sanitize */.aj)(name)}' belongs to no component its package.xml restores.`);
        const group = groups.get(key);
        group.files.push(name);
        group.bytes += entries[name].length;
    }
    // Room for package.xml and the deletions manifest in every deploy.
    const fileBudget = limits.files - 2;
    const byteBudget = limits.zipBytes - (entries[restore_batches_PACKAGE_XML]?.length ?? 0) - (deletionsFile ? entries[deletionsFile].length : 0);
    const ordered = [...groups.values()].sort((a, b) => a.rank - b.rank);
    const packed = [];
    let current = { components: [], files: [], bytes: 0 };
    for (const group of ordered) {
        if (group.files.length > fileBudget || group.bytes > byteBudget) {
            refuse(`${group.components.slice(0, 3).map((c) => (0,errors/* sanitize */.aj)(`${c.type} ${c.fullName}`)).join(', ')} alone ${group.files.length > fileBudget ? `has ${group.files.length} files` : `holds ${group.bytes} bytes`}, more than one deploy can carry.`);
        }
        if (current.components.length > 0 && (current.files.length + group.files.length > fileBudget || current.bytes + group.bytes > byteBudget)) {
            packed.push(current);
            current = { components: [], files: [], bytes: 0 };
        }
        current.components.push(...group.components);
        current.files.push(...group.files);
        current.bytes += group.bytes;
    }
    packed.push(current);
    return packed.map((batch, i) => {
        const last = i === packed.length - 1;
        const files = { [restore_batches_PACKAGE_XML]: new TextEncoder().encode((0,salesforce_manifest/* writePackageXml */.XD)(batch.components, apiVersion)) };
        for (const name of batch.files)
            files[name] = entries[name];
        if (last && deletionsFile)
            files[salesforce_manifest/* DESTRUCTIVE_CHANGES_POST */.UB] = entries[deletionsFile];
        return {
            zip: Buffer.from((0,esm/* zipSync */.L)(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') })),
            restores: batch.components,
            deletes: last ? deletes : [],
            fileCount: Object.keys(files).length,
            types: [...new Set(batch.components.map((c) => c.type))],
        };
    });
}
/** The name that owns a component's files: the parent of a child, CustomLabels for a label, else its fullName (lower-cased). */
function ownerKey(component) {
    if (component.type === 'CustomLabel' || component.type === 'CustomLabels')
        return 'customlabels';
    if (restore_batches_CHILD_TYPES.has(component.type) && component.fullName.includes('.'))
        return component.fullName.slice(0, component.fullName.indexOf('.')).toLowerCase();
    return component.fullName.toLowerCase();
}
/**
 * The group a file belongs to: the longest prefix of its path inside its folder, cut at a dot or
 * a slash (`Name.cls`, `Name.cls-meta.xml`, `lwc/name/name.js`, `Type.Record.md`,
 * `Folder/Report.report`), that names a restored component. Percent-encoded names are decoded.
 */
function ownerOfFile(file, groups) {
    const inFolder = file.slice(file.indexOf('/') + 1);
    const forms = new Set([inFolder]);
    try {
        forms.add(decodeURIComponent(inFolder));
    }
    catch {
        // Not percent-encoded.
    }
    for (const form of forms) {
        const lower = form.replace(/-meta\.xml$/, '').toLowerCase();
        if (groups.has(lower))
            return lower;
        for (let cut = lower.length - 1; cut > 0; cut--) {
            if ((lower[cut] === '.' || lower[cut] === '/') && groups.has(lower.slice(0, cut)))
                return lower.slice(0, cut);
        }
    }
    return undefined;
}
function refuse(message) {
    throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackArtifact, `The rollback bundle cannot be split into deploys under the Metadata API's limits: ${message} Nothing was deployed.`);
}

// EXTERNAL MODULE: ./src/salesforce/org-lock.ts
var org_lock = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/salesforce/package.ts + 1 modules
var salesforce_package = __webpack_require__(73107);
// EXTERNAL MODULE: ./src/rollback/snapshot.ts
var rollback_snapshot = __webpack_require__(59726);
// EXTERNAL MODULE: ./src/flows/gates.ts
var gates = __webpack_require__(83973);
// EXTERNAL MODULE: ./src/flows/recorded-deploy.ts + 1 modules
var recorded_deploy = __webpack_require__(66261);
// EXTERNAL MODULE: ./src/flows/run-state.ts
var run_state = __webpack_require__(13180);
// EXTERNAL MODULE: ./src/flows/salesforce-steps.ts + 1 modules
var salesforce_steps = __webpack_require__(92875);
;// CONCATENATED MODULE: ./src/flows/rollback.ts

















/**
 * `mode: rollback`: restore production from the rollback artifact of an earlier run. The
 * artifact is verified first (where GitHub says it comes from, then its contents), the plan is
 * written to the job summary (a dry run stops there), the current state is saved as a new
 * artifact (so the rollback can be undone), the rollback package is validated against
 * production, then deployed.
 */
async function rollbackFlow(run) {
    const { settings, context, report } = run;
    const runId = settings.rollbackRunId;
    const store = (0,github_artifacts/* createArtifactStore */.G)(context, settings.githubToken, run.github);
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.RollbackPermission, async () => assertRollbackPermission(await run.github(), context, settings.rollbackRequiredApprovals, settings.environment));
    const [production] = await (0,salesforce_steps/* connectOrgs */.iT)(run, ['production']);
    let restore;
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.RollbackArtifact, async () => {
        const github = await run.github();
        const productionBranches = settings.productionBranches.length > 0
            ? settings.productionBranches
            : [(await github.octokit.rest.repos.get({ owner: github.owner, repo: github.repo })).data.default_branch];
        restore = await fetchRollbackBundle(store, {
            runId,
            attempt: settings.rollbackRunAttempt,
            orgId: production.identity.id,
            name: settings.rollbackArtifactName,
            workDir: (0,run_state/* runTempDir */.j)('sf-restore-'),
            log: run.runner.info,
            provenance: {
                rule: { repository: `${context.owner}/${context.repo}`, productionBranches },
                readAttempt: (attempt) => readRunAttempt(github, runId, attempt),
            },
        });
        const which = restore.attempt !== undefined ? `attempt ${restore.attempt} of run ${runId}` : `run ${runId}`;
        return `artifact '${restore.artifactName}' of ${which} (${restore.attemptNote}) verified: ${restore.provenance}; org ${restore.manifest.orgId}, ${Object.keys(restore.manifest.files).length} file checksums match, nothing undeclared`;
    });
    report.warnings.push(...restore.dataLossWarnings);
    const { plan } = restore;
    const { components: restored, deleted } = restoreScope(restore.manifest);
    const deletes = [...plan.deletesBefore, ...plan.deletesAfter];
    report.components = plan.restores.length + deletes.length;
    report.componentNames = [...plan.restores.map((c) => `restore ${c.type}: ${c.fullName}`), ...deletes.map((c) => `delete ${c.type}: ${c.fullName}`)];
    // What the rollback will do is in the log and on the job summary before anything reaches production.
    const planText = renderPlan(plan, { runId, ...(restore.attempt !== undefined ? { attempt: restore.attempt } : {}), artifactName: restore.artifactName, attemptNote: restore.attemptNote }, restore.dataLossWarnings);
    run.runner.info(planText.trimEnd());
    try {
        await run.runner.writeSummary(planText);
    }
    catch (error) {
        run.runner.warning(`Could not write the rollback plan to the job summary (${(0,errors/* errorMessage */.gJ)(error)}); it is in the log above.`);
    }
    if (settings.dryRun) {
        report.status = constants/* RunStatus */.i2.Skipped;
        report.message = `Dry run: the rollback of run ${runId} from '${restore.artifactName}' is verified and its plan is in the job summary; nothing was saved or deployed.`;
        return;
    }
    const name = (0,bundle/* rollbackArtifactName */.AP)(production.identity.id, context.runId, context.runAttempt);
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.Snapshot, async () => {
        const snapshot = await (0,rollback_snapshot/* saveRollbackSnapshot */.a)(production, restored, {
            name,
            commit: context.sha,
            workDir: (0,run_state/* runTempDir */.j)('sf-rollback-'),
            store,
            apiVersion: settings.apiVersion,
            timeoutMs: settings.waitMinutes * 60000,
            log: run.runner.info,
            // What the rollback deletes is retrieved first, so the undo brings it back and never deletes it again.
            release: { runId: context.runId, runAttempt: context.runAttempt, deleted },
        });
        report.rollbackArtifact = snapshot.name;
        return `current production state saved as '${snapshot.name}' before the rollback, so it can be undone`;
    });
    // Profiles and permission sets: Salesforce overlays them, so grants made since the artifact are revoked explicitly.
    const permissions = await restorePermissionsExactly(production, restore.zip, { restored: plan.restores, deleted: deletes }, { apiVersion: settings.apiVersion, timeoutMs: settings.waitMinutes * 60000, log: run.runner.info });
    for (const line of permissions.revoked)
        run.runner.info(line);
    report.warnings.push(...permissions.revoked, ...permissions.warnings);
    // A bundle over one deploy's limits (a snapshot retrieved in batches) is restored in several.
    const batches = planRestoreBatches(permissions.zip);
    if (batches.length > 1)
        return restoreInBatches(run, production, batches, { runId, restore, name });
    const pkg = { zip: permissions.zip, components: [...plan.restores, ...deletes], fileCount: Object.keys(restore.manifest.files).length, hasApex: (0,salesforce_package/* hasApex */.PY)(plan.restores) };
    const validation = await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Rollback validation', checkOnly: true });
    report.productionValidationId = validation.id;
    (0,salesforce_steps/* assertValidation */.A3)(run, validation, 'Rollback validation', pkg);
    const deploy = await (0,recorded_deploy/* recordedDeploy */.U)(run, production, {
        label: 'Rollback deploy',
        environment: settings.environment,
        task: 'deploy:rollback',
        description: `Rollback of run ${runId} on ${production.identity.name}`,
        payload: { orgId: production.identity.id, rollbackOf: runId, restoredFrom: restore.artifactName, ...(restore.attempt !== undefined ? { restoredAttempt: restore.attempt } : {}), rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
        inProgress: `Rolling back run ${runId}`,
        succeeded: (id) => `Rolled back run ${runId} (${id})`,
        whenFailed: 'Production is unchanged.',
    }, (onSubmitted) => (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Rollback deploy', checkOnly: false, onSubmitted }));
    report.quickDeployed = false;
    report.status = constants/* RunStatus */.i2.Succeeded;
    const attempt = restore.attempt !== undefined ? ` (the snapshot of attempt ${restore.attempt})` : '';
    report.message = `Rolled back production ${production.identity.name} to its state before run ${runId}${attempt} (deploy ${deploy.id}). To undo this rollback, roll back run ${context.runId}.`;
}
/** Starts the list of applied batches in a failure message of a split restore. */
const APPLIED_MARK = 'Batches already applied:';
/**
 * Restores a bundle one deploy cannot carry (over the Metadata API's 10,000 files or 39 MB) in
 * several deploys, in dependency order, deletions last (planRestoreBatches). Each deploy is
 * validated against production right before it is sent, since each may depend on the ones before.
 * The restore is not atomic: if a batch fails, the batches before it stay applied, and the message
 * and summary say which. Running the same rollback again is safe: it restores the same versions,
 * so the applied batches change nothing.
 */
async function restoreInBatches(run, production, batches, source) {
    const { report, context, settings } = run;
    const { runId, restore, name } = source;
    const total = batches.length;
    const describeBatch = (b, i) => `batch ${i + 1} of ${total}: ${b.restores.length} component(s)${b.deletes.length ? `, deletes ${b.deletes.length}` : ''} (${b.fileCount} files; ${b.types.slice(0, 6).join(', ')}${b.types.length > 6 ? ', …' : ''})`;
    const intro = `The rollback bundle holds ${Object.keys(restore.manifest.files).length} files, more than one deploy can carry (Metadata API limits: 10,000 files, 39 MB), so it is restored in ${total} deploys in dependency order, each validated first. This restore is NOT atomic: if a deploy fails, the ones before it stay applied; running this rollback again restores the rest.`;
    run.runner.warning(intro);
    report.warnings.push(intro);
    try {
        await run.runner.writeSummary(`### Restore in ${total} deploys (not atomic)\n\n${batches.map((b, i) => `- ${describeBatch(b, i)}`).join('\n')}\n\n`);
    }
    catch (error) {
        run.runner.warning(`Could not write the restore batches to the job summary (${(0,errors/* errorMessage */.gJ)(error)}); they are in the log.`);
    }
    const applied = [];
    const partly = (failed) => `${failed} ${APPLIED_MARK} ${applied.join('; ')}. Production is partly restored (the restore is not atomic); fix the cause and run this rollback again: it restores the same versions, so the applied batches change nothing.`;
    const restoreBatch = async (batch, i, label) => {
        const pkg = { zip: batch.zip, components: [...batch.restores, ...batch.deletes], fileCount: batch.fileCount, hasApex: (0,salesforce_package/* hasApex */.PY)(batch.restores) };
        run.runner.info(`Restoring ${describeBatch(batch, i)}.`);
        const validation = await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: `${label} validation`, checkOnly: true });
        report.productionValidationId = validation.id;
        (0,salesforce_steps/* assertValidation */.A3)(run, validation, `${label} validation`, pkg);
        const outcome = await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: `${label} deploy`, checkOnly: false, onSubmitted: (id) => (report.deployId = id) });
        if (!outcome.success)
            throw new errors/* SalesforceError */.mO(`${label} deploy ${outcome.id} ${outcome.status}; Salesforce rolled that deploy back (rollbackOnError).`);
        applied.push(`${describeBatch(batch, i)} → ${outcome.id}`);
        // This rollback's own deploy is not a change "since the snapshot" for the next batch's lock
        // check. The next whole second: Salesforce may report this deploy's completion to the second.
        (0,org_lock/* noteSnapshot */.Ne)(production, new Date(Math.ceil((Date.now() + 1) / 1000) * 1000));
        return outcome;
    };
    const deploy = await (0,recorded_deploy/* recordedDeploy */.U)(run, production, {
        label: 'Rollback deploy',
        environment: settings.environment,
        task: 'deploy:rollback',
        description: `Rollback of run ${runId} on ${production.identity.name} in ${total} deploys`,
        payload: { orgId: production.identity.id, rollbackOf: runId, restoredFrom: restore.artifactName, ...(restore.attempt !== undefined ? { restoredAttempt: restore.attempt } : {}), rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt, batches: total },
        inProgress: `Rolling back run ${runId} in ${total} deploys`,
        succeeded: (id) => `Rolled back run ${runId} in ${total} deploys (last ${id})`,
        whenFailed: 'Production is partly restored; see the run log.',
    }, async () => {
        let last;
        for (const [i, batch] of batches.entries()) {
            const label = `Rollback batch ${i + 1} of ${total}`;
            try {
                last = await restoreBatch(batch, i, label);
            }
            catch (error) {
                // Whatever stopped this batch (a refused validation, a failed deploy, a lost answer), the
                // message says which batches are already applied.
                if (applied.length === 0 || !(error instanceof errors/* ActionError */.lZ) || error.message.includes(APPLIED_MARK))
                    throw error;
                const message = partly(error.message.replace(/^Gate '[^']+' refused: /, '').replace(/ Production was not changed[^.]*\./, ''));
                throw error instanceof errors/* GateError */.ue ? new errors/* GateError */.ue(error.gate, message, error.status) : new errors/* ActionError */.lZ(message, error.status);
            }
        }
        return last;
    });
    report.quickDeployed = false;
    report.status = constants/* RunStatus */.i2.Succeeded;
    report.notes.push(`Restored in ${total} deploys: ${applied.join('; ')}.`);
    const attempt = restore.attempt !== undefined ? ` (the snapshot of attempt ${restore.attempt})` : '';
    report.message = `Rolled back production ${production.identity.name} to its state before run ${runId}${attempt} in ${total} deploys (not atomic; last ${deploy.id}). To undo this rollback, roll back run ${context.runId}.`;
}


/***/ })

};
