export const id = 667;
export const ids = [667];
export const modules = {

/***/ 13667:
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

// EXTERNAL MODULE: ./src/rollback/bundle.ts
var bundle = __webpack_require__(85038);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/rollback/restore.ts





/**
 * Picks the run's rollback artifact for the connected production org: the named one, else the
 * default-named one for this org (the given attempt, or the latest). Refuses an artifact of
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
        return latest(named);
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
        throw new errors/* ActionError */.lZ(`Run ${runId} has no rollback artifact for org ${orgId} from attempt ${choice.attempt}; ${found}. Check rollback-run-attempt, or leave it empty for the latest attempt.`);
    }
    const highest = Math.max(...candidates.map((r) => r.attempt));
    return latest(candidates.filter((r) => r.attempt === highest).map((r) => r.artifact));
}
/**
 * Downloads the rollback artifact of an earlier run and checks it before anything is deployed:
 * right org, every checksum, nothing added or missing. Returns the deploy zip and what the
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
    options.log(`Restoring from rollback artifact '${artifact.name}' (id ${artifact.id}) of run ${options.runId}.`);
    (0,external_node_fs_.mkdirSync)(options.workDir, { recursive: true });
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(options.workDir, 'rollback-restore-'));
    let digestMismatch;
    try {
        await store.downloadFromRun(options.runId, artifact.id, dir, artifact.digest);
    }
    catch (error) {
        if (!(error instanceof github_artifacts/* ArtifactDigestMismatch */.j))
            throw error;
        // The files are on disk: verifying them first gives the more precise refusal (which file changed).
        digestMismatch = error;
    }
    const manifest = (0,bundle/* verifyRollbackBundle */.OO)(dir, options.orgId);
    if (digestMismatch)
        throw new errors/* GateError */.ue(errors/* Gate */.iD.RollbackArtifact, `${(0,errors/* errorMessage */.gJ)(digestMismatch)} Nothing was deployed.`);
    const zip = (0,bundle/* zipRollbackBundle */.S6)(dir, manifest);
    options.log(`Rollback artifact '${artifact.name}' verified: org ${manifest.orgId}, commit ${manifest.commit.slice(0, 12)}, saved ${manifest.createdAt}; ` +
        `restores ${manifest.components.length} component(s), deletes ${manifest.destructive?.length ?? 0}.`);
    return { runId: options.runId, artifactName: artifact.name, manifest, dir, zip, dataLossWarnings: dataLossWarnings(manifest) };
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
/** The newest of several artifacts of one name (a re-run with an old client can leave duplicates). */
function latest(artifacts) {
    return [...artifacts].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id)[0];
}

// EXTERNAL MODULE: ./src/rollback/snapshot.ts + 1 modules
var rollback_snapshot = __webpack_require__(31708);
// EXTERNAL MODULE: ./src/flows/gates.ts
var gates = __webpack_require__(83973);
// EXTERNAL MODULE: ./src/flows/recorded-deploy.ts
var recorded_deploy = __webpack_require__(97793);
// EXTERNAL MODULE: ./src/flows/run-state.ts
var run_state = __webpack_require__(13180);
// EXTERNAL MODULE: ./src/flows/salesforce-steps.ts + 1 modules
var salesforce_steps = __webpack_require__(92875);
;// CONCATENATED MODULE: ./src/flows/rollback.ts











/**
 * `mode: rollback`: restore production from the rollback artifact of an earlier run. The
 * artifact is verified first, the current state is saved as a new artifact (so the rollback can
 * be undone), the rollback package is validated against production, then deployed.
 */
async function rollbackFlow(run) {
    const { settings, context, report } = run;
    const runId = settings.rollbackRunId;
    const store = (0,github_artifacts/* createArtifactStore */.G)(context, settings.githubToken);
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.RollbackPermission, async () => assertRollbackPermission(await run.github(), context, settings.rollbackRequiredApprovals, settings.environment));
    const [production] = await (0,salesforce_steps/* connectOrgs */.iT)(run, ['production']);
    let restore;
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.RollbackArtifact, async () => {
        restore = await fetchRollbackBundle(store, { runId, attempt: settings.rollbackRunAttempt, orgId: production.identity.id, name: settings.rollbackArtifactName, workDir: (0,run_state/* runTempDir */.j)('sf-restore-'), log: run.runner.info });
        return `artifact '${restore.artifactName}' of run ${runId} verified: org ${restore.manifest.orgId}, ${Object.keys(restore.manifest.files).length} file checksums match`;
    });
    report.warnings.push(...restore.dataLossWarnings);
    const { components: restored, deleted } = restoreScope(restore.manifest);
    report.components = restored.length + deleted.length;
    report.componentNames = [...restored.map((c) => `restore ${c.type}: ${c.fullName}`), ...deleted.map((c) => `delete ${c.type}: ${c.fullName}`)];
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
            // What the rollback deletes is what the undo must bring back, never delete again.
            release: { runId: context.runId, runAttempt: context.runAttempt, deleted },
        });
        report.rollbackArtifact = snapshot.name;
        return `current production state saved as '${snapshot.name}' before the rollback, so it can be undone`;
    });
    const pkg = { zip: restore.zip, components: [...restored, ...deleted], fileCount: Object.keys(restore.manifest.files).length, hasApex: restored.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger') };
    const validation = await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Rollback validation', checkOnly: true });
    report.productionValidationId = validation.id;
    (0,salesforce_steps/* assertValidation */.A3)(run, validation, 'Rollback validation', pkg);
    if (settings.dryRun) {
        report.status = constants/* RunStatus */.i2.Skipped;
        report.message = `Dry run: the rollback of run ${runId} validated against production and the current state is saved as '${name}'; nothing was deployed.`;
        return;
    }
    const deploy = await (0,recorded_deploy/* recordedDeploy */.U)(run, production, {
        label: 'Rollback deploy',
        environment: settings.environment,
        task: 'deploy:rollback',
        description: `Rollback of run ${runId} on ${production.identity.name}`,
        payload: { orgId: production.identity.id, rollbackOf: runId, restoredFrom: restore.artifactName, rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
        inProgress: `Rolling back run ${runId}`,
        succeeded: (id) => `Rolled back run ${runId} (${id})`,
        whenFailed: 'Production is unchanged.',
    }, (onSubmitted) => (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Rollback deploy', checkOnly: false, onSubmitted }));
    report.quickDeployed = false;
    report.status = constants/* RunStatus */.i2.Succeeded;
    report.message = `Rolled back production ${production.identity.name} to its state before run ${runId} (deploy ${deploy.id}). To undo this rollback, roll back run ${context.runId}.`;
}


/***/ })

};
