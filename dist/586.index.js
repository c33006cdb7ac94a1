export const id = 586;
export const ids = [586];
export const modules = {

/***/ 66261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ recordedDeploy)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(96584);
;// CONCATENATED MODULE: ./src/github/deployments.ts

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
            if (attempt >= delays.length || !(0,github_client/* isTransient */.dg)(error))
                throw new Error(`Recording status '${update.state}' on GitHub deployment ${id} failed (${(0,github_client/* describe */.q0)(error)}).`, { cause: error });
            await sleep(delays[attempt]);
        }
    }
}
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __webpack_require__(57330);
// EXTERNAL MODULE: ./src/salesforce/deploy-result.ts
var deploy_result = __webpack_require__(42328);
;// CONCATENATED MODULE: ./src/flows/recorded-deploy.ts





/**
 * Runs a production deploy (or rollback) under a GitHub Deployment: in progress while it runs,
 * then success, failure or error. The deploy id reaches the outputs as soon as Salesforce accepts
 * it. Once Salesforce has answered, a failure to record the status is a warning: the run's status
 * must say what happened to production, not to its record.
 */
async function recordedDeploy(run, production, record, perform) {
    const github = await run.github();
    const { context, report } = run;
    const deploymentId = await createDeployment(github, context, record);
    report.deploymentId = deploymentId;
    await setDeploymentStatus(github, context, deploymentId, { state: 'in_progress', description: record.inProgress, logUrl: (0,github_context/* runUrl */.Vp)(context) });
    const status = async (update) => {
        try {
            await setDeploymentStatus(github, context, deploymentId, { ...update, logUrl: (0,github_context/* runUrl */.Vp)(context) });
        }
        catch (error) {
            report.warnings.push(`${(0,errors/* errorMessage */.gJ)(error)} Production is as the run reports it; the GitHub deployment does not show it.`);
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
    const environmentUrl = (0,run_report/* setupDeployUrl */.i7)(production.identity.instanceUrl, outcome.id);
    if (!outcome.success) {
        await status({ state: 'failure', description: `${record.label} ${outcome.id} ${outcome.status}`, environmentUrl });
        throw new errors/* SalesforceError */.mO(`${record.label} ${outcome.id} ${outcome.status}: ${(0,deploy_result/* failureSummary */.jg)(outcome).replace(/\.$/, '')}. ${record.whenFailed}`);
    }
    await status({ state: 'success', description: record.succeeded(outcome.id), environmentUrl });
    return outcome;
}


/***/ }),

/***/ 59726:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ saveRollbackSnapshot)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _salesforce_retrieve_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27263);
/* harmony import */ var _salesforce_org_lock_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4389);
/* harmony import */ var _bundle_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(85038);







/**
 * Gate 5: retrieves the production versions of every component the release touches, writes the
 * rollback bundle, uploads it, downloads it again and verifies every checksum. Any failure
 * refuses the gate, and production is not touched.
 */
async function saveRollbackSnapshot(production, components, options) {
    const orgId = production.identity.id;
    const touched = [...components, ...(options.release?.deleted ?? [])];
    const untouched = 'Production was not touched: the deploy runs only after its rollback artifact is stored and verified.';
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(options.workDir, { recursive: true });
    const work = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(options.workDir, 'rollback-snapshot-'));
    const bundleDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(work, 'bundle');
    const readBackDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(work, 'read-back');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(bundleDir);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(readBackDir);
    // A deploy completed after this point makes the snapshot stale; the deploy step checks for one.
    (0,_salesforce_org_lock_js__WEBPACK_IMPORTED_MODULE_5__/* .noteSnapshot */ .Ne)(production);
    const retrieved = await step(`Retrieving the production versions of ${touched.length} component(s) failed`, untouched, () => (0,_salesforce_retrieve_js__WEBPACK_IMPORTED_MODULE_4__/* .retrieveComponents */ .b)(production, touched, { apiVersion: options.apiVersion, timeoutMs: options.timeoutMs, log: options.log, ...(options.sleep ? { sleep: options.sleep } : {}) }));
    options.log(`Retrieved ${retrieved.present.length} of ${touched.length} component(s) from production org ${orgId}; ${retrieved.absent.length} absent from production.`);
    const written = await step('Writing the rollback bundle failed', untouched, async () => (0,_bundle_js__WEBPACK_IMPORTED_MODULE_6__/* .writeRollbackBundle */ .m_)(bundleDir, retrieved, {
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
        const readBack = (0,_bundle_js__WEBPACK_IMPORTED_MODULE_6__/* .verifyRollbackBundle */ .OO)(readBackDir, orgId);
        // Self-consistent is not enough: it must be the bundle this run wrote.
        if (JSON.stringify(readBack) !== JSON.stringify(written.manifest))
            throw new Error(`its ${_bundle_js__WEBPACK_IMPORTED_MODULE_6__/* .ROLLBACK_MANIFEST */ .r6} differs from the one uploaded.`);
        return readBack;
    }, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .RunStatus */ .i2.Blocked);
    options.log(`Read back rollback artifact '${options.name}': checksums of ${Object.keys(manifest.files).length} file(s) verified.`);
    return { name: options.name, artifactId, manifest, dir: readBackDir };
}
/** Runs one step of the snapshot, turning its failure into the snapshot gate's refusal. */
async function step(what, consequence, run, status = _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .RunStatus */ .i2.Failed) {
    try {
        return await run();
    }
    catch (error) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error).replace(/^Gate '[^']+' refused: /, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue(_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .Gate */ .iD.Snapshot, `${what}: ${reason} ${consequence}`, status);
    }
}


/***/ }),

/***/ 27263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ retrieveComponents)
/* harmony export */ });
/* unused harmony export RetrieveStatus */
/* harmony import */ var fflate__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51306);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41143);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72204);




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
const xml = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A({ ignoreAttributes: true, parseTagValue: false, isArray: () => true });
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
    const index = new RetrievedIndex(listed, files);
    for (const component of requested) {
        (index.cameBack(component) ? present : unconfirmed).push(component);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`Salesforce accepted the retrieve of ${session.role} components but returned no id.`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`The retrieve ${id} of ${session.role} components did not finish within wait-minutes (${Math.round(options.timeoutMs / 60000)}). Raise wait-minutes, or retry when the org is less busy.`);
        }
        await sleep((0,_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .pollInterval */ .dq)(elapsed));
        const result = await session.retrying(`Checking the retrieve ${id}`, (c) => c.metadata.checkRetrieveStatus(id));
        const status = String(result.status ?? '');
        if (status !== lastStatus) {
            options.log(`Retrieve ${id}: ${status || RetrieveStatus.Pending} (${Math.round((now() - started) / 1000)} s)`);
            lastStatus = status;
        }
        if (status === RetrieveStatus.Failed) {
            const code = result.errorStatusCode ? `${result.errorStatusCode}: ` : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`The retrieve ${id} of ${session.role} components failed: ${code}${result.errorMessage ?? 'no reason given'}.`);
        }
        if (status === RetrieveStatus.Succeeded || (isTrue(result.done) && status !== RetrieveStatus.Pending && status !== RetrieveStatus.InProgress)) {
            if (!result.zipFile)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`The retrieve ${id} of ${session.role} components finished without a zip file.`);
            return result;
        }
    }
}
function unzipRetrieved(zipBase64) {
    const files = {};
    let entries;
    try {
        entries = (0,fflate__WEBPACK_IMPORTED_MODULE_3__/* .unzipSync */ .AO)(Buffer.from(zipBase64 ?? '', 'base64'));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`The retrieved zip file could not be read: ${error.message}.`);
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
 * What a retrieve returned, indexed once so that checking every requested component is linear
 * in the package: each parent file (a labels file with thousands of labels, an object with
 * hundreds of fields) is parsed once, not once per child.
 */
class RetrievedIndex {
    files;
    /** Lower-cased file path → actual path in `files`. */
    paths = new Map();
    /** Lower-cased folders of bundle components (`lwc/foo`, `aura/bar`) that hold at least one file. */
    folders = new Set();
    /** `type:normalised fullName` → fileName, from fileProperties. */
    properties = new Map();
    /** `file\0element` → names of the children the file holds under the element. */
    children = new Map();
    constructor(listed, files) {
        this.files = files;
        for (const file of Object.keys(files)) {
            const lower = file.toLowerCase();
            if (!this.paths.has(lower))
                this.paths.set(lower, file);
            for (let slash = lower.indexOf('/'); slash >= 0; slash = lower.indexOf('/', slash + 1))
                this.folders.add(lower.slice(0, slash));
        }
        for (const p of listed) {
            const key = `${p.type}:${normalName(p.fullName)}`;
            if (!this.properties.has(key))
                this.properties.set(key, p.fileName);
        }
    }
    /**
     * Whether a requested component really came back. A top-level component must be listed in
     * fileProperties with its file (or bundle folder) in the zip. A child must be inside its
     * parent's file: listing the parent (which Salesforce does for a child request) is not enough.
     */
    cameBack(component) {
        const child = CHILD_TYPES[component.type];
        if (child) {
            const { parent, name } = splitChild(component);
            return this.childNames(child.file(parent), child.element).has(normalName(name));
        }
        const fileName = this.properties.get(`${component.type}:${normalName(component.fullName)}`);
        if (!fileName)
            return false;
        const lower = fileName.toLowerCase();
        return this.paths.has(lower) || this.folders.has(lower);
    }
    childNames(wanted, element) {
        const file = this.paths.get(wanted.toLowerCase());
        if (file === undefined)
            return new Set();
        const key = `${file}\0${element}`;
        let names = this.children.get(key);
        if (!names) {
            names = parseChildNames(this.files[file], element);
            this.children.set(key, names);
        }
        return names;
    }
}
/** Names of the children an XML metadata file holds under an element, e.g. the fields of an object. */
function parseChildNames(bytes, element) {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`The ${session.role} org has ${missed.map(describe).join(', ')}, but the retrieve did not return ${missed.length === 1 ? 'it' : 'them'}. ` +
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


/***/ })

};
