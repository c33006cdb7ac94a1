export const id = 822;
export const ids = [822];
export const modules = {

/***/ 97793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ recordedDeploy)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19556);
/* harmony import */ var _github_deployments_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16887);
/* harmony import */ var _report_run_report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57330);
/* harmony import */ var _salesforce_deploy_result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42328);





/**
 * Runs a production deploy (or rollback) under a GitHub Deployment: in progress while it runs,
 * then success, failure or error. The deploy id reaches the outputs as soon as Salesforce accepts
 * it. Once Salesforce has answered, a failure to record the status is a warning: the run's status
 * must say what happened to production, not to its record.
 */
async function recordedDeploy(run, production, record, perform) {
    const github = await run.github();
    const { context, report } = run;
    const deploymentId = await (0,_github_deployments_js__WEBPACK_IMPORTED_MODULE_2__/* .createDeployment */ .Yy)(github, context, record);
    report.deploymentId = deploymentId;
    await (0,_github_deployments_js__WEBPACK_IMPORTED_MODULE_2__/* .setDeploymentStatus */ .e9)(github, context, deploymentId, { state: 'in_progress', description: record.inProgress, logUrl: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_1__/* .runUrl */ .Vp)(context) });
    const status = async (update) => {
        try {
            await (0,_github_deployments_js__WEBPACK_IMPORTED_MODULE_2__/* .setDeploymentStatus */ .e9)(github, context, deploymentId, { ...update, logUrl: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_1__/* .runUrl */ .Vp)(context) });
        }
        catch (error) {
            report.warnings.push(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)} Production is as the run reports it; the GitHub deployment does not show it.`);
        }
    };
    let outcome;
    try {
        outcome = await perform((id) => (report.deployId = id));
    }
    catch (error) {
        await status({ state: 'error', description: `${record.label} could not be completed` });
        throw error;
    }
    report.deployId = outcome.id;
    const environmentUrl = (0,_report_run_report_js__WEBPACK_IMPORTED_MODULE_4__/* .setupDeployUrl */ .i7)(production.identity.instanceUrl, outcome.id);
    if (!outcome.success) {
        await status({ state: 'failure', description: `${record.label} ${outcome.id} ${outcome.status}`, environmentUrl });
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`${record.label} ${outcome.id} ${outcome.status}: ${(0,_salesforce_deploy_result_js__WEBPACK_IMPORTED_MODULE_3__/* .failureSummary */ .jg)(outcome).replace(/\.$/, '')}. ${record.whenFailed}`);
    }
    await status({ state: 'success', description: record.succeeded(outcome.id), environmentUrl });
    return outcome;
}


/***/ }),

/***/ 13180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ runTempDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** A fresh folder under the runner's temp directory (removed by the runner after the job). */
function runTempDir(prefix) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(process.env.RUNNER_TEMP ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), prefix));
}


/***/ }),

/***/ 4616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ createArtifactStore),
/* harmony export */   j: () => (/* binding */ ArtifactDigestMismatch)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/** The bytes of an artifact differ from the digest recorded when it was uploaded. */
class ArtifactDigestMismatch extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ {
}
/** An ArtifactStore over @actions/artifact, loaded on first use to keep start-up lean. */
function createArtifactStore(context, token) {
    let client;
    const artifacts = () => (client ??= Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(746), __webpack_require__.e(244)]).then(__webpack_require__.bind(__webpack_require__, 37244)).then((m) => new m.DefaultArtifactClient()));
    const findBy = (runId) => ({ token, workflowRunId: runId, repositoryOwner: context.owner, repositoryName: context.repo });
    const repository = `${context.owner}/${context.repo}`;
    return {
        async upload(name, rootDir, files) {
            const c = await artifacts();
            const absolute = files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(rootDir, f));
            const response = await attempt(`Uploading artifact '${name}'`, () => c.uploadArtifact(name, absolute, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(rootDir)));
            if (!response.id)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Uploading artifact '${name}' returned no artifact id.`);
            return response.id;
        },
        async downloadOwn(name, dir) {
            const c = await artifacts();
            const { artifact } = await attempt(`Finding artifact '${name}' of this run`, () => c.getArtifact(name));
            const result = await attempt(`Downloading artifact '${name}' of this run`, () => c.downloadArtifact(artifact.id, { path: dir, ...(artifact.digest ? { expectedHash: artifact.digest } : {}) }));
            if (result.digestMismatch) {
                throw new ArtifactDigestMismatch(`The downloaded bytes of artifact '${name}' do not match the digest recorded at upload (${artifact.digest}).`);
            }
        },
        async listRun(runId) {
            const c = await artifacts();
            let listed;
            try {
                ({ artifacts: listed } = await c.listArtifacts({ findBy: findBy(runId) }));
            }
            catch (error) {
                // A 404 is a run id GitHub does not know in this repository, not a token without actions: read (403).
                if (error?.status === 404) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Run ${runId} was not found in ${repository}. Check rollback-run-id: it is the number in the run's URL (…/actions/runs/<id>), of a run in this repository.`);
                }
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Listing the artifacts of run ${runId} in ${repository} (the github-token needs actions: read) failed: ${scrub((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error))}`);
            }
            return listed.map((a) => ({
                id: a.id,
                name: a.name,
                ...(a.createdAt ? { createdAt: a.createdAt.toISOString() } : {}),
                ...(a.digest ? { digest: a.digest } : {}),
            }));
        },
        async downloadFromRun(runId, artifactId, dir, expectedDigest) {
            const c = await artifacts();
            const result = await attempt(`Downloading artifact ${artifactId} of run ${runId} in ${repository}`, () => c.downloadArtifact(artifactId, { path: dir, findBy: findBy(runId), ...(expectedDigest ? { expectedHash: expectedDigest } : {}) }));
            if (result.digestMismatch) {
                throw new ArtifactDigestMismatch(`The downloaded bytes of artifact ${artifactId} of run ${runId} do not match the digest GitHub recorded at upload (${expectedDigest}); the artifact was changed after it was stored.`);
            }
        },
    };
}
async function attempt(what, call) {
    try {
        return await call();
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${what} failed: ${scrub((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error))}`);
    }
}
/** Drops signatures and tokens that an HTTP error might carry (signed blob URLs, auth headers). */
function scrub(text) {
    return text
        .replace(/([?&](sig|se|sp|sv|sr|skoid|sktid|skt|ske|sks|skv|token)=)[^&\s"']+/gi, '$1[REDACTED]')
        .replace(/(Bearer|token)\s+[A-Za-z0-9._~+/-]{16,}=*/g, '$1 [REDACTED]');
}


/***/ }),

/***/ 16887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kk: () => (/* binding */ lastSuccessfulDeployment),
/* harmony export */   Yy: () => (/* binding */ createDeployment),
/* harmony export */   e9: () => (/* binding */ setDeploymentStatus)
/* harmony export */ });
/* unused harmony export DESCRIPTION_LIMIT */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);

/** GitHub's limit on a deployment status description. */
const DESCRIPTION_LIMIT = 140;
/**
 * Records a deployment of the run's commit under `environment`. It is never auto-merged and
 * waits for no status checks: the gates have already been checked by the action itself.
 */
async function createDeployment(client, context, request) {
    const { octokit, owner, repo } = client;
    const response = await octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: context.sha,
        task: request.task ?? 'deploy',
        environment: request.environment,
        description: truncate(request.description, DESCRIPTION_LIMIT),
        payload: request.payload,
        auto_merge: false,
        required_contexts: [],
        production_environment: request.environment.toLowerCase() === 'production',
        transient_environment: false,
    });
    const data = response.data;
    // 202 means GitHub merged the default branch instead of creating a deployment; auto_merge is
    // off, so this only happens if GitHub changes its behaviour.
    if (typeof data.id !== 'number')
        throw new Error(`GitHub did not create a deployment for ${context.sha.slice(0, 7)} in '${request.environment}' (HTTP ${response.status}: ${data.message ?? 'no id'}).`);
    return data.id;
}
/**
 * Sets the deployment's status; `success` also marks earlier deployments of the environment
 * inactive (GitHub's default). Unlike other writes it is retried on a 5xx or a broken
 * connection: posting the same status twice only repeats a line in the deployment's history,
 * while a lost `success` would leave a deploy that reached production recorded as in progress.
 */
async function setDeploymentStatus(client, context, id, update, options = {}) {
    const { octokit, owner, repo } = client;
    const delays = options.retryDelaysMs ?? [1000, 3000];
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 0;; attempt++) {
        try {
            await octokit.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: id,
                state: update.state,
                description: truncate(update.description, DESCRIPTION_LIMIT),
                ...(update.environmentUrl ? { environment_url: update.environmentUrl } : {}),
                log_url: update.logUrl ?? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`,
            });
            return;
        }
        catch (error) {
            if (attempt >= delays.length || !(0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(error))
                throw new Error(`Recording status '${update.state}' on GitHub deployment ${id} failed (${(0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .describe */ .q0)(error)}).`, { cause: error });
            await sleep(delays[attempt]);
        }
    }
}
/**
 * The newest deployment of `environment` whose latest status is `success` (GitHub lists statuses
 * newest first), or undefined when there is none.
 */
async function lastSuccessfulDeployment(client, _context, environment) {
    const { octokit, owner, repo } = client;
    const pages = octokit.paginate.iterator(octokit.rest.repos.listDeployments, { owner, repo, environment, per_page: 100 });
    for await (const page of pages) {
        const newestFirst = [...page.data].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
        for (const deployment of newestFirst) {
            const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: deployment.id, per_page: 1 });
            if (statuses[0]?.state !== 'success')
                continue;
            return {
                sha: deployment.sha,
                id: deployment.id,
                payload: parsePayload(deployment.payload),
                task: deployment.task,
                createdAt: deployment.created_at,
            };
        }
    }
    return undefined;
}
function parsePayload(payload) {
    if (typeof payload !== 'string')
        return payload ?? {};
    try {
        return JSON.parse(payload);
    }
    catch {
        return payload;
    }
}
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}


/***/ }),

/***/ 85038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ orgId18),
/* harmony export */   AP: () => (/* binding */ rollbackArtifactName),
/* harmony export */   JJ: () => (/* binding */ sameOrg),
/* harmony export */   OO: () => (/* binding */ verifyRollbackBundle),
/* harmony export */   S6: () => (/* binding */ zipRollbackBundle),
/* harmony export */   m_: () => (/* binding */ writeRollbackBundle),
/* harmony export */   pw: () => (/* binding */ parseRollbackArtifactName),
/* harmony export */   r6: () => (/* binding */ ROLLBACK_MANIFEST)
/* harmony export */ });
/* unused harmony exports destructiveComponents, sha256, listFiles */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var fflate__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(51306);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71462);






/** Name of the bundle's own manifest; never part of the deploy zip. */
const ROLLBACK_MANIFEST = 'rollback.json';
const PACKAGE_XML = 'package.xml';
/** Children deleted together with their CustomObject, so they are not listed again for deletion. */
const OBJECT_CHILD_TYPES = new Set([
    'CustomField', 'ValidationRule', 'RecordType', 'ListView', 'WebLink', 'CompactLayout',
    'FieldSet', 'BusinessProcess', 'SharingReason', 'Index',
]);
const ARTIFACT_PREFIX = 'salesforce-rollback-';
/** `salesforce-rollback-<18-character org id>-<run id>-<attempt>`: unique per org, run and attempt. */
function rollbackArtifactName(orgId, runId, attempt) {
    return `${ARTIFACT_PREFIX}${orgId18(orgId)}-${runId}-${attempt}`;
}
/** The parts of a default rollback artifact name, or undefined for any other name. */
function parseRollbackArtifactName(name) {
    const match = /^salesforce-rollback-([0-9A-Za-z]{18})-(\d+)-(\d+)$/.exec(name);
    if (!match)
        return undefined;
    return { orgId: match[1], runId: Number(match[2]), attempt: Number(match[3]) };
}
/** Whether two org ids (15 or 18 characters) name the same org. */
function sameOrg(a, b) {
    // The first 15 characters are the case-sensitive id; the 18-character suffix only encodes their case.
    return a.length >= 15 && b.length >= 15 && a.slice(0, 15) === b.slice(0, 15);
}
/** The 18-character form of a Salesforce id (an 18-character id is returned as it is). */
function orgId18(id) {
    if (id.length !== 15)
        return id;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id[chunk * 5 + i];
            if (c >= 'A' && c <= 'Z')
                bits |= 1 << i;
        }
        suffix += alphabet[bits];
    }
    return id + suffix;
}
/**
 * The components a rollback deletes: those the release adds that production lacks, except the
 * ones the release itself deletes (production lacks them anyway) and children of an object that
 * is deleted too (Salesforce deletes them with it; listing them again fails the deploy with
 * "not found").
 */
function destructiveComponents(absent, deletedByRelease = []) {
    const key = (c) => `${c.type}:${c.fullName.toLowerCase()}`;
    const deleted = new Set(deletedByRelease.map(key));
    const deletedObjects = new Set(absent.filter((c) => c.type === 'CustomObject').map((c) => c.fullName.toLowerCase()));
    return absent.filter((c) => {
        if (deleted.has(key(c)))
            return false;
        if (OBJECT_CHILD_TYPES.has(c.type) && deletedObjects.has(c.fullName.split('.')[0].toLowerCase()))
            return false;
        return true;
    });
}
/**
 * Writes a rollback bundle into `dir` (which should be empty): the retrieved production files,
 * a package.xml of the components they restore, a destructiveChanges.xml of the components the
 * release adds, and rollback.json with the checksum of every other file.
 */
function writeRollbackBundle(dir, retrieved, meta) {
    const contents = new Map();
    for (const [name, bytes] of Object.entries(retrieved.files)) {
        const file = safeBundlePath(name);
        // The retrieve's own package.xml lists what was asked, not what came back: it is rewritten below.
        if (file === PACKAGE_XML)
            continue;
        if (!file.includes('/')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SalesforceError */ .mO(`The production retrieve returned a file '${file}' at the root of the metadata folder; a rollback bundle keeps that place for its manifests.`);
        }
        contents.set(file, bytes);
    }
    const destructive = destructiveComponents(retrieved.absent, meta.release?.deleted);
    contents.set(PACKAGE_XML, Buffer.from((0,_salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .writePackageXml */ .XD)(retrieved.present, meta.apiVersion)));
    if (destructive.length > 0)
        contents.set(_salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .DESTRUCTIVE_CHANGES */ .Xv, Buffer.from((0,_salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .writePackageXml */ .XD)(destructive)));
    const files = {};
    for (const file of [...contents.keys()].sort()) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, ...file.split('/'));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(target), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(target, contents.get(file));
        files[file] = sha256(contents.get(file));
    }
    const manifest = {
        orgId: orgId18(meta.orgId),
        commit: meta.commit,
        createdAt: meta.createdAt,
        apiVersion: meta.apiVersion,
        components: retrieved.present.map(({ type, fullName }) => ({ type, fullName })),
        ...(destructive.length > 0 ? { destructive: destructive.map(({ type, fullName }) => ({ type, fullName })) } : {}),
        files,
        ...(meta.release ? { release: meta.release } : {}),
    };
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, ROLLBACK_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return { files: [...Object.keys(files), ROLLBACK_MANIFEST], manifest };
}
/**
 * Checks a bundle as read back from the artifact service: rollback.json is well formed, names
 * the expected org, and lists exactly the files present with their sha256; package.xml and
 * destructiveChanges.xml agree with it. Refuses anything else with the rollback artifact gate.
 */
function verifyRollbackBundle(dir, expectedOrgId) {
    const manifest = readManifest(dir);
    if (expectedOrgId && !sameOrg(manifest.orgId, expectedOrgId)) {
        refuse(`the bundle was retrieved from org ${manifest.orgId}, but the production credentials reach org ${orgId18(expectedOrgId)}. A rollback restores only the org it was saved from; pick the run that released to org ${orgId18(expectedOrgId)}.`);
    }
    const present = listFiles(dir).filter((f) => f !== ROLLBACK_MANIFEST);
    const presentSet = new Set(present);
    const listed = Object.keys(manifest.files);
    for (const file of listed) {
        safeManifestPath(file);
        if (!presentSet.has(file))
            refuse(`file '${file}' listed in ${ROLLBACK_MANIFEST} is missing from the bundle.`);
    }
    for (const file of present) {
        if (!(file in manifest.files))
            refuse(`file '${file}' is in the bundle but not listed in ${ROLLBACK_MANIFEST}.`);
    }
    for (const file of listed) {
        const actual = sha256((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, ...file.split('/'))));
        if (actual !== manifest.files[file])
            refuse(`file '${file}' does not match its checksum in ${ROLLBACK_MANIFEST} (expected sha256 ${manifest.files[file]}, found ${actual}); the bundle was changed after it was saved.`);
    }
    if (!(PACKAGE_XML in manifest.files))
        refuse(`the bundle has no ${PACKAGE_XML}.`);
    assertSameComponents(PACKAGE_XML, (0,_salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .readPackageXml */ .W4)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, PACKAGE_XML), 'utf8')), manifest.components);
    const destructive = _salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .DESTRUCTIVE_CHANGES */ .Xv in manifest.files ? (0,_salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .readPackageXml */ .W4)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, _salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .DESTRUCTIVE_CHANGES */ .Xv), 'utf8')) : [];
    assertSameComponents(_salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .DESTRUCTIVE_CHANGES */ .Xv, destructive, manifest.destructive ?? []);
    return manifest;
}
/**
 * The Metadata API deploy zip of a verified bundle: package.xml, the metadata files and the
 * deletions, without rollback.json. Each file is checked against its checksum again as it is
 * read, so the zip holds exactly the verified bytes. The bundle's destructiveChanges.xml (the
 * name SPEC.md fixes) goes in as destructiveChangesPost.xml: a rollback must delete what a
 * release added only after the restored versions no longer reference it (a restored class that
 * dropped its use of a new field), and a plain destructiveChanges.xml would delete first and fail.
 */
function zipRollbackBundle(dir, manifest) {
    const entries = {};
    for (const file of Object.keys(manifest.files).sort()) {
        const bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, ...safeManifestPath(file).split('/')));
        if (sha256(bytes) !== manifest.files[file])
            refuse(`file '${file}' changed after the bundle was verified.`);
        entries[file === _salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .DESTRUCTIVE_CHANGES */ .Xv ? _salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .DESTRUCTIVE_CHANGES_POST */ .UB : file] = bytes;
    }
    return Buffer.from((0,fflate__WEBPACK_IMPORTED_MODULE_5__/* .zipSync */ .L)(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }));
}
/** The sha256 of some bytes, in hex. */
function sha256(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
}
/** Every regular file under `dir`, as sorted paths relative to it with forward slashes. */
function listFiles(dir) {
    const out = [];
    const walk = (relative) => {
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, relative), { withFileTypes: true })) {
            const child = relative ? `${relative}/${entry.name}` : entry.name;
            if (entry.isDirectory())
                walk(child);
            else if (entry.isFile())
                out.push(child);
            // A symlink in a downloaded bundle could point anywhere; it is never part of a bundle.
            else
                refuse(`'${child}' in the bundle is not a regular file.`);
        }
    };
    walk('');
    return out.sort();
}
function readManifest(dir) {
    let text;
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, ROLLBACK_MANIFEST)).isFile())
            refuse(`${ROLLBACK_MANIFEST} is not a regular file.`);
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, ROLLBACK_MANIFEST), 'utf8');
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue)
            throw error;
        refuse(`the bundle has no ${ROLLBACK_MANIFEST}; it is not a rollback artifact of this action.`);
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        refuse(`${ROLLBACK_MANIFEST} is not valid JSON.`);
    }
    const m = value;
    const isRefs = (v) => Array.isArray(v) && v.every((c) => typeof c?.type === 'string' && typeof c?.fullName === 'string');
    if (!m || typeof m !== 'object' ||
        typeof m.orgId !== 'string' || !/^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(m.orgId) ||
        typeof m.commit !== 'string' || typeof m.createdAt !== 'string' ||
        !isRefs(m.components) || (m.destructive !== undefined && !isRefs(m.destructive)) ||
        !m.files || typeof m.files !== 'object' || Array.isArray(m.files) ||
        !Object.values(m.files).every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) ||
        (m.release !== undefined && (typeof m.release?.runId !== 'number' || (m.release.deleted !== undefined && !isRefs(m.release.deleted))))) {
        refuse(`${ROLLBACK_MANIFEST} does not have the expected shape (orgId, commit, createdAt, components, files with sha256 hex).`);
    }
    return m;
}
function assertSameComponents(file, inFile, inManifest) {
    const key = (c) => `${c.type}:${c.fullName}`;
    const a = new Set(inFile.map(key));
    const b = new Set(inManifest.map(key));
    const differ = [...a].filter((k) => !b.has(k)).concat([...b].filter((k) => !a.has(k)));
    if (differ.length > 0)
        refuse(`${file} and ${ROLLBACK_MANIFEST} disagree about ${differ.slice(0, 5).join(', ')}${differ.length > 5 ? ', …' : ''}.`);
}
/** A path read from rollback.json: relative, forward slashes, no `..`, not rollback.json itself. */
function safeManifestPath(file) {
    if (!isSafeRelative(file) || file === ROLLBACK_MANIFEST)
        refuse(`${ROLLBACK_MANIFEST} lists an unsafe path '${file}'.`);
    return file;
}
/** A path from a retrieve zip, normalised to the bundle's form. */
function safeBundlePath(name) {
    const file = name.replace(/^unpackaged\//, '');
    if (!isSafeRelative(file) || file === ROLLBACK_MANIFEST || file === _salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .DESTRUCTIVE_CHANGES */ .Xv || file === _salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .DESTRUCTIVE_CHANGES_POST */ .UB) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SalesforceError */ .mO(`The production retrieve returned a file with an unexpected path '${name}'.`);
    }
    return file;
}
function isSafeRelative(file) {
    return file.length > 0 && !file.startsWith('/') && !file.includes('\\') && !file.includes('\0') &&
        file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
function refuse(message) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue(_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .Gate */ .iD.RollbackArtifact, `The rollback bundle cannot be trusted: ${message}`);
}


/***/ }),

/***/ 31708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ saveRollbackSnapshot)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(51306);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 23 modules
var XMLParser = __webpack_require__(41143);
// EXTERNAL MODULE: ./src/salesforce/deploy.ts
var deploy = __webpack_require__(72204);
;// CONCATENATED MODULE: ./src/salesforce/retrieve.ts




/** States of a Metadata API retrieve (RetrieveStatus). */
var RetrieveStatus;
(function (RetrieveStatus) {
    RetrieveStatus["Pending"] = "Pending";
    RetrieveStatus["InProgress"] = "InProgress";
    RetrieveStatus["Succeeded"] = "Succeeded";
    RetrieveStatus["Failed"] = "Failed";
})(RetrieveStatus || (RetrieveStatus = {}));
/**
 * Where a child component lives: its parent's file and the element that holds it. A child can
 * come back inside its parent's file, or the parent's file can come back without it, so its
 * presence is read from the file itself.
 */
const CHILD_TYPES = {
    CustomField: { file: (p) => `objects/${p}.object`, element: 'fields' },
    ValidationRule: { file: (p) => `objects/${p}.object`, element: 'validationRules' },
    RecordType: { file: (p) => `objects/${p}.object`, element: 'recordTypes' },
    ListView: { file: (p) => `objects/${p}.object`, element: 'listViews' },
    WebLink: { file: (p) => `objects/${p}.object`, element: 'webLinks' },
    CompactLayout: { file: (p) => `objects/${p}.object`, element: 'compactLayouts' },
    FieldSet: { file: (p) => `objects/${p}.object`, element: 'fieldSets' },
    BusinessProcess: { file: (p) => `objects/${p}.object`, element: 'businessProcesses' },
    SharingReason: { file: (p) => `objects/${p}.object`, element: 'sharingReasons' },
    Index: { file: (p) => `objects/${p}.object`, element: 'indexes' },
    CustomLabel: { file: () => 'labels/CustomLabels.labels', element: 'labels' },
    WorkflowRule: { file: (p) => `workflows/${p}.workflow`, element: 'rules' },
    WorkflowFieldUpdate: { file: (p) => `workflows/${p}.workflow`, element: 'fieldUpdates' },
    WorkflowAlert: { file: (p) => `workflows/${p}.workflow`, element: 'alerts' },
    WorkflowOutboundMessage: { file: (p) => `workflows/${p}.workflow`, element: 'outboundMessages' },
    WorkflowTask: { file: (p) => `workflows/${p}.workflow`, element: 'tasks' },
    SharingCriteriaRule: { file: (p) => `sharingRules/${p}.sharingRules`, element: 'sharingCriteriaRules' },
    SharingOwnerRule: { file: (p) => `sharingRules/${p}.sharingRules`, element: 'sharingOwnerRules' },
};
/** Types whose components live in folders; listMetadata needs the folder to list them. */
const FOLDER_TYPES = new Set(['Report', 'Dashboard', 'Document', 'EmailTemplate']);
const xml = new XMLParser/* default */.A({ ignoreAttributes: true, parseTagValue: false, isArray: () => true });
/**
 * Retrieves the org's versions of the given components (one Metadata API retrieve, polled with
 * the deploy's interval) and sorts them into present and absent. A component is absent only
 * when the retrieve did not return it and listMetadata confirms the org lacks it: a rollback
 * deletes absent components, so a wrong "absent" would delete something production has.
 */
async function retrieveComponents(session, components, options) {
    const requested = uniqueComponents(components);
    if (requested.length === 0)
        return { files: {}, present: [], absent: [] };
    const result = await awaitRetrieve(session, await startRetrieve(session, requested, options.apiVersion), options);
    const files = unzipRetrieved(result.zipFile);
    const listed = fileProperties(result).filter((p) => p.type !== 'Package' && !/(^|\/)package\.xml$/.test(p.fileName));
    // "cannot be found" messages are expected for what the deploy adds; they are counted, not listed.
    const notes = asArray(result.messages).filter((m) => m?.problem);
    const missing = notes.filter((m) => /cannot be found/i.test(String(m.problem)));
    if (missing.length)
        options.log(`Retrieve: ${missing.length} requested component(s) not in the org yet.`);
    for (const message of notes.filter((m) => !missing.includes(m))) {
        options.log(`Retrieve note: ${message.fileName ? `${message.fileName}: ` : ''}${message.problem}`);
    }
    const present = [];
    const unconfirmed = [];
    for (const component of requested) {
        (cameBack(component, listed, files) ? present : unconfirmed).push(component);
    }
    const absent = await confirmAbsent(session, unconfirmed);
    return { files, present, absent };
}
async function startRetrieve(session, components, apiVersion) {
    const byType = new Map();
    for (const c of components)
        byType.set(c.type, [...(byType.get(c.type) ?? []), c.fullName]);
    const request = {
        apiVersion: Number(apiVersion),
        singlePackage: true,
        unpackaged: { types: [...byType].map(([name, members]) => ({ name, members })), version: apiVersion },
    };
    // A retrieve only reads, so sending it again after a broken connection is harmless.
    const started = await session.retrying(`Starting the retrieve of ${components.length} ${session.role} component(s)`, async (c) => {
        // jsforce's Package type marks every Package field required; a retrieve needs only types and version.
        const locator = c.metadata.retrieve(request);
        return (await locator);
    });
    if (!started?.id)
        throw new errors/* SalesforceError */.mO(`Salesforce accepted the retrieve of ${session.role} components but returned no id.`);
    return String(started.id);
}
/** Polls checkRetrieveStatus until the retrieve finishes, failing past the timeout. */
async function awaitRetrieve(session, id, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const started = now();
    let lastStatus = '';
    for (;;) {
        const elapsed = now() - started;
        if (elapsed > options.timeoutMs) {
            throw new errors/* SalesforceError */.mO(`The retrieve ${id} of ${session.role} components did not finish within wait-minutes (${Math.round(options.timeoutMs / 60000)}). Raise wait-minutes, or retry when the org is less busy.`);
        }
        await sleep((0,deploy/* pollInterval */.dq)(elapsed, 0));
        const result = await session.retrying(`Checking the retrieve ${id}`, (c) => c.metadata.checkRetrieveStatus(id));
        const status = String(result.status ?? '');
        if (status !== lastStatus) {
            options.log(`Retrieve ${id}: ${status || RetrieveStatus.Pending} (${Math.round((now() - started) / 1000)} s)`);
            lastStatus = status;
        }
        if (status === RetrieveStatus.Failed) {
            const code = result.errorStatusCode ? `${result.errorStatusCode}: ` : '';
            throw new errors/* SalesforceError */.mO(`The retrieve ${id} of ${session.role} components failed: ${code}${result.errorMessage ?? 'no reason given'}.`);
        }
        if (status === RetrieveStatus.Succeeded || (isTrue(result.done) && status !== RetrieveStatus.Pending && status !== RetrieveStatus.InProgress)) {
            if (!result.zipFile)
                throw new errors/* SalesforceError */.mO(`The retrieve ${id} of ${session.role} components finished without a zip file.`);
            return result;
        }
    }
}
function unzipRetrieved(zipBase64) {
    const files = {};
    let entries;
    try {
        entries = (0,esm/* unzipSync */.AO)(Buffer.from(zipBase64 ?? '', 'base64'));
    }
    catch (error) {
        throw new errors/* SalesforceError */.mO(`The retrieved zip file could not be read: ${error.message}.`);
    }
    for (const [name, bytes] of Object.entries(entries)) {
        if (name.endsWith('/'))
            continue;
        // Without singlePackage Salesforce nests everything under `unpackaged/`; the bundle keeps the root form.
        files[name.replace(/^unpackaged\//, '')] = Buffer.from(bytes);
    }
    return files;
}
function fileProperties(result) {
    return asArray(result.fileProperties)
        .filter((p) => typeof p === 'object' && p !== null)
        .map((p) => ({ type: String(p.type ?? ''), fullName: String(p.fullName ?? ''), fileName: String(p.fileName ?? '').replace(/^unpackaged\//, '') }));
}
/**
 * Whether a requested component really came back. A top-level component must be listed in
 * fileProperties with its file in the zip. A child must be inside its parent's file: listing
 * the parent (which Salesforce does for a child request) is not enough.
 */
function cameBack(component, listed, files) {
    const child = CHILD_TYPES[component.type];
    if (child) {
        const { parent, name } = splitChild(component);
        const file = findFile(files, child.file(parent));
        return file !== undefined && childNames(files[file], child.element).has(normalName(name));
    }
    const property = listed.find((p) => p.type === component.type && normalName(p.fullName) === normalName(component.fullName));
    if (!property || !property.fileName)
        return false;
    const prefix = `${property.fileName.toLowerCase()}/`;
    return Object.keys(files).some((f) => f.toLowerCase() === property.fileName.toLowerCase() || f.toLowerCase().startsWith(prefix));
}
/** Names of the children an XML metadata file holds under an element, e.g. the fields of an object. */
function childNames(bytes, element) {
    try {
        const document = xml.parse(bytes.toString('utf8'));
        const root = Object.values(document).find((v) => Array.isArray(v) && typeof v[0] === 'object')?.[0] ?? {};
        const children = (root[element] ?? []);
        return new Set(children.map((c) => normalName(String(asArray(c.fullName)[0] ?? ''))).filter(Boolean));
    }
    catch {
        return new Set();
    }
}
/**
 * Asks listMetadata whether the org has the components the retrieve did not return. Those it
 * lists exist in production yet could not be saved, so no trustworthy rollback bundle can be
 * built: that is an error, not an absence.
 */
async function confirmAbsent(session, components) {
    if (components.length === 0)
        return [];
    const queries = uniqueBy(components.map((c) => (FOLDER_TYPES.has(c.type) && c.fullName.includes('/') ? { type: c.type, folder: c.fullName.split('/')[0] } : { type: c.type })), (q) => `${q.type}/${'folder' in q ? q.folder : ''}`);
    const existing = new Set();
    // listMetadata takes at most three queries per call.
    for (let i = 0; i < queries.length; i += 3) {
        const batch = queries.slice(i, i + 3);
        const listed = await session.retrying(`Listing ${session.role} ${batch.map((q) => q.type).join(', ')} components`, (c) => c.metadata.list(batch));
        for (const p of asArray(listed)) {
            if (p?.type && p.fullName)
                existing.add(`${p.type}:${normalName(p.fullName)}`);
        }
    }
    const missed = components.filter((c) => existing.has(`${c.type}:${normalName(c.fullName)}`));
    if (missed.length > 0) {
        throw new errors/* SalesforceError */.mO(`The ${session.role} org has ${missed.map(describe).join(', ')}, but the retrieve did not return ${missed.length === 1 ? 'it' : 'them'}. ` +
            `A rollback bundle without ${missed.length === 1 ? 'it would delete it' : 'them would delete them'} on restore, so none is built. Check that the user can read these components (View Setup, Modify Metadata).`);
    }
    return components;
}
function splitChild(component) {
    if (component.type === 'CustomLabel')
        return { parent: 'CustomLabels', name: component.fullName };
    const dot = component.fullName.indexOf('.');
    return dot < 0 ? { parent: component.fullName, name: '' } : { parent: component.fullName.slice(0, dot), name: component.fullName.slice(dot + 1) };
}
function findFile(files, wanted) {
    if (wanted in files)
        return wanted;
    const lower = wanted.toLowerCase();
    return Object.keys(files).find((f) => f.toLowerCase() === lower);
}
/** Names compare without case and URL encoding (Salesforce encodes some characters in layout names). */
function normalName(name) {
    let decoded = name;
    try {
        decoded = decodeURIComponent(name);
    }
    catch {
        decoded = name;
    }
    return decoded.toLowerCase();
}
function uniqueComponents(components) {
    return uniqueBy(components, (c) => `${c.type}:${normalName(c.fullName)}`);
}
function uniqueBy(items, key) {
    const seen = new Set();
    return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}
function asArray(value) {
    if (value === undefined || value === null || value === '')
        return [];
    return (Array.isArray(value) ? value : [value]);
}
function isTrue(value) {
    return value === true || value === 'true';
}
function describe(c) {
    return `${c.type} ${c.fullName}`;
}

// EXTERNAL MODULE: ./src/rollback/bundle.ts
var bundle = __webpack_require__(85038);
;// CONCATENATED MODULE: ./src/rollback/snapshot.ts






/**
 * Gate 5: retrieves the production versions of every component the release touches, writes the
 * rollback bundle, uploads it, downloads it again and verifies every checksum. Any failure
 * refuses the gate, and production is not touched.
 */
async function saveRollbackSnapshot(production, components, options) {
    const orgId = production.identity.id;
    const touched = [...components, ...(options.release?.deleted ?? [])];
    const untouched = 'Production was not touched: the deploy runs only after its rollback artifact is stored and verified.';
    (0,external_node_fs_.mkdirSync)(options.workDir, { recursive: true });
    const work = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(options.workDir, 'rollback-snapshot-'));
    const bundleDir = external_node_path_default().join(work, 'bundle');
    const readBackDir = external_node_path_default().join(work, 'read-back');
    (0,external_node_fs_.mkdirSync)(bundleDir);
    (0,external_node_fs_.mkdirSync)(readBackDir);
    const retrieved = await step(`Retrieving the production versions of ${touched.length} component(s) failed`, untouched, () => retrieveComponents(production, touched, { apiVersion: options.apiVersion, timeoutMs: options.timeoutMs, log: options.log, ...(options.sleep ? { sleep: options.sleep } : {}) }));
    options.log(`Retrieved ${retrieved.present.length} of ${touched.length} component(s) from production org ${orgId}; ${retrieved.absent.length} absent from production.`);
    const written = await step('Writing the rollback bundle failed', untouched, async () => (0,bundle/* writeRollbackBundle */.m_)(bundleDir, retrieved, {
        orgId,
        commit: options.commit,
        createdAt: (options.now?.() ?? new Date()).toISOString(),
        apiVersion: options.apiVersion,
        ...(options.release ? { release: options.release } : {}),
    }));
    const deletes = written.manifest.destructive?.length ?? 0;
    options.log(`Rollback bundle: restores ${written.manifest.components.length} component(s), deletes ${deletes}${deletes ? ` (${written.manifest.destructive.map((c) => `${c.type} ${c.fullName}`).join(', ')})` : ''}.`);
    const artifactId = await step(`Uploading the rollback artifact '${options.name}' failed`, untouched, () => options.store.upload(options.name, bundleDir, written.files));
    options.log(`Uploaded rollback artifact '${options.name}' (id ${artifactId}, ${written.files.length} files).`);
    await step(`Reading the rollback artifact '${options.name}' back failed`, untouched, () => options.store.downloadOwn(options.name, readBackDir));
    const manifest = await step(`The rollback artifact '${options.name}' read back does not match what was uploaded`, untouched, async () => {
        const readBack = (0,bundle/* verifyRollbackBundle */.OO)(readBackDir, orgId);
        // Self-consistent is not enough: it must be the bundle this run wrote.
        if (JSON.stringify(readBack) !== JSON.stringify(written.manifest))
            throw new Error(`its ${bundle/* ROLLBACK_MANIFEST */.r6} differs from the one uploaded.`);
        return readBack;
    }, constants/* RunStatus */.i2.Blocked);
    options.log(`Read back rollback artifact '${options.name}': checksums of ${Object.keys(manifest.files).length} file(s) verified.`);
    return { name: options.name, artifactId, manifest, dir: readBackDir };
}
/** Runs one step of the snapshot, turning its failure into the snapshot gate's refusal. */
async function step(what, consequence, run, status = constants/* RunStatus */.i2.Failed) {
    try {
        return await run();
    }
    catch (error) {
        const reason = (0,errors/* errorMessage */.gJ)(error).replace(/^Gate '[^']+' refused: /, '');
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Snapshot, `${what}: ${reason} ${consequence}`, status);
    }
}


/***/ })

};
