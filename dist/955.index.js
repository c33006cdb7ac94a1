export const id = 955;
export const ids = [955];
export const modules = {

/***/ 60955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  releaseFlow: () => (/* binding */ releaseFlow)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/approvals.ts
var approvals = __webpack_require__(70047);
// EXTERNAL MODULE: ./src/github/artifacts.ts
var github_artifacts = __webpack_require__(4616);
// EXTERNAL MODULE: ./src/github/branch.ts
var github_branch = __webpack_require__(66675);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/git/checkout.ts




// The checked-out repository as evidence. Once HEAD is GITHUB_SHA, git's object store is
// content-addressed: the tree of a commit id is what that id says, whoever served the objects,
// so the checkout can prove what a release packages and how it differs from the approved head
// without trusting anything a writer could have forged on GitHub.
/** Runs git in `cwd` (no shell, no prompt); resolves its stdout, rejects with its stderr. */
function git(cwd, args) {
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
            if (!error)
                return resolve(stdout.toString('utf8'));
            if (error.code === 'ENOENT')
                return reject(new errors/* ActionError */.lZ('A production release checks the checked-out tree with git, and git was not found on PATH.'));
            reject(new Error(`git ${args.filter((a) => !a.startsWith('-c')).slice(0, 2).join(' ')} failed: ${redactUrlCredentials(stderr.toString('utf8').trim() || error.message)}`));
        });
    });
}
/** Hides the user-info part of URLs (`https://x-access-token:…@github.com`) in git's messages, which reach the summary. */
function redactUrlCredentials(text) {
    return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}
/** Parses `git status --porcelain=v1 -z`: `XY path\0`, renames and copies followed by `orig\0`. */
function parsePorcelainStatus(output) {
    const entries = [];
    const fields = output.split('\0');
    for (let i = 0; i < fields.length; i++) {
        const field = fields[i];
        if (field.length < 4)
            continue;
        const state = field.slice(0, 2);
        entries.push({ state, path: field.slice(3) });
        if (state[0] === 'R' || state[0] === 'C')
            i++; // the rename's origin path follows
    }
    return entries;
}
/**
 * The paths of the worktree that end up in a package: the source folders, or the manifest and
 * its metadata folder, plus the project files that steer packaging (sfdx-project.json,
 * .forceignore). Relative to the workspace, `/`-separated.
 */
function packagingPaths(sourceDirs, manifest) {
    const paths = new Set(['sfdx-project.json', '.forceignore']);
    for (const dir of sourceDirs)
        paths.add(dir);
    if (manifest) {
        paths.add(manifest);
        if (sourceDirs.length === 0)
            paths.add(external_node_path_default().posix.dirname(manifest.split((external_node_path_default()).sep).join('/')));
    }
    return [...paths].map((p) => p.split((external_node_path_default()).sep).join('/').replace(/^\.\/+/, '') || '.');
}
/**
 * What decides whether a working-tree change reaches the package: untracked and modified files
 * always; files git ignores only when packaging would read them (a dot-file never is; the
 * caller says which the .forceignore skips).
 */
function packagedChanges(entries, forceIgnored) {
    return entries.filter((e) => {
        if (e.state !== '!!')
            return true;
        if (e.path.split('/').some((segment) => segment.startsWith('.')))
            return false;
        return !forceIgnored(e.path);
    });
}
/**
 * Gate 1 (SPEC.md): the checked-out tree is exactly GITHUB_SHA, with no uncommitted, untracked
 * (or ignored but packaged) file in the folders the package is built from. Throws
 * GateError(Gate.Branch) naming the files; returns the evidence line.
 */
async function assertCheckedOutCommit(workspace, sha, paths, forceIgnored = () => false) {
    const head = await git(workspace, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']).then((o) => o.trim(), () => '');
    if (!head) {
        const reason = (0,external_node_fs_.existsSync)(external_node_path_default().join(workspace, '.git')) ? 'git cannot read its HEAD' : 'it is not a git checkout';
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Branch, `the workspace (${(0,errors/* sanitize */.aj)(workspace)}) cannot be proven to be commit ${sha.slice(0, 12)}: ${reason}. A production release packages the checked-out tree, so check the repository out with actions/checkout before this step.`);
    }
    if (head.toLowerCase() !== sha.toLowerCase()) {
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Branch, `the checked-out commit is ${head.slice(0, 12)}, but this run releases ${sha.slice(0, 12)} (GITHUB_SHA). A production release deploys only the commit its run was started for: check out the run's commit (actions/checkout with no ref), and do not switch commits in the job.`);
    }
    // --ignored=matching lists ignored files one by one; -uall lists untracked ones inside new folders too.
    const pathspecs = paths.map((p) => `:(literal)${p}`);
    const status = await git(workspace, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=matching', '--', ...pathspecs]);
    const changed = packagedChanges(parsePorcelainStatus(status), forceIgnored);
    if (changed.length > 0) {
        const shown = changed.slice(0, 20).map((e) => `${(0,errors/* sanitize */.aj)(e.path)} (${describeState(e.state)})`);
        const more = changed.length > shown.length ? ` and ${changed.length - shown.length} more` : '';
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Branch, `the source folders differ from commit ${sha.slice(0, 12)}: ${shown.join(', ')}${more}. A production release deploys exactly the approved commit; commit these changes through a reviewed pull request, or remove the step that writes them before this action runs.`);
    }
    return `the checked-out tree is commit ${sha.slice(0, 7)} with no uncommitted or untracked file in ${paths.filter((p) => p !== 'sfdx-project.json' && p !== '.forceignore').join(', ') || 'the source folders'}`;
}
function describeState(state) {
    if (state === '??')
        return 'untracked';
    if (state === '!!')
        return 'ignored by git, but packaged';
    if (state.includes('D'))
        return 'deleted';
    if (state.includes('A'))
        return 'added';
    if (state.includes('R'))
        return 'renamed';
    if (state.includes('T'))
        return 'type changed';
    return 'modified';
}
/**
 * The files the release changes that the approved head does not hold as released: `changed` are
 * the paths differing between the release commit and its first parent, `differFromHead` those
 * differing between the approved head and the release commit. A file in both was changed by the
 * release to something nobody approved.
 */
function unapprovedChanges(changed, differFromHead, headHas) {
    const differing = new Set(differFromHead);
    return changed.filter((file) => differing.has(file)).map((file) => ({ path: file, inApprovedHead: headHas(file) }));
}
/**
 * Gate 4, the content half (SPEC.md): every file the release commit changes against its first
 * parent holds, at the release commit, exactly its content at the approved pull request's head.
 * Stops an "evil merge": a writer pushes the approved head merged with a change of their own,
 * GitHub marks the pull request merged, and the approvals would otherwise carry the backdoor.
 * Reads the checkout (HEAD is the release commit, checked before); a shallow clone's missing
 * commits are fetched by id from `origin`, which git verifies against their ids.
 */
async function assertApprovedChange(workspace, release, approvedHead, pullRequest) {
    const raw = await git(workspace, ['cat-file', 'commit', release]);
    const parents = [...raw.split('\n\n')[0].matchAll(/^parent ([0-9a-f]{40,64})$/gm)].map((m) => m[1]);
    const firstParent = parents[0];
    await ensureCommits(workspace, [firstParent, approvedHead].filter((c) => c !== undefined), pullRequest);
    const diff = async (a, b) => {
        const args = ['diff-tree', '-r', '-z', '--no-renames', '--name-only', '--no-commit-id'];
        const out = a ? await git(workspace, [...args, a, b]) : await git(workspace, [...args, '--root', b]);
        return out.split('\0').filter(Boolean);
    };
    const changed = await diff(firstParent, release);
    const differFromHead = await diff(approvedHead, release);
    const inHead = new Set((await git(workspace, ['ls-tree', '-r', '-z', '--name-only', approvedHead])).split('\0').filter(Boolean));
    const unapproved = unapprovedChanges(changed, differFromHead, (file) => inHead.has(file));
    if (unapproved.length > 0) {
        const shown = unapproved.slice(0, 20).map((f) => `${(0,errors/* sanitize */.aj)(f.path)}${f.inApprovedHead ? '' : ' (not in the approved head)'}`);
        const more = unapproved.length > shown.length ? ` and ${unapproved.length - shown.length} more` : '';
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Approvals, `commit ${release.slice(0, 7)} changes ${shown.join(', ')}${more} to content that pull request #${pullRequest}'s approved head ${approvedHead.slice(0, 7)} does not hold: ` +
            `the deployed change must be the approved change. Merge the pull request as it was approved (a merge commit that adds nothing, or update the pull request and have it approved again), and require pull requests on the production branch.`);
    }
    return `the ${changed.length} file(s) commit ${release.slice(0, 7)} changes${firstParent ? ` against its first parent ${firstParent.slice(0, 7)}` : ''} hold the content of the approved head ${approvedHead.slice(0, 7)} of pull request #${pullRequest}`;
}
/** Makes sure the checkout has these commits, fetching missing ones by id from `origin` (a shallow clone has only HEAD). */
async function ensureCommits(workspace, commits, pullRequest) {
    const has = (c) => git(workspace, ['cat-file', '-e', `${c}^{commit}`]).then(() => true, () => false);
    const missing = [];
    for (const c of commits)
        if (!(await has(c)))
            missing.push(c);
    if (missing.length === 0)
        return;
    let fetchError = '';
    try {
        await git(workspace, ['-c', 'protocol.version=2', 'fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', 'origin', ...missing]);
    }
    catch (error) {
        fetchError = error.message;
    }
    const still = [];
    for (const c of missing)
        if (!(await has(c)))
            still.push(c);
    if (still.length === 0)
        return;
    throw new errors/* GateError */.ue(errors/* Gate */.iD.Approvals, `the checkout lacks commit(s) ${still.map((c) => c.slice(0, 7)).join(', ')} (the release commit's first parent and pull request #${pullRequest}'s approved head), so the release cannot be compared with the approved change${fetchError ? `, and fetching them from origin failed (${(0,errors/* sanitize */.aj)(fetchError, 300)})` : ''}. ` +
        `Check out with actions/checkout's fetch-depth: 0 (or keep its default persist-credentials so the action can fetch them).`);
}

// EXTERNAL MODULE: ./src/plan.ts
var plan = __webpack_require__(22464);
// EXTERNAL MODULE: ./src/salesforce/package-contents.ts
var package_contents = __webpack_require__(29398);
// EXTERNAL MODULE: ./src/rollback/bundle.ts
var bundle = __webpack_require__(85038);
// EXTERNAL MODULE: ./src/rollback/snapshot.ts
var rollback_snapshot = __webpack_require__(59726);
// EXTERNAL MODULE: ./src/salesforce/deploy.ts
var deploy = __webpack_require__(72204);
// EXTERNAL MODULE: ./src/salesforce/deploy-result.ts
var deploy_result = __webpack_require__(42328);
// EXTERNAL MODULE: ./src/flows/gates.ts
var gates = __webpack_require__(83973);
// EXTERNAL MODULE: ./src/flows/quick-deploy.ts + 1 modules
var quick_deploy = __webpack_require__(22244);
// EXTERNAL MODULE: ./src/flows/recorded-deploy.ts + 1 modules
var recorded_deploy = __webpack_require__(66261);
;// CONCATENATED MODULE: ./src/github/release-record.ts


const ARTIFACT_PREFIX = 'salesforce-release-';
/** The file of a release artifact holding its ReleaseRecord. */
const RELEASE_FILE = 'release.json';
/** `salesforce-release-<org id>-<run id>-<attempt>`: one per production org, run and attempt. */
function releaseArtifactName(orgId, runId, attempt) {
    return `${releaseArtifactPrefix(orgId)}${runId}-${attempt}`;
}
/** The start of every release artifact name for an org. */
function releaseArtifactPrefix(orgId) {
    return `${ARTIFACT_PREFIX}${orgId}-`;
}
/** Writes the record as the artifact's one file; returns the file list to upload. */
function writeReleaseRecord(dir, record) {
    (0,external_node_fs_.writeFileSync)(external_node_path_default().join(dir, RELEASE_FILE), `${JSON.stringify(record, null, 2)}\n`);
    return [RELEASE_FILE];
}
/** Reads a downloaded release artifact; undefined when it does not hold a well-formed record. */
function readReleaseRecord(dir) {
    let value;
    try {
        value = JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, RELEASE_FILE), 'utf8'));
    }
    catch {
        return undefined;
    }
    const isText = (v) => typeof v === 'string' && v.length > 0;
    if (!value || typeof value !== 'object' || !isText(value.orgId) || !isText(value.commit) || !/^[0-9a-f]{40}$/i.test(value.commit) || !isText(value.deployId))
        return undefined;
    return {
        orgId: value.orgId,
        commit: value.commit.toLowerCase(),
        deployId: value.deployId,
        quickDeployed: value.quickDeployed === true,
        rollbackArtifact: String(value.rollbackArtifact ?? ''),
        runId: Number(value.runId),
        runAttempt: Number(value.runAttempt),
        deployedAt: String(value.deployedAt ?? ''),
    };
}

// EXTERNAL MODULE: ./src/github/run-evidence.ts
var run_evidence = __webpack_require__(6642);
// EXTERNAL MODULE: ./src/salesforce/deploy-records.ts
var deploy_records = __webpack_require__(54563);
// EXTERNAL MODULE: ./src/flows/run-state.ts
var run_state = __webpack_require__(13180);
;// CONCATENATED MODULE: ./src/flows/release-evidence.ts












/** Release artifacts looked at, newest first, before giving up on a delta base. */
const MAX_RECORDS = 5;
/**
 * After a successful production deploy, records the commit and the deploy id in an artifact of
 * this run, so a later delta release can prove what production holds. Best effort: without it
 * the next delta release packages everything.
 */
async function recordRelease(run, production, deploy) {
    const { context, settings } = run;
    const record = {
        orgId: (0,bundle/* orgId18 */.$J)(production.identity.id),
        commit: context.sha,
        deployId: deploy.id,
        quickDeployed: deploy.quickDeployed,
        rollbackArtifact: deploy.rollbackArtifact,
        runId: context.runId,
        runAttempt: context.runAttempt,
        deployedAt: new Date().toISOString(),
    };
    const name = releaseArtifactName(record.orgId, context.runId, context.runAttempt);
    try {
        const dir = (0,run_state/* runTempDir */.j)('sf-release-');
        await (0,github_artifacts/* createArtifactStore */.G)(context, settings.githubToken).upload(name, dir, writeReleaseRecord(dir, record));
        run.runner.info(`Release recorded in artifact '${name}': commit ${context.sha.slice(0, 7)}, production deploy ${deploy.id}.`);
    }
    catch (error) {
        run.report.warnings.push(`Production was deployed, but the release record '${name}' could not be uploaded (${(0,errors/* errorMessage */.gJ)(error)}); the next delta release will package the whole source.`);
    }
}
/**
 * The commit a delta release compares with, when one is proven deployed: recorded by the newest
 * release artifact of a `push` or `workflow_dispatch` run of this repository on a production
 * branch (GitHub's `workflow_run` says which run uploaded it), whose deploy Salesforce confirms
 * as a succeeded production deploy and the last one that changed the org, and an ancestor of the
 * release commit. Otherwise undefined, and the summary says why the whole source is packaged.
 * GitHub Deployments are never consulted: anyone with `deployments: write` writes them.
 */
async function provenDeltaBase(run, github, production) {
    const { context, settings, report } = run;
    const packAll = (why) => {
        report.notes.push(`delta: ${why}; the whole source was packaged.`);
        run.runner.info(`Delta base: ${why}; the whole source is packaged.`);
        return undefined;
    };
    const orgId = (0,bundle/* orgId18 */.$J)(production.identity.id);
    const repository = `${github.owner}/${github.repo}`;
    // The branch gate has passed: with production-branches empty, this run's branch is the default branch.
    const patterns = settings.productionBranches.length ? settings.productionBranches : [(0,github_branch/* branchOfRef */.V4)(context.ref) ?? ''];
    const refused = [];
    let proven;
    try {
        const runs = new Map();
        const store = (0,github_artifacts/* createArtifactStore */.G)(context, settings.githubToken);
        const artifacts = (await (0,run_evidence/* listRepositoryArtifacts */.Yd)(github, releaseArtifactPrefix(orgId))).filter((a) => a.workflowRun?.id !== context.runId);
        for (const artifact of artifacts.slice(0, MAX_RECORDS)) {
            const runId = artifact.workflowRun?.id;
            if (runId === undefined) {
                refused.push(`artifact '${artifact.name}' names no workflow run`);
                continue;
            }
            const origin = runs.get(runId) ?? (await (0,run_evidence/* getRun */.Mh)(github, runId));
            runs.set(runId, origin);
            const problem = (0,run_evidence/* releaseEvidenceProblem */.U2)(origin, artifact, repository, patterns);
            if (problem) {
                refused.push(problem);
                continue;
            }
            const dir = external_node_path_default().join((0,run_state/* runTempDir */.j)('sf-release-record-'), String(artifact.id));
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            await store.downloadFromRun(runId, artifact.id, dir, artifact.digest);
            const record = readReleaseRecord(dir);
            // The commit must be the one GitHub says the run ran on, not just what the file claims.
            const recordProblem = !record
                ? 'holds no release record'
                : !(0,bundle/* sameOrg */.JJ)(record.orgId, orgId)
                    ? `records org ${record.orgId}`
                    : record.commit !== origin.headSha.toLowerCase()
                        ? `records commit ${record.commit.slice(0, 7)}, but its run ran on ${origin.headSha.slice(0, 7)}`
                        : !(0,deploy_records/* isDeployId */.jy)(record.deployId)
                            ? 'names no Salesforce deploy id'
                            : undefined;
            if (recordProblem || !record) {
                refused.push(`artifact '${artifact.name}' of run ${runId} ${recordProblem}`);
                continue;
            }
            proven = { record, artifact: artifact.name, runId };
            break;
        }
    }
    catch (error) {
        return packAll(`the release artifacts of earlier runs could not be read (${(0,errors/* errorMessage */.gJ)(error)}; the github-token needs actions: read)`);
    }
    if (!proven)
        return packAll(`no release artifact of an earlier production run of ${repository} records a deploy to org ${orgId}${refused.length ? ` (not counted: ${refused.join('; ')})` : ''}`);
    if (refused.length)
        run.runner.info(`Delta base: not counted: ${refused.join('; ')}.`);
    const { record } = proven;
    const source = `release ${record.commit.slice(0, 7)} (artifact '${proven.artifact}' of run ${proven.runId}, deploy ${record.deployId})`;
    try {
        const deploy = await (0,deploy_records/* readDeployRecord */.bq)(production, record.deployId, 'recorded production deploy');
        if (deploy.outcome.checkOnly || !deploy.outcome.success || deploy.outcome.status !== deploy_result/* DeployStatus */.Ut.Succeeded) {
            return packAll(`Salesforce reports the deploy of ${source} as ${deploy.outcome.checkOnly ? 'a check-only validation' : deploy.outcome.status || 'unknown'}, not a succeeded production deploy`);
        }
        const last = await (0,deploy_records/* lastChangingDeploy */.nf)(production);
        if (!last || last.id.slice(0, 15) !== record.deployId.slice(0, 15)) {
            return packAll(`production changed after ${source}: its last deploy is ${last ? `${last.id}${last.completedDate ? ` (${last.completedDate})` : ''}` : 'not on record'}`);
        }
    }
    catch (error) {
        return packAll(`the deploy of ${source} could not be checked with Salesforce (${(0,errors/* errorMessage */.gJ)(error)})`);
    }
    const ancestry = await isAncestor(context.workspace, record.commit, context.sha);
    if (ancestry !== true) {
        return packAll(ancestry === false ? `${source} is not an ancestor of ${context.sha.slice(0, 7)}` : `whether ${source} is an ancestor of ${context.sha.slice(0, 7)} is unknown (${ancestry}; check out with fetch-depth: 0)`);
    }
    report.notes.push(`delta: compared with ${source}, which Salesforce confirms is production's last deploy.`);
    return record.commit;
}
/**
 * `git merge-base --is-ancestor`: true or false, or the reason git could not tell (an unknown
 * commit in a shallow clone).
 */
function isAncestor(workspace, ancestor, commit) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)('git', ['merge-base', '--is-ancestor', ancestor, commit], { cwd: workspace }, (error, _stdout, stderr) => {
            if (!error)
                return resolve(true);
            if (error.code === 1)
                return resolve(false);
            resolve(String(stderr || error.message).trim().split('\n')[0] ?? 'git failed');
        });
    });
}

// EXTERNAL MODULE: ./src/flows/salesforce-steps.ts + 1 modules
var salesforce_steps = __webpack_require__(92875);
;// CONCATENATED MODULE: ./src/flows/release.ts


















/** `mode: deploy`: straight to a sandbox, or through every gate of SPEC.md to production. */
async function releaseFlow(run) {
    if (run.settings.environment === 'sandbox')
        return sandboxDeploy(run);
    const { settings, context, report } = run;
    const github = await run.github();
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.Branch, async () => {
        const event = (0,plan/* assertEventMayRun */.r)(settings, context);
        // The checkout first: it needs no network, and nothing else matters if the tree is not the commit.
        const tree = await assertCheckedOutCommit(context.workspace, context.sha, packagingPaths(settings.sourceDirs, settings.manifest), (0,package_contents/* forceIgnoreOf */.bM)(context.workspace, settings.sourceDirs));
        const branch = await (0,github_branch/* assertProductionBranch */.eS)(github, context, settings.productionBranches, (note) => report.notes.push(note));
        return `${event}; ${tree}. ${branch}`;
    });
    // Packaging is local: a package Salesforce would refuse (the Metadata API's limits) is refused
    // before any Salesforce call. A delta release needs production's record of its base first.
    let pkg = settings.delta ? undefined : await (0,salesforce_steps/* packageSource */.iJ)(run);
    const [sandbox, production] = await (0,salesforce_steps/* connectOrgs */.iT)(run, ['sandbox', 'production']);
    // The cheap approval check runs before the hour of tests; it is repeated before the snapshot
    // and again right before the production deploy, since a review can be dismissed meanwhile.
    const policy = (0,approvals/* approvalPolicy */.Uh)(settings);
    await checkApprovals(run, policy, 'before validation');
    pkg ??= await (0,salesforce_steps/* packageSource */.iJ)(run, await provenDeltaBase(run, github, production));
    const validation = await (0,salesforce_steps/* runOperation */.xj)(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true });
    report.validationId = validation.id;
    (0,salesforce_steps/* assertValidation */.A3)(run, validation, 'Sandbox validation', pkg);
    await checkApprovals(run, policy, 'after validation');
    const name = settings.rollbackArtifactName ?? (0,bundle/* rollbackArtifactName */.AP)(production.identity.id, context.runId, context.runAttempt);
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.Snapshot, async () => {
        const snapshot = await (0,rollback_snapshot/* saveRollbackSnapshot */.a)(production, pkg.components, {
            name,
            commit: context.sha,
            workDir: (0,run_state/* runTempDir */.j)('sf-rollback-'),
            store: (0,github_artifacts/* createArtifactStore */.G)(context, settings.githubToken),
            apiVersion: settings.apiVersion,
            timeoutMs: settings.waitMinutes * 60000,
            log: run.runner.info,
            // Components the release deletes are saved too, so the rollback can bring them back.
            release: { runId: context.runId, runAttempt: context.runAttempt, deleted: pkg.destructive ?? [] },
        });
        report.rollbackArtifact = snapshot.name;
        const restores = snapshot.manifest.components.length;
        const deletes = snapshot.manifest.destructive?.length ?? 0;
        return `artifact '${snapshot.name}' uploaded and read back, checksums verified: restores ${restores} component(s), deletes ${deletes} the release adds`;
    });
    const approvedHead = await checkApprovals(run, policy, 'right before the production deploy');
    if (settings.dryRun) {
        report.status = constants/* RunStatus */.i2.Skipped;
        report.message = `Dry run: every gate passed and the rollback artifact '${name}' is saved; nothing was submitted to production.`;
        return;
    }
    const quick = settings.validateProduction ? await (0,quick_deploy/* findQuickDeployable */.Wv)(run, github, production, pkg, approvedHead) : undefined;
    const deploy = await (0,recorded_deploy/* recordedDeploy */.U)(run, production, {
        label: 'Production deploy',
        environment: settings.environment,
        description: `Salesforce deploy of ${context.sha.slice(0, 7)} to ${production.identity.name}`,
        payload: { orgId: production.identity.id, validationId: validation.id, rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
        inProgress: 'Deploying to production',
        succeeded: (id) => `Deploy ${id} succeeded; rollback artifact ${name}`,
        whenFailed: 'Salesforce rolled it back (rollbackOnError); production is unchanged.',
    }, async (onSubmitted) => (quick && (await quickDeploy(run, production, pkg, quick.validationId, onSubmitted))) || (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Production deploy', checkOnly: false, onSubmitted }));
    report.quickDeployed ??= false;
    await recordRelease(run, production, { id: deploy.id, quickDeployed: report.quickDeployed, rollbackArtifact: name });
    report.status = constants/* RunStatus */.i2.Succeeded;
    report.message = `Deployed to production ${production.identity.name} (${deploy.id}${report.quickDeployed ? ', quick deploy' : ''}). Rollback artifact: ${name}.`;
}
/**
 * Quick deploys a production validation of this exact content. When Salesforce refuses it (a
 * deploy since then invalidated it, or it expired) nothing started, and undefined says a full
 * deploy should follow.
 */
async function quickDeploy(run, production, pkg, validationId, onSubmitted) {
    try {
        const outcome = await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Production quick deploy', checkOnly: false, quickDeployOf: validationId, onSubmitted });
        run.report.quickDeployed = true;
        return outcome;
    }
    catch (error) {
        if (!(error instanceof deploy/* QuickDeployRefused */.$3))
            throw error;
        run.runner.warning(`${error.message}. Running a full deploy with tests instead.`);
        return undefined;
    }
}
/** Evaluates the approval gate and records who counted; returns the approved pull request's head. */
async function checkApprovals(run, policy, when) {
    let head;
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.Approvals, async () => {
        const evidence = await (0,approvals/* gatherApprovalEvidence */.ox)(await run.github(), run.context, policy, run.settings.environment);
        const verdict = (0,approvals/* evaluateApprovals */.EQ)(evidence, policy, run.settings.environment);
        run.report.approvalLines = (0,approvals/* describeVerdict */.XZ)(verdict);
        (0,approvals/* assertApprovals */.j7)(verdict);
        const pr = evidence.pullRequest;
        head = pr?.headSha;
        // The approvals are of the pull request's head; the release deploys its merge commit.
        const change = pr
            ? await assertApprovedChange(run.context.workspace, run.context.sha, pr.headSha, pr.number)
            : `no pull request was merged into ${run.context.sha.slice(0, 7)}, so the approvals are of this run's deployment review, which shows the commit`;
        return `${verdict.counted.length} of ${verdict.required} required approval(s) (${verdict.counted.map((c) => c.login).join(', ') || 'none needed'}), checked ${when}; ${change}`;
    });
    return head;
}
/** A deploy to a sandbox: no production gates, tests per test-level. */
async function sandboxDeploy(run) {
    const pkg = await (0,salesforce_steps/* packageSource */.iJ)(run);
    const [sandbox] = await (0,salesforce_steps/* connectOrgs */.iT)(run, ['sandbox']);
    const deploy = await (0,salesforce_steps/* runOperation */.xj)(run, sandbox, pkg, { label: 'Sandbox deploy', checkOnly: false, onSubmitted: (id) => (run.report.deployId = id) });
    run.report.deployId = deploy.id;
    if (!deploy.success)
        throw new errors/* SalesforceError */.mO(`Sandbox deploy ${deploy.id} ${deploy.status}: ${(0,deploy_result/* failureSummary */.jg)(deploy)}`);
    run.report.status = constants/* RunStatus */.i2.Succeeded;
    run.report.message = `Deployed to the sandbox ${sandbox.identity.name} (${deploy.id}).`;
}


/***/ })

};
