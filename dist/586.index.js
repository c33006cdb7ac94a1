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
/* harmony import */ var _salesforce_retrieve_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(69317);
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
    const retrieved = await step(`Retrieving the production versions of ${touched.length} component(s) failed`, untouched, () => (0,_salesforce_retrieve_js__WEBPACK_IMPORTED_MODULE_4__/* .retrieveComponents */ .b9)(production, touched, { apiVersion: options.apiVersion, timeoutMs: options.timeoutMs, log: options.log, ...(options.sleep ? { sleep: options.sleep } : {}) }));
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

/***/ 69317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b9: () => (/* binding */ retrieveComponents)
});

// UNUSED EXPORTS: RETRIEVE_FILE_BUDGET, RetrieveStatus, planRetrieveBatches

// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(51306);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 23 modules
var XMLParser = __webpack_require__(41143);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/salesforce/delta-labels.ts
var delta_labels = __webpack_require__(13829);
// EXTERNAL MODULE: ./src/salesforce/deploy.ts
var deploy = __webpack_require__(72204);
// EXTERNAL MODULE: ./src/salesforce/limits.ts
var limits = __webpack_require__(19035);
;// CONCATENATED MODULE: ./src/salesforce/permission-merge.ts
/**
 * Unites two retrieved versions of one profile or permission set. Salesforce returns, for a
 * profile or permission set, only its permissions on the other components of the same retrieve
 * (Metadata API Developer Guide, "Profile": "the contents of a retrieved profile depend on the
 * other components in the retrieve request"); a snapshot retrieved in batches gets each batch's
 * share, and the union is what one retrieve of everything would have returned. The top-level
 * elements of both files are kept once each, grouped by element name, the names in alphabetical
 * order: the order of the Profile, PermissionSet and MutingPermissionSet sequences in the Metadata
 * API WSDL, which a deploy checks ("Element … invalid at this location"), and the order
 * Salesforce writes them in.
 */
function mergePermissionFiles(first, second) {
    const a = splitTopLevel(first);
    const b = splitTopLevel(second);
    if (!a || !b || a.root !== b.root)
        return first === second ? first : fail();
    const byName = new Map();
    const seen = new Set();
    for (const element of [...a.elements, ...b.elements]) {
        const text = element.text.trim();
        if (seen.has(text))
            continue;
        seen.add(text);
        byName.set(element.name, [...(byName.get(element.name) ?? []), text]);
    }
    const body = [...byName.keys()].sort().flatMap((name) => byName.get(name)).map((text) => `    ${text}\n`).join('');
    return `${a.head}${body}${a.tail}`;
}
function fail() {
    throw new Error('two retrieved versions of a permission file could not be read as XML; they cannot be united');
}
/** The root element's opening (with the declaration), its top-level child elements, and its closing. */
function splitTopLevel(xml) {
    const open = /<([A-Za-z][\w:.-]*)(\s[^>]*)?>/g;
    let match;
    // The root: the first element that is not the XML declaration or a comment.
    while ((match = open.exec(xml)) && (match[0].startsWith('<?') || match[0].startsWith('<!'))) { /* skip */ }
    if (!match)
        return undefined;
    const root = match[1];
    const bodyStart = match.index + match[0].length;
    const close = xml.lastIndexOf(`</${root}>`);
    if (close < bodyStart)
        return undefined;
    const elements = [];
    let at = bodyStart;
    for (;;) {
        const start = xml.indexOf('<', at);
        if (start < 0 || start >= close)
            break;
        const tag = /^<([A-Za-z][\w:.-]*)(\s[^>]*)?(\/?)>/.exec(xml.slice(start, start + 512));
        if (!tag)
            return undefined;
        const name = tag[1];
        if (tag[3] === '/') {
            elements.push({ name, text: tag[0] });
            at = start + tag[0].length;
            continue;
        }
        // The matching close tag, counting nested elements of the same name.
        let depth = 1;
        const pattern = new RegExp(`<(/?)${name.replace(/[.]/g, '\\.')}(\\s[^>]*)?(/?)>`, 'g');
        pattern.lastIndex = start + tag[0].length;
        let end = -1;
        let m;
        while ((m = pattern.exec(xml))) {
            if (m[3] === '/')
                continue;
            depth += m[1] === '/' ? -1 : 1;
            if (depth === 0) {
                end = m.index + m[0].length;
                break;
            }
        }
        if (end < 0 || end > close)
            return undefined;
        elements.push({ name, text: xml.slice(start, end) });
        at = end;
    }
    return { root, head: `${xml.slice(0, bodyStart)}\n`, tail: xml.slice(close), elements };
}

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
/** A child type's parent file and the element holding it, by the parent's kind of file. */
const inObject = (element) => ({ file: (p) => `objects/${p}.object`, element, container: 'CustomObject' });
const inWorkflow = (element) => ({ file: (p) => `workflows/${p}.workflow`, element, container: 'Workflow' });
const inSharingRules = (element) => ({ file: (p) => `sharingRules/${p}.sharingRules`, element, container: 'SharingRules' });
const CHILD_TYPES = {
    CustomField: inObject('fields'),
    ValidationRule: inObject('validationRules'),
    RecordType: inObject('recordTypes'),
    ListView: inObject('listViews'),
    WebLink: inObject('webLinks'),
    CompactLayout: inObject('compactLayouts'),
    FieldSet: inObject('fieldSets'),
    BusinessProcess: inObject('businessProcesses'),
    SharingReason: inObject('sharingReasons'),
    Index: inObject('indexes'),
    CustomLabel: { file: () => 'labels/CustomLabels.labels', element: 'labels', container: 'CustomLabels' },
    WorkflowRule: inWorkflow('rules'),
    WorkflowFieldUpdate: inWorkflow('fieldUpdates'),
    WorkflowAlert: inWorkflow('alerts'),
    WorkflowOutboundMessage: inWorkflow('outboundMessages'),
    WorkflowTask: inWorkflow('tasks'),
    SharingCriteriaRule: inSharingRules('sharingCriteriaRules'),
    SharingOwnerRule: inSharingRules('sharingOwnerRules'),
};
/** Types whose components live in folders; listMetadata needs the folder to list them. */
const FOLDER_TYPES = new Set(['Report', 'Dashboard', 'Document', 'EmailTemplate']);
const xml = new XMLParser/* default */.A({ ignoreAttributes: true, parseTagValue: false, isArray: () => true });
/**
 * Retrieves the org's versions of the given components and sorts them into present and absent.
 * The components are retrieved in batches under the Metadata API's limits (planRetrieveBatches),
 * one after the other, each polled with the deploy's interval; a batch Salesforce still refuses
 * for its size is split in two and retried. The batches' files are put together as one retrieve
 * would have returned them. A component is absent only when no retrieve returned it and
 * listMetadata confirms the org lacks it: a rollback deletes absent components, so a wrong
 * "absent" would delete something production has.
 */
async function retrieveComponents(session, components, options) {
    const requested = uniqueComponents(components);
    if (requested.length === 0)
        return { files: {}, present: [], absent: [] };
    const batches = planRetrieveBatches(requested);
    if (batches.length > 1) {
        options.log(`Retrieving ${requested.length} ${session.role} component(s) in ${batches.length} batches (predicted ${batches.map((b) => b.predictedFiles).join(', ')} files; ` +
            `Metadata API limits per retrieve: ${limits/* METADATA_LIMITS */.D$.files.toLocaleString('en-US')} files, 39 MB).`);
    }
    const files = {};
    const listed = [];
    const notes = [];
    for (const [i, batch] of batches.entries()) {
        for (const result of await retrieveBatch(session, batch.components, options, batches.length > 1 ? `batch ${i + 1} of ${batches.length}` : '')) {
            mergeRetrievedFiles(files, unzipRetrieved(result.zipFile));
            listed.push(...fileProperties(result).filter((p) => p.type !== 'Package' && !/(^|\/)package\.xml$/.test(p.fileName)));
            notes.push(...asArray(result.messages).filter((m) => m?.problem));
        }
    }
    // "cannot be found" messages are expected for what the deploy adds; they are counted, not listed.
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
/** A retrieve Salesforce refused for the Metadata API's limits (too many files, zip too large). */
class RetrieveLimitExceeded extends errors/* SalesforceError */.mO {
}
/**
 * Retrieves one batch; when Salesforce refuses it for its size (the prediction was short: a
 * bundle with more files than expected, large files), splits it in two along its groups and
 * retrieves each half. A single group Salesforce refuses cannot be split: that is an error.
 */
async function retrieveBatch(session, components, options, label) {
    try {
        if (label)
            options.log(`Retrieve ${label}: ${components.length} component(s).`);
        return [await awaitRetrieve(session, await startRetrieve(session, components, options.apiVersion), options)];
    }
    catch (error) {
        if (!(error instanceof RetrieveLimitExceeded))
            throw error;
        const halves = splitBatch(components);
        if (!halves) {
            throw new errors/* SalesforceError */.mO(`${error.message} It cannot be split further (${components.length} component(s) that share files or must be retrieved together), so no rollback bundle can be built.`);
        }
        options.log(`${error.message} Splitting it in two and retrying.`);
        return [
            ...(await retrieveBatch(session, halves[0], options, `${label || 'retrieve'} (first half)`)),
            ...(await retrieveBatch(session, halves[1], options, `${label || 'retrieve'} (second half)`)),
        ];
    }
}
/**
 * Puts a batch's files with those of earlier batches. A path comes back twice only for a
 * profile or permission set (retrieved with every batch, since Salesforce returns only the
 * permissions of the components in the same retrieve): their entries are united. Anything else
 * twice with different bytes would make the bundle ambiguous.
 */
function mergeRetrievedFiles(into, batch) {
    for (const [file, bytes] of Object.entries(batch)) {
        const earlier = into[file];
        if (earlier === undefined || earlier.equals(bytes) || file === 'package.xml') {
            into[file] ??= bytes;
            continue;
        }
        if (PERMISSION_FOLDERS.some((folder) => file.startsWith(folder))) {
            into[file] = Buffer.from(mergePermissionFiles(earlier.toString('utf8'), bytes.toString('utf8')));
            continue;
        }
        throw new errors/* SalesforceError */.mO(`Two retrieve batches returned different versions of '${file}'; a rollback bundle cannot choose between them.`);
    }
}
/**
 * Files one component of a type brings back in a retrieve, predicted before making it. Types
 * with a `-meta.xml` beside their body: 2; bundles: a generous guess at their files (an LWC
 * bundle has its .js, .html, .css, .svg, .js-meta.xml; an Aura bundle up to nine); everything
 * else one file. Children (fields, labels, workflow rules) share their parent's file and are
 * counted once per parent file. An underestimate is caught by Salesforce's refusal, and the batch
 * is split (retrieveBatch).
 */
const FILES_PER_COMPONENT = {
    ApexClass: 2, ApexTrigger: 2, ApexPage: 2, ApexComponent: 2, StaticResource: 2, Document: 2, EmailTemplate: 2,
    ContentAsset: 2, Certificate: 2, LightningComponentBundle: 6, AuraDefinitionBundle: 9, WaveTemplateBundle: 10,
    ExperienceBundle: 40, DigitalExperienceBundle: 40, LightningTypeBundle: 4,
};
/** The parents whose file holds children (an object's fields, the org's labels, a workflow's rules). */
const PARENT_FILES = {
    CustomObject: (p) => `objects/${p}.object`,
    CustomLabels: () => 'labels/CustomLabels.labels',
    Workflow: (p) => `workflows/${p}.workflow`,
    SharingRules: (p) => `sharingRules/${p}.sharingRules`,
};
/** Types whose retrieved file depends on the other components of the same retrieve (their permissions). */
const PERMISSION_TYPES = new Set(['Profile', 'PermissionSet', 'MutingPermissionSet']);
const PERMISSION_FOLDERS = ['profiles/', 'permissionsets/', 'mutingpermissionsets/'];
/** What fills a retrieve: at most this many predicted files, a margin under the limit for short predictions. */
const RETRIEVE_FILE_BUDGET = Math.floor(limits/* METADATA_LIMITS */.D$.files * 0.9);
/**
 * Splits the components of a snapshot into retrieves under the Metadata API's limits (pure).
 * Components that share a file (an object and its fields, every label, a workflow and its rules)
 * stay in one batch: a later batch's copy of the file would hold only its own children and
 * replace the earlier one's. Profiles and permission sets ride with every batch, so each returns
 * their permissions on that batch's components. The zip size cannot be predicted from names; a
 * batch refused for it is split when Salesforce says so.
 */
function planRetrieveBatches(components, budget = RETRIEVE_FILE_BUDGET) {
    const permissions = components.filter((c) => PERMISSION_TYPES.has(c.type));
    const groups = groupByFile(components.filter((c) => !PERMISSION_TYPES.has(c.type)));
    // package.xml, and the permission containers' files in every batch.
    const fixed = 1 + permissions.reduce((n, c) => n + filesOf(c), 0);
    const batches = [];
    let current = { components: [], predictedFiles: fixed };
    for (const group of groups) {
        if (current.components.length > 0 && current.predictedFiles + group.files > budget) {
            batches.push(current);
            current = { components: [], predictedFiles: fixed };
        }
        current.components.push(...group.components);
        current.predictedFiles += group.files;
    }
    if (current.components.length > 0 || batches.length === 0)
        batches.push(current);
    for (const batch of batches)
        batch.components.push(...permissions);
    return batches;
}
/** Halves of a batch along its file groups (permission containers in both), or undefined for one group. */
function splitBatch(components) {
    const permissions = components.filter((c) => PERMISSION_TYPES.has(c.type));
    const groups = groupByFile(components.filter((c) => !PERMISSION_TYPES.has(c.type)));
    if (groups.length < 2)
        return undefined;
    const total = groups.reduce((n, g) => n + g.files, 0);
    let cut = 1;
    for (let files = groups[0].files; cut < groups.length - 1 && files + groups[cut].files <= total / 2; cut++)
        files += groups[cut].files;
    const first = groups.slice(0, cut).flatMap((g) => g.components);
    const second = groups.slice(cut).flatMap((g) => g.components);
    return [[...first, ...permissions], [...second, ...permissions]];
}
/** Components grouped by the file they share, in first-seen order, with the files each group brings. */
function groupByFile(components) {
    const groups = new Map();
    for (const component of components) {
        const shared = sharedFileOf(component);
        const key = shared ?? `${component.type}:${normalName(component.fullName)}`;
        let group = groups.get(key);
        if (!group) {
            group = { components: [], files: shared ? 1 : filesOf(component) };
            groups.set(key, group);
        }
        group.components.push(component);
    }
    return [...groups.values()];
}
/** The file a child or parent component shares with others, lower-cased; undefined for a component with files of its own. */
function sharedFileOf(component) {
    const child = CHILD_TYPES[component.type];
    if (child)
        return child.file(splitChild(component).parent).toLowerCase();
    const parent = PARENT_FILES[component.type];
    return parent ? parent(component.fullName).toLowerCase() : undefined;
}
function filesOf(component) {
    return FILES_PER_COMPONENT[component.type] ?? 1;
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
        await sleep((0,deploy/* pollInterval */.dq)(elapsed));
        const result = await session.retrying(`Checking the retrieve ${id}`, (c) => c.metadata.checkRetrieveStatus(id));
        const status = String(result.status ?? '');
        if (status !== lastStatus) {
            options.log(`Retrieve ${id}: ${status || RetrieveStatus.Pending} (${Math.round((now() - started) / 1000)} s)`);
            lastStatus = status;
        }
        if (status === RetrieveStatus.Failed) {
            const code = result.errorStatusCode ? `${result.errorStatusCode}: ` : '';
            const message = `The retrieve ${id} of ${session.role} components failed: ${code}${result.errorMessage ?? 'no reason given'}.`;
            // LIMIT_EXCEEDED: too many files or too large a zip (Metadata API limits); a smaller retrieve can pass.
            if (result.errorStatusCode === 'LIMIT_EXCEEDED' || /too many files|maximum size|limit/i.test(result.errorMessage ?? ''))
                throw new RetrieveLimitExceeded(message);
            throw new errors/* SalesforceError */.mO(message);
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
        // A view of fflate's output, not a copy of it.
        files[name.replace(/^unpackaged\//, '')] = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
            return this.childNames(child.file(parent), child.container, child.element).has(normalName(name));
        }
        const fileName = this.properties.get(`${component.type}:${normalName(component.fullName)}`);
        if (!fileName)
            return false;
        const lower = fileName.toLowerCase();
        return this.paths.has(lower) || this.folders.has(lower);
    }
    childNames(wanted, container, element) {
        const file = this.paths.get(wanted.toLowerCase());
        if (file === undefined)
            return new Set();
        const key = `${file}\0${element}`;
        let names = this.children.get(key);
        if (!names) {
            names = childNamesOf(this.files[file].toString('utf8'), container, element);
            this.children.set(key, names);
        }
        return names;
    }
}
/**
 * Names of the children an XML metadata file holds under an element, e.g. the fields of an object.
 * A file that is nothing but those children (a labels file of thousands of labels) is cut into them
 * with the labels scanner of the delta (delta-labels.ts: a scan, not a parse, and undefined for
 * anything it cannot vouch for); any other file is parsed.
 */
function childNamesOf(text, container, element) {
    const scanned = (0,delta_labels/* scanInFileChildren */.uL)(text, container, element, 'fullName');
    if (scanned)
        return new Set([...scanned.keys()].map(normalName));
    try {
        const document = xml.parse(text);
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
/** Names compare without case and URL encoding (Salesforce encodes some characters in layout names). */
function normalName(name) {
    // decodeURIComponent changes only %-sequences; most names have none.
    if (!name.includes('%'))
        return name.toLowerCase();
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
