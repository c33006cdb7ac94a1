export const id = 244;
export const ids = [244];
export const modules = {

/***/ 22244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Wv: () => (/* binding */ findQuickDeployable),
  MZ: () => (/* binding */ recordProductionValidation)
});

// UNUSED EXPORTS: quickDeployMismatch

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/artifacts.ts
var artifacts = __webpack_require__(4616);
// EXTERNAL MODULE: ./src/github/run-evidence.ts
var run_evidence = __webpack_require__(6642);
;// CONCATENATED MODULE: ./src/github/validation-ledger.ts


/** Salesforce keeps a validation quick-deployable for ten days. */
const QUICK_DEPLOY_DAYS = 10;
const ARTIFACT_PREFIX = 'salesforce-validation-';
/** The file of a ledger artifact holding its ValidationRecord. */
const VALIDATION_FILE = 'validation.json';
/** `salesforce-validation-<org id>-<run id>-<attempt>`: one per production org, run and attempt. */
function validationArtifactName(orgId, runId, attempt) {
    return `${validationArtifactPrefix(orgId)}${runId}-${attempt}`;
}
/** The start of every ledger artifact name for an org. */
function validationArtifactPrefix(orgId) {
    return `${ARTIFACT_PREFIX}${orgId}-`;
}
/** Writes the record as the artifact's one file; returns the file list to upload. */
function writeValidationRecord(dir, record) {
    (0,external_node_fs_.writeFileSync)(external_node_path_default().join(dir, VALIDATION_FILE), `${JSON.stringify(record, null, 2)}\n`);
    return [VALIDATION_FILE];
}
/** Reads a downloaded ledger artifact; undefined when it does not hold a well-formed record. */
function readValidationRecord(dir) {
    let value;
    try {
        value = JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, VALIDATION_FILE), 'utf8'));
    }
    catch {
        return undefined;
    }
    const isText = (v) => typeof v === 'string' && v.length > 0;
    if (!value || typeof value !== 'object' || !isText(value.validationId) || !isText(value.orgId) || !isText(value.contentDigest) ||
        !isText(value.testLevel) || !Array.isArray(value.tests) || !value.tests.every((t) => typeof t === 'string') || !isText(value.sha)) {
        return undefined;
    }
    return { validationId: value.validationId, orgId: value.orgId, contentDigest: value.contentDigest, testLevel: value.testLevel, tests: value.tests, sha: value.sha, validatedAt: String(value.validatedAt ?? '') };
}
/**
 * Why a ledger entry does not stand for what the release is about to deploy, or undefined when it
 * does (pure): the same org, content and tests, validated on `sha` (the head of the approved pull
 * request). Its age is not judged here: only Salesforce's clock counts for that.
 */
function validationMismatch(entry, wanted) {
    const sameTests = [...entry.tests].sort().join(',') === [...wanted.tests].sort().join(',');
    if (entry.sha.toLowerCase() !== wanted.sha.toLowerCase())
        return `it records commit ${entry.sha.slice(0, 7)}, not the approved head ${wanted.sha.slice(0, 7)}`;
    if (entry.orgId.slice(0, 15) !== wanted.orgId.slice(0, 15))
        return `it records org ${entry.orgId}, not ${wanted.orgId}`;
    if (entry.contentDigest !== wanted.contentDigest)
        return 'it validated other content than this package';
    if (entry.testLevel !== wanted.testLevel || !sameTests)
        return `it ran ${entry.testLevel}${entry.tests.length ? ` (${entry.tests.join(', ')})` : ''}, not ${wanted.testLevel}${wanted.tests.length ? ` (${wanted.tests.join(', ')})` : ''}`;
    return undefined;
}

// EXTERNAL MODULE: ./src/rollback/bundle.ts
var bundle = __webpack_require__(85038);
// EXTERNAL MODULE: ./src/salesforce/deploy-records.ts
var deploy_records = __webpack_require__(54563);
// EXTERNAL MODULE: ./src/salesforce/deploy-result.ts
var deploy_result = __webpack_require__(42328);
// EXTERNAL MODULE: ./src/salesforce/package.ts + 1 modules
var salesforce_package = __webpack_require__(73107);
// EXTERNAL MODULE: ./src/flows/run-state.ts
var run_state = __webpack_require__(13180);
;// CONCATENATED MODULE: ./src/flows/quick-deploy.ts











/** How many validation artifacts of the approved head are checked with Salesforce at most. */
const MAX_CANDIDATES = 3;
const DAY_MS = 86400000;
/**
 * After a successful check-only deploy against production in a pull request, uploads the ledger
 * entry as an artifact of this run, so the release of the same content can quick deploy it. Best
 * effort: without it the release runs a full deploy.
 */
async function recordProductionValidation(run, production, pkg, validation) {
    const { settings, context } = run;
    const record = {
        validationId: validation.id,
        orgId: (0,bundle/* orgId18 */.$J)(production.identity.id),
        contentDigest: (0,salesforce_package/* packageDigest */.jK)(pkg.zip),
        testLevel: settings.testLevel,
        tests: settings.tests,
        sha: context.payload.pull_request?.head?.sha ?? context.sha,
        validatedAt: new Date().toISOString(),
    };
    const name = validationArtifactName(record.orgId, context.runId, context.runAttempt);
    try {
        const dir = (0,run_state/* runTempDir */.j)('sf-validation-');
        await (0,artifacts/* createArtifactStore */.G)(context, settings.githubToken).upload(name, dir, writeValidationRecord(dir, record));
        run.report.notes.push(`Production validation ${validation.id} is recorded in artifact '${name}' for a quick deploy of this exact content within ${QUICK_DEPLOY_DAYS} days.`);
    }
    catch (error) {
        run.runner.warning(`Could not upload the production validation record '${name}' (${(0,errors/* errorMessage */.gJ)(error)}); the release will run a full deploy.`);
    }
}
/**
 * A production validation a quick deploy may use: the ledger artifact of a `pull_request` run of
 * this repository (not a fork) on the approved pull request's head, for exactly this package, org
 * and tests, and which Salesforce confirms (check-only, succeeded, tests ran, same test level and
 * components, completed under ten days ago by the org's clock). Undefined means a full deploy
 * with tests; the summary then says why.
 */
async function findQuickDeployable(run, github, production, pkg, approvedHeadSha) {
    const fullDeploy = (why) => {
        run.runner.info(`Quick deploy: ${why}; a full deploy with tests follows.`);
        run.report.notes.push(`quick deploy: not used, ${why}; a full deploy with tests ran instead.`);
        return undefined;
    };
    if (!approvedHeadSha)
        return fullDeploy('no approved pull request is merged into this commit, so no production validation can be tied to the reviewed content');
    const orgId = (0,bundle/* orgId18 */.$J)(production.identity.id);
    const wanted = { orgId, contentDigest: (0,salesforce_package/* packageDigest */.jK)(pkg.zip), testLevel: run.settings.testLevel, tests: run.settings.tests, sha: approvedHeadSha };
    const refused = [];
    let candidates;
    try {
        candidates = await validationArtifacts(github, approvedHeadSha, orgId, refused);
    }
    catch (error) {
        return fullDeploy(`the validation artifacts of the approved head ${approvedHeadSha.slice(0, 7)} could not be listed (${(0,errors/* errorMessage */.gJ)(error)}; the github-token needs actions: read)`);
    }
    if (candidates.length === 0) {
        return fullDeploy(`no pull_request run of this repository on the approved head ${approvedHeadSha.slice(0, 7)} recorded a production validation${refused.length ? ` (not counted: ${refused.join('; ')})` : ''}`);
    }
    const store = (0,artifacts/* createArtifactStore */.G)(run.context, run.settings.githubToken);
    let now;
    for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
        const where = `artifact '${candidate.name}' of run ${candidate.runId}`;
        let entry;
        try {
            const dir = external_node_path_default().join((0,run_state/* runTempDir */.j)('sf-ledger-'), String(candidate.artifactId));
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            await store.downloadFromRun(candidate.runId, candidate.artifactId, dir, candidate.digest);
            entry = readValidationRecord(dir);
        }
        catch (error) {
            refused.push(`${where} could not be read (${(0,errors/* errorMessage */.gJ)(error)})`);
            continue;
        }
        const problem = !entry ? 'it holds no validation record' : !(0,deploy_records/* isDeployId */.jy)(entry.validationId) ? 'it names no Salesforce deploy id' : validationMismatch(entry, wanted);
        if (problem || !entry) {
            refused.push(`${where}: ${problem}`);
            continue;
        }
        let validation;
        try {
            validation = await (0,deploy_records/* readDeployRecord */.bq)(production, entry.validationId, 'production validation');
            now ??= await (0,deploy_records/* orgTime */.C2)(production);
        }
        catch (error) {
            refused.push(`production validation ${entry.validationId} could not be checked with Salesforce (${(0,errors/* errorMessage */.gJ)(error)})`);
            continue;
        }
        const sandboxValidation = run.report.operations.find((op) => op.role === 'sandbox' && op.outcome.id === run.report.validationId)?.outcome;
        const mismatch = quickDeployMismatch(validation, pkg, { testLevel: run.settings.testLevel, tests: run.settings.tests, orgNow: now, expectedComponentsTotal: sandboxValidation?.componentsTotal });
        if (mismatch) {
            run.runner.warning(`${where} names production validation ${entry.validationId}, but Salesforce reports ${mismatch}; it is not used.`);
            refused.push(`Salesforce reports of validation ${entry.validationId} ${mismatch}`);
            continue;
        }
        run.runner.info(`Production validation ${entry.validationId} of this exact content (commit ${entry.sha.slice(0, 7)}, ${where}) is confirmed by Salesforce and can be quick deployed.`);
        return entry;
    }
    return fullDeploy(`no production validation of the approved head ${approvedHeadSha.slice(0, 7)} could be confirmed: ${refused.join('; ')}`);
}
/**
 * The ledger artifacts for `orgId` of pull-request runs of this repository on `headSha`, newest
 * first; artifacts of any other run are left out, with the reason added to `refused`.
 */
async function validationArtifacts(github, headSha, orgId, refused) {
    const repository = `${github.owner}/${github.repo}`;
    const found = [];
    for (const candidateRun of await (0,run_evidence/* listRunsForCommit */.L8)(github, headSha, 'pull_request')) {
        for (const artifact of await (0,run_evidence/* listRunArtifacts */.NG)(github, candidateRun.id)) {
            if (!artifact.name.startsWith(validationArtifactPrefix(orgId)))
                continue;
            const problem = (0,run_evidence/* pullRequestEvidenceProblem */.XT)(candidateRun, artifact, repository, headSha);
            if (problem) {
                refused.push(problem);
                continue;
            }
            found.push({ runId: candidateRun.id, artifactId: artifact.id, name: artifact.name, createdAt: artifact.createdAt ?? '', ...(artifact.digest ? { digest: artifact.digest } : {}) });
        }
    }
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.artifactId - a.artifactId);
}
/**
 * Why a validation Salesforce reports cannot stand for a deploy of `pkg`, or undefined when it
 * can (pure): it must be a check-only deploy that succeeded with tests run (a quick deploy skips
 * them), with the release's test level (and tests), completed less than ten days ago by the org's
 * clock, whose deployed and deleted components are exactly the package's, and, when a deploy of
 * this same package was counted in this run (the sandbox validation), with the same component
 * total. Members of a wildcard (`*`) type cannot be listed in advance, so any member of such a
 * type is accepted.
 */
function quickDeployMismatch(validation, pkg, expected) {
    const { outcome } = validation;
    if (!outcome.checkOnly)
        return `that ${outcome.id || 'it'} is not a check-only validation`;
    if (!outcome.success || outcome.status !== deploy_result/* DeployStatus */.Ut.Succeeded)
        return `its status as ${outcome.status || 'unknown'}, not ${deploy_result/* DeployStatus */.Ut.Succeeded}`;
    if (outcome.testsRun <= 0)
        return 'that it ran no tests, and a quick deploy needs a validation with tests';
    if (validation.testLevel !== expected.testLevel)
        return `that it ran with test level ${validation.testLevel ?? 'unknown'}, not ${expected.testLevel}`;
    if (expected.testLevel === 'RunSpecifiedTests' && [...validation.runTests].sort().join(',') !== [...expected.tests].sort().join(',')) {
        return `that it ran the tests ${validation.runTests.join(', ') || 'none'}, not ${expected.tests.join(', ')}`;
    }
    if (!validation.completedDate)
        return 'no completion date for it';
    const ageMs = expected.orgNow.getTime() - validation.completedDate.getTime();
    if (ageMs >= QUICK_DEPLOY_DAYS * DAY_MS) {
        return `that it completed ${validation.completedDate.toISOString()}, ${(ageMs / DAY_MS).toFixed(1)} days before the org's time ${expected.orgNow.toISOString()}; a validation can be quick deployed for ${QUICK_DEPLOY_DAYS} days`;
    }
    for (const [verb, reported, wanted] of [['deploy', validation.deployed, pkg.components], ['delete', validation.deleted, pkg.destructive ?? []]]) {
        const { extra, missing } = difference(reported, wanted);
        if (extra.length)
            return `that it would ${verb} ${list(extra)}, which this package does not`;
        if (missing.length)
            return `that it would not ${verb} ${list(missing)}, which this package does`;
    }
    if (expected.expectedComponentsTotal !== undefined && outcome.componentsTotal !== expected.expectedComponentsTotal) {
        return `${outcome.componentsTotal} component(s) in it, while the sandbox validation of this package counted ${expected.expectedComponentsTotal}`;
    }
    return undefined;
}
/** Components (`type:fullName`) reported but not expected, and expected but not reported. */
function difference(reported, expected) {
    const key = (c) => `${c.type}:${c.fullName}`;
    const wildcardTypes = new Set(expected.filter((c) => c.fullName === '*').map((c) => c.type));
    const want = new Set(expected.filter((c) => c.fullName !== '*').map(key));
    const have = new Set(reported.map(key));
    return {
        extra: reported.filter((c) => !want.has(key(c)) && !wildcardTypes.has(c.type)).map(key).sort(),
        missing: [...want].filter((k) => !have.has(k)).sort(),
    };
}
function list(keys) {
    return `${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;
}


/***/ }),

/***/ 6642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L8: () => (/* binding */ listRunsForCommit),
/* harmony export */   Mh: () => (/* binding */ getRun),
/* harmony export */   NG: () => (/* binding */ listRunArtifacts),
/* harmony export */   U2: () => (/* binding */ releaseEvidenceProblem),
/* harmony export */   XT: () => (/* binding */ pullRequestEvidenceProblem),
/* harmony export */   Yd: () => (/* binding */ listRepositoryArtifacts)
/* harmony export */ });
/* harmony import */ var _branch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66675);

/** Pages read at most when searching runs or artifacts: evidence older than that is not looked for. */
const MAX_PAGES = 3;
/** The runs of this repository for one commit and event, newest first (`GET /actions/runs?head_sha=&event=`). */
async function listRunsForCommit(client, headSha, event) {
    const { octokit, owner, repo } = client;
    const runs = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: headSha, event, per_page: 100, page, exclude_pull_requests: true });
        runs.push(...data.workflow_runs.map(toRun));
        if (data.workflow_runs.length < 100)
            break;
    }
    return runs.sort((a, b) => b.id - a.id);
}
/** One run of this repository (`GET /actions/runs/{id}`). */
async function getRun(client, runId) {
    const { octokit, owner, repo } = client;
    const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId, exclude_pull_requests: true });
    return toRun(data);
}
/** The artifacts of one run (`GET /actions/runs/{id}/artifacts`), newest first. */
async function listRunArtifacts(client, runId) {
    const { octokit, owner, repo } = client;
    const artifacts = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: runId, per_page: 100, page });
        artifacts.push(...data.artifacts.map(toArtifact));
        if (data.artifacts.length < 100)
            break;
    }
    return newestFirst(artifacts);
}
/** The repository's newest artifacts whose name starts with `prefix` (`GET /actions/artifacts`), newest first. */
async function listRepositoryArtifacts(client, prefix) {
    const { octokit, owner, repo } = client;
    const artifacts = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await octokit.rest.actions.listArtifactsForRepo({ owner, repo, per_page: 100, page });
        artifacts.push(...data.artifacts.map(toArtifact).filter((a) => a.name.startsWith(prefix)));
        if (data.artifacts.length < 100)
            break;
    }
    return newestFirst(artifacts);
}
/**
 * Why an artifact cannot count as the record of a pull-request run of this repository on
 * `headSha`, or undefined when it can (pure): the run is a `pull_request` run of this repository,
 * its head commit is `headSha` and comes from this repository (a fork's pull request runs
 * whatever workflow the fork wrote), and GitHub says this run uploaded the artifact.
 */
function pullRequestEvidenceProblem(run, artifact, repository, headSha) {
    if (run.event !== 'pull_request')
        return `run ${run.id} was triggered by '${run.event}', not pull_request`;
    return originProblem(run, artifact, repository) ?? (sameSha(run.headSha, headSha) ? undefined : `run ${run.id} ran on ${short(run.headSha)}, not the approved head ${short(headSha)}`);
}
/**
 * Why an artifact cannot count as the record of a release run, or undefined when it can (pure):
 * a `push` or `workflow_dispatch` run of this repository, not from a fork, on a branch matching
 * the production branch patterns, which GitHub says uploaded the artifact.
 */
function releaseEvidenceProblem(run, artifact, repository, patterns) {
    if (run.event !== 'push' && run.event !== 'workflow_dispatch')
        return `run ${run.id} was triggered by '${run.event}', not push or workflow_dispatch`;
    const origin = originProblem(run, artifact, repository);
    if (origin)
        return origin;
    if (!run.headBranch || !(0,_branch_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesAnyBranchPattern */ .oi)(run.headBranch, patterns))
        return `run ${run.id} ran on branch '${run.headBranch ?? 'unknown'}', which is not a production branch (${patterns.join(', ')})`;
    return undefined;
}
/** The checks every kind of evidence shares: this repository, not a fork, and uploaded by that very run. */
function originProblem(run, artifact, repository) {
    const same = (a) => a !== undefined && a.toLowerCase() === repository.toLowerCase();
    if (!same(run.repository))
        return `run ${run.id} belongs to ${run.repository ?? 'an unknown repository'}, not ${repository}`;
    if (!same(run.headRepository))
        return `run ${run.id} ran on a commit from ${run.headRepository ?? 'an unknown repository'} (a fork), not ${repository}`;
    const origin = artifact.workflowRun;
    if (!origin || origin.id !== run.id)
        return `artifact '${artifact.name}' was uploaded by run ${origin?.id ?? 'unknown'}, not run ${run.id}`;
    if (run.repositoryId !== undefined && (origin.repositoryId !== run.repositoryId || origin.headRepositoryId !== run.repositoryId)) {
        return `artifact '${artifact.name}' was uploaded from another repository or a fork`;
    }
    if (!origin.headSha || !sameSha(origin.headSha, run.headSha))
        return `artifact '${artifact.name}' was uploaded on ${short(origin.headSha ?? '')}, not ${short(run.headSha)}`;
    if (artifact.expired)
        return `artifact '${artifact.name}' has expired`;
    return undefined;
}
function toRun(data) {
    return {
        id: data.id,
        event: data.event,
        headSha: data.head_sha,
        ...(data.head_branch ? { headBranch: data.head_branch } : {}),
        ...(data.repository?.full_name ? { repository: data.repository.full_name } : {}),
        ...(typeof data.repository?.id === 'number' ? { repositoryId: data.repository.id } : {}),
        ...(data.head_repository?.full_name ? { headRepository: data.head_repository.full_name } : {}),
    };
}
function toArtifact(data) {
    const run = data.workflow_run;
    return {
        id: data.id,
        name: data.name,
        ...(data.digest ? { digest: data.digest } : {}),
        ...(data.created_at ? { createdAt: data.created_at } : {}),
        expired: data.expired,
        ...(run
            ? {
                workflowRun: {
                    ...(typeof run.id === 'number' ? { id: run.id } : {}),
                    ...(run.head_sha ? { headSha: run.head_sha } : {}),
                    ...(run.head_branch ? { headBranch: run.head_branch } : {}),
                    ...(typeof run.repository_id === 'number' ? { repositoryId: run.repository_id } : {}),
                    ...(typeof run.head_repository_id === 'number' ? { headRepositoryId: run.head_repository_id } : {}),
                },
            }
            : {}),
    };
}
function newestFirst(artifacts) {
    return [...artifacts].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id);
}
function sameSha(a, b) {
    return /^[0-9a-f]{40}$/i.test(a) && a.toLowerCase() === b.toLowerCase();
}
function short(sha) {
    return sha.slice(0, 7) || 'an unknown commit';
}


/***/ }),

/***/ 54563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ orgTime),
/* harmony export */   bq: () => (/* binding */ readDeployRecord),
/* harmony export */   jy: () => (/* binding */ isDeployId),
/* harmony export */   nf: () => (/* binding */ lastChangingDeploy)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72204);
/* harmony import */ var _deploy_result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42328);



/** A Salesforce deploy id (`0Af…`, 15 or 18 characters); anything else is never put in a URL or a query. */
function isDeployId(id) {
    return typeof id === 'string' && /^0Af[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$/.test(id);
}
/**
 * Reads a deploy of the org: `GET /services/data/vXX.X/metadata/deployRequest/<id>?includeDetails=true`
 * (Metadata API Developer Guide, "Deploy Metadata with REST"), which unlike SOAP checkDeployStatus
 * also says which test level the deploy ran with.
 */
async function readDeployRecord(session, id, purpose) {
    if (!isDeployId(id))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`'${String(id).slice(0, 40)}' is not a Salesforce deploy id.`);
    const answer = await session.retrying(`Reading the ${purpose} ${id}`, (c) => c.request(`/services/data/v${c.version}/metadata/deployRequest/${id}?includeDetails=true`));
    const raw = answer?.deployResult ?? {};
    const options = answer?.deployOptions ?? {};
    const completed = typeof raw.completedDate === 'string' ? new Date(raw.completedDate) : undefined;
    const runTests = options.runTests;
    return {
        outcome: (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .readDeployResult */ .T0)(raw),
        ...(0,_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .reportedComponents */ .WF)(raw),
        ...(typeof options.testLevel === 'string' && options.testLevel ? { testLevel: options.testLevel } : {}),
        runTests: Array.isArray(runTests) ? runTests.map(String) : typeof runTests === 'string' && runTests ? [runTests] : [],
        ...(completed && !Number.isNaN(completed.getTime()) ? { completedDate: completed } : {}),
    };
}
/**
 * The org's current time (Partner SOAP API `getServerTimestamp`): a validation's age is measured
 * by Salesforce's clock, against its own completedDate, never by the runner's clock.
 */
async function orgTime(session) {
    const answer = await session.retrying('Reading the org time', (c) => c.soap.getServerTimestamp());
    const time = new Date(String(answer?.timestamp ?? ''));
    if (Number.isNaN(time.getTime()))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`The org answered getServerTimestamp with '${String(answer?.timestamp).slice(0, 40)}', not a time.`);
    return time;
}
/**
 * The org's last deploy that changed it (not check-only, succeeded), from the Tooling API's
 * DeployRequest; undefined when it has none on record (Salesforce keeps deploys for 30 days).
 */
async function lastChangingDeploy(session) {
    const result = await session.retrying('Listing the last production deploy', async (c) => await c.tooling.query("SELECT Id, CompletedDate FROM DeployRequest WHERE CheckOnly = false AND (Status = 'Succeeded' OR Status = 'SucceededPartial') ORDER BY CompletedDate DESC LIMIT 1"));
    const last = result.records[0];
    return last ? { id: String(last.Id), ...(last.CompletedDate ? { completedDate: String(last.CompletedDate) } : {}) } : undefined;
}


/***/ })

};
