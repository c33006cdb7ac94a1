export const id = 274;
export const ids = [274];
export const modules = {

/***/ 83973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ passGate)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _report_run_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57330);


/** Runs one gate check, recording it as passed (with the evidence it returns) or refused. */
async function passGate(run, gate, check) {
    try {
        const evidence = await check();
        (0,_report_run_report_js__WEBPACK_IMPORTED_MODULE_1__/* .recordGate */ .RX)(run.report, gate, 'passed', evidence);
        run.runner.info(`Gate '${gate}' passed: ${evidence}`);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue && error.gate === gate)
            (0,_report_run_report_js__WEBPACK_IMPORTED_MODULE_1__/* .recordGate */ .RX)(run.report, gate, 'refused', error.message.replace(/^Gate '[^']+' refused: /, ''));
        throw error;
    }
}


/***/ }),

/***/ 64139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A3: () => (/* binding */ assertValidation),
  Pr: () => (/* binding */ connectOrg),
  iJ: () => (/* binding */ packageSource),
  iy: () => (/* binding */ recordOrgIdentity),
  xj: () => (/* binding */ runOperation)
});

// UNUSED EXPORTS: assertOrgIdentity, effectiveTestLevel

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __webpack_require__(57330);
// EXTERNAL MODULE: ./src/salesforce/connection.ts
var connection = __webpack_require__(92987);
// EXTERNAL MODULE: ./src/salesforce/deploy.ts
var deploy = __webpack_require__(72204);
// EXTERNAL MODULE: ./src/salesforce/deploy-result.ts
var deploy_result = __webpack_require__(42328);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/report/annotations.ts
var report_annotations = __webpack_require__(856);
;// CONCATENATED MODULE: ./src/salesforce/locate.ts


/**
 * Turns the failures of an outcome into annotations on repository files. Component failures are
 * mapped to source paths by source-deploy-retrieve's own DeployResult (by type and fullName, so a
 * CustomField failure lands on its .field-meta.xml); test failures on their test class.
 */
async function locateFailures(outcome, raw, pkg, workspace, label) {
    const annotations = [];
    const relative = (file) => (file ? external_node_path_default().relative(workspace, external_node_path_default().resolve(workspace, file)).split((external_node_path_default()).sep).join('/') : undefined);
    const mapped = new Map();
    if (pkg.componentSet) {
        const { DeployResult } = await Promise.all(/* import() */[__webpack_require__.e(746), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 4307));
        for (const response of new DeployResult(raw, pkg.componentSet).getFileResponses()) {
            if (response.state !== 'Failed')
                continue;
            const key = `${response.type}#${response.fullName}`;
            if (!mapped.has(key) || response.lineNumber)
                mapped.set(key, { file: response.filePath, line: response.lineNumber, column: response.columnNumber });
        }
    }
    for (const failure of outcome.componentFailures) {
        const place = mapped.get(`${failure.type}#${failure.fullName}`);
        const file = relative(place?.file) ?? (pkg.componentSet ? undefined : failure.fileName || undefined);
        const line = failure.line ?? place?.line;
        annotations.push({
            title: `${label}: ${failure.type} ${failure.fullName}`,
            message: failure.problem,
            file,
            line,
            column: failure.column ?? place?.column,
            rank: (0,report_annotations/* componentFailureRank */.kl)(failure.problem, line !== undefined),
        });
    }
    for (const failure of outcome.testFailures) {
        const file = relative(apexClassPath(pkg, failure.className));
        annotations.push({
            title: `${label}: test ${failure.className}.${failure.methodName} failed`,
            message: `${failure.message}${failure.stackTrace ? `\n${failure.stackTrace}` : ''}`,
            file,
            line: failure.line,
            rank: report_annotations/* TEST_FAILURE_RANK */.Zv,
        });
    }
    for (const warning of outcome.coverageWarnings)
        annotations.push({ title: `${label}: code coverage`, message: warning, rank: 20 });
    if (outcome.errorMessage && annotations.length === 0)
        annotations.push({ title: `${label} failed`, message: outcome.errorMessage, rank: 25 });
    return annotations;
}
function apexClassPath(pkg, className) {
    if (!pkg.componentSet)
        return undefined;
    const [component] = pkg.componentSet.getSourceComponents({ fullName: className, type: 'ApexClass' }).toArray();
    return component?.content ?? component?.xml;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(51306);
// EXTERNAL MODULE: ./src/salesforce/manifest.ts
var manifest = __webpack_require__(71462);
;// CONCATENATED MODULE: ./src/salesforce/package.ts





/**
 * Builds the deploy zip with source-deploy-retrieve (its conversion, .forceignore handling and
 * child-component recomposition are Salesforce's own), from the source folders or a manifest.
 */
async function buildPackage(source) {
    process.env.SF_DISABLE_LOG_FILE ??= 'true';
    // Loaded here, not at the top: it is the largest module, and authentication need not wait for it.
    const { ComponentSet, MetadataConverter } = await Promise.all(/* import() */[__webpack_require__.e(746), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 4307));
    const fsPaths = source.sourceDirs.map((dir) => external_node_path_default().resolve(source.workspace, dir));
    if (source.manifest && fsPaths.length === 0)
        return metadataFolderPackage(external_node_path_default().resolve(source.workspace, source.manifest));
    const componentSet = source.manifest
        ? await ComponentSet.fromManifest({ manifestPath: external_node_path_default().resolve(source.workspace, source.manifest), resolveSourcePaths: fsPaths, forceAddWildcards: true })
        : ComponentSet.fromSource({ fsPaths });
    componentSet.sourceApiVersion = source.apiVersion;
    componentSet.apiVersion = source.apiVersion;
    if (componentSet.size === 0) {
        throw new errors/* SalesforceError */.mO(`Nothing to deploy: no metadata found in ${source.manifest ?? fsPaths.map((p) => external_node_path_default().relative(source.workspace, p) || '.').join(', ')}.`);
    }
    const converted = await new MetadataConverter().convert(componentSet, 'metadata', { type: 'zip' });
    if (!converted.zipBuffer)
        throw new errors/* SalesforceError */.mO('source-deploy-retrieve produced no zip.');
    const components = (0,manifest/* readPackageXml */.W)(await componentSet.getPackageXml());
    return {
        zip: converted.zipBuffer,
        components,
        componentSet,
        fileCount: converted.zipFileCount ?? 0,
        hasApex: components.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger'),
    };
}
/** A manifest next to a metadata-format folder (no SFDX project): the folder is zipped as it is. */
async function metadataFolderPackage(manifestPath) {
    const { readdirSync, statSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
    const root = external_node_path_default().dirname(manifestPath);
    const files = {};
    const walk = (dir) => {
        for (const entry of readdirSync(dir)) {
            const full = external_node_path_default().join(dir, entry);
            if (statSync(full).isDirectory())
                walk(full);
            else
                files[external_node_path_default().relative(root, full).split((external_node_path_default()).sep).join('/')] = (0,external_node_fs_.readFileSync)(full);
        }
    };
    walk(root);
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(root, 'package.xml')))
        files['package.xml'] = (0,external_node_fs_.readFileSync)(manifestPath);
    const components = (0,manifest/* readPackageXml */.W)((0,external_node_fs_.readFileSync)(manifestPath, 'utf8'));
    return {
        zip: Buffer.from((0,esm/* zipSync */.L)(files)),
        components,
        fileCount: Object.keys(files).length,
        hasApex: components.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger'),
    };
}

;// CONCATENATED MODULE: ./src/flows/salesforce-steps.ts








/** Connects to the org of a role and checks it is what the role claims (gate 2). */
async function connectOrg(run, role) {
    const credentials = role === 'sandbox' ? run.settings.sandbox : run.settings.production;
    if (!credentials)
        throw new errors/* ActionError */.lZ(`No ${role} credentials are configured.`);
    run.runner.info(`Connecting to the ${role} org (${credentials.method}).`);
    const session = await (0,connection/* connect */.Ng)(credentials, { apiVersion: run.settings.apiVersion, log: run.runner.info, registerSecret: run.runner.registerSecret });
    run.report.orgs[role] = session.identity;
    run.runner.info(`Connected to ${session.identity.name} (${session.identity.id}), ${session.identity.isSandbox ? 'a sandbox' : 'a production org'}.`);
    assertOrgIdentity(role, session);
    return session;
}
/** Gate 2: sandbox credentials must reach a sandbox, production credentials a production org. */
function assertOrgIdentity(role, session) {
    const { identity } = session;
    const expectSandbox = role === 'sandbox';
    if (identity.isSandbox !== expectSandbox) {
        throw new errors/* GateError */.ue(errors/* Gate */.iD.OrgIdentity, `the ${role} credentials reach '${identity.name}' (${identity.id}), which is ${identity.isSandbox ? 'a sandbox' : 'a production org'} (Organization.IsSandbox = ${identity.isSandbox}). Use ${role} credentials that log in to ${expectSandbox ? 'a sandbox' : 'the production org'}.`);
    }
}
/** Records gate 2 as passed for the orgs connected so far; returns the evidence line. */
function recordOrgIdentity(run) {
    const evidence = Object.entries(run.report.orgs).map(([role, org]) => `${role} ${org.name} (${org.id}) is ${org.isSandbox ? 'a sandbox' : 'production'}`).join('; ');
    (0,run_report/* recordGate */.RX)(run.report, errors/* Gate */.iD.OrgIdentity, 'passed', evidence);
    return evidence;
}
/** Builds the deploy package from the repository and records its size. */
async function packageSource(run) {
    const pkg = await buildPackage({ workspace: run.context.workspace, sourceDirs: run.settings.sourceDirs, manifest: run.settings.manifest, apiVersion: run.settings.apiVersion });
    run.report.components = pkg.components.length;
    run.report.componentNames = pkg.components.map((c) => `${c.type}: ${c.fullName}`);
    run.runner.info(`Packaged ${pkg.components.length} components (${pkg.fileCount} files, ${(pkg.zip.length / 1024).toFixed(1)} KiB zipped).`);
    return pkg;
}
/** Submits a deploy (or quick deploy), waits for it, and records its outcome and annotations. */
async function runOperation(run, session, pkg, request) {
    const { settings } = run;
    const testLevel = effectiveTestLevel(settings.testLevel, session.role);
    const id = request.quickDeployOf
        ? await (0,deploy/* submitQuickDeploy */.HY)(session, request.quickDeployOf)
        : await (0,deploy/* submitDeploy */.cm)(session, { zip: pkg.zip, checkOnly: request.checkOnly, testLevel, runTests: settings.tests, purpose: request.label.toLowerCase() });
    run.runner.info(`${request.label} submitted: ${id} (${request.quickDeployOf ? 'quick deploy' : `${request.checkOnly ? 'check-only, ' : ''}${testLevel}`}).`);
    run.runner.rememberPendingDeploy({ role: session.role, id });
    const { outcome, raw } = await (0,deploy/* awaitDeploy */.Qm)(session, id, request.label.toLowerCase(), {
        timeoutMs: settings.waitMinutes * 60000,
        zipBytes: pkg.zip.length,
        log: run.runner.info,
    });
    run.runner.rememberPendingDeploy(undefined);
    const record = { role: session.role, label: request.label, outcome, instanceUrl: session.identity.instanceUrl };
    run.report.operations.push(record);
    run.report.annotations.push(...(await locateFailures(outcome, raw, pkg, run.context.workspace, request.label)));
    run.runner.info(`${request.label} ${outcome.id} finished: ${outcome.status}${outcome.testsRun ? `, ${outcome.testsRun} tests run, ${outcome.testsFailed} failed` : ''}${outcome.coverage !== undefined && outcome.testsRun ? `, coverage ${outcome.coverage}%` : ''}.`);
    return outcome;
}
/**
 * Gate 3: the validation succeeded, with coverage at or above the threshold. A validation that
 * ran no tests reports no coverage; that is only accepted where no tests were asked for.
 */
function assertValidation(run, outcome, label) {
    const threshold = run.settings.coverageThreshold;
    if (!outcome.success) {
        (0,run_report/* recordGate */.RX)(run.report, errors/* Gate */.iD.Validation, 'refused', `${label} ${outcome.id} ${outcome.status}: ${(0,deploy_result/* failureSummary */.jg)(outcome)}`);
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Validation, `${label} ${outcome.id} ${outcome.status}: ${(0,deploy_result/* failureSummary */.jg)(outcome)}. Fix the failures above and push again.`, constants/* RunStatus */.i2.Failed);
    }
    if (outcome.testsRun > 0 && outcome.coverage !== undefined && outcome.coverage < threshold) {
        (0,run_report/* recordGate */.RX)(run.report, errors/* Gate */.iD.Validation, 'refused', `coverage ${outcome.coverage}% is below coverage-threshold ${threshold}%`);
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Validation, `${label} ${outcome.id} reported org-wide coverage ${outcome.coverage}%, below coverage-threshold ${threshold}%. Add tests, or lower coverage-threshold (Salesforce's own minimum is 75%).`, constants/* RunStatus */.i2.Failed);
    }
    const coverage = outcome.testsRun > 0 && outcome.coverage !== undefined ? `, coverage ${outcome.coverage}% ≥ ${threshold}%` : ', no tests ran';
    (0,run_report/* recordGate */.RX)(run.report, errors/* Gate */.iD.Validation, 'passed', `${label} ${outcome.id} succeeded${outcome.testsRun ? `, ${outcome.testsRun} tests passed` : ''}${coverage}`);
}
/**
 * The test level sent to Salesforce. Production refuses NoTestRun, so it is refused here before
 * anything is submitted.
 */
function effectiveTestLevel(testLevel, role) {
    if (role === 'production' && testLevel === 'NoTestRun') {
        throw new errors/* ActionError */.lZ(`test-level NoTestRun cannot be used against a production org (Salesforce refuses it). Use RunLocalTests, or RunSpecifiedTests with tests.`);
    }
    return testLevel;
}


/***/ }),

/***/ 96584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ createGitHubClient),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   q0: () => (/* binding */ describe)
/* harmony export */ });
/** Network errors worth another try: the connection broke, not the request. */
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
/**
 * Builds an authenticated Octokit for the run's repository. @actions/github is imported here,
 * not at the top, so a run that never talks to GitHub does not pay for loading it.
 */
async function createGitHubClient(token, context, options = {}) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    // Only baseUrl is passed: giving `request` would replace @actions/github's proxy-aware fetch.
    const octokit = getOctokit(token, { baseUrl: context.apiUrl.replace(/\/+$/, '') });
    const delays = options.retryDelaysMs ?? [1000, 3000, 9000];
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    // Reads are retried on 5xx and broken connections; writes never are, since a POST that
    // reached GitHub before the connection broke would be applied twice.
    octokit.hook.wrap('request', async (request, endpoint) => {
        for (let attempt = 0;; attempt++) {
            try {
                return await request(endpoint);
            }
            catch (error) {
                if (endpoint.method !== 'GET' || attempt >= delays.length || !isTransient(error))
                    throw error;
                options.onRetry?.(`GitHub GET ${String(endpoint.url).split('?')[0]} failed (${describe(error)}); retrying in ${delays[attempt]} ms.`);
                await sleep(delays[attempt]);
            }
        }
    });
    return { octokit, owner: context.owner, repo: context.repo };
}
/** The HTTP status of an Octokit error, if it has one. */
function httpStatus(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/**
 * A one-line description of an Octokit error that never includes request headers (the token)
 * or the request body.
 */
function describe(error) {
    const status = httpStatus(error);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return status !== undefined ? `HTTP ${status}: ${message}` : message;
}
function isTransient(error) {
    const status = httpStatus(error);
    if (status !== undefined && status >= 500)
        return true;
    for (let cause = error; cause; cause = cause.cause) {
        if (typeof cause.code === 'string' && RETRYABLE_CODES.has(cause.code))
            return true;
    }
    return false;
}


/***/ }),

/***/ 92987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ connect)
/* harmony export */ });
/* unused harmony exports RETRYABLE_ERRORS, jwtAssertion, isRetryable, errorName, redact */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _jsforce_jsforce_node__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25178);
/* harmony import */ var _jsforce_jsforce_node__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_jsforce_jsforce_node__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



/** Transient failures worth another try, by the name jsforce or undici gives them. */
const RETRYABLE_ERRORS = [
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'ERROR_HTTP_500',
    'ERROR_HTTP_502',
    'ERROR_HTTP_503',
    'ERROR_HTTP_504',
    'SERVER_UNAVAILABLE',
    'REQUEST_LIMIT_EXCEEDED',
    'socket hang up',
    'fetch failed',
];
/** Errors that mean the request never reached Salesforce, so even a deploy may be sent again. */
const NOT_SENT_ERRORS = ['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT'];
const MAX_ATTEMPTS = 5;
/** Authenticates with the one configured method, then reads the org's identity. */
async function connect(credentials, options) {
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const authenticated = async () => {
        const c = await authenticate(credentials, options.apiVersion);
        if (c.accessToken)
            options.registerSecret?.(c.accessToken);
        // jsforce renews refresh-token sessions by itself; the new session id is masked too.
        c.on('refresh', (accessToken) => options.registerSecret?.(accessToken));
        return c;
    };
    let connection = await authenticated();
    const renew = async (what, error) => {
        if (credentials.method === 'access-token') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SalesforceError */ .mO(`The ${credentials.role} access token was rejected during ${what} (${errorName(error)}): the session expired or was revoked. Access tokens cannot be renewed; use ${credentials.role}-auth-url or the JWT inputs for long runs.`);
        }
        options.log(`The ${credentials.role} session expired during ${what}; authenticating again.`);
        connection = await authenticated();
    };
    const session = {
        role: credentials.role,
        get connection() {
            return connection;
        },
        identity: undefined,
        async retrying(what, call) {
            for (let attempt = 1;; attempt++) {
                try {
                    return await call(connection);
                }
                catch (error) {
                    if (attempt >= MAX_ATTEMPTS)
                        throw wrap(what, error, attempt);
                    if (isExpiredSession(error)) {
                        await renew(what, error);
                        continue;
                    }
                    if (!isRetryable(error))
                        throw wrap(what, error, attempt);
                    const delay = Math.min(500 * 2 ** (attempt - 1), 8000);
                    options.log(`${what} failed (${errorName(error)}); retrying in ${delay / 1000} s (attempt ${attempt + 1} of ${MAX_ATTEMPTS}).`);
                    await sleep(delay);
                }
            }
        },
        async once(what, call) {
            for (let attempt = 1;; attempt++) {
                try {
                    return await call(connection);
                }
                catch (error) {
                    // A refused session or a connection that never opened means Salesforce did not take
                    // the request; anything else (reset, 5xx) may have reached it, so it is not resent.
                    if (attempt < 3 && isExpiredSession(error)) {
                        await renew(what, error);
                        continue;
                    }
                    if (attempt < 3 && NOT_SENT_ERRORS.some((code) => errorName(error).includes(code))) {
                        await sleep(1000 * attempt);
                        continue;
                    }
                    throw wrap(what, error, attempt);
                }
            }
        },
    };
    session.identity = await readIdentity(session);
    return session;
}
/** Reads the Organization record of the connected org. */
async function readIdentity(session) {
    const result = await session.retrying('the Organization query', async (c) => await c.query('SELECT Id, Name, IsSandbox, OrganizationType FROM Organization'));
    const org = result.records[0];
    if (!org)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SalesforceError */ .mO(`The ${session.role} org returned no Organization record; the user may lack the View Setup permission.`);
    return {
        id: org.Id,
        name: org.Name,
        isSandbox: org.IsSandbox === true || String(org.IsSandbox) === 'true',
        organizationType: org.OrganizationType,
        instanceUrl: session.connection.instanceUrl,
    };
}
async function authenticate(credentials, version) {
    try {
        switch (credentials.method) {
            case 'access-token':
                return new _jsforce_jsforce_node__WEBPACK_IMPORTED_MODULE_1__.Connection({ instanceUrl: credentials.instanceUrl, accessToken: credentials.accessToken, version });
            case 'auth-url': {
                const oauth2 = { clientId: credentials.clientId, clientSecret: credentials.clientSecret || undefined, loginUrl: credentials.loginUrl };
                const bootstrap = new _jsforce_jsforce_node__WEBPACK_IMPORTED_MODULE_1__.Connection({ oauth2, version });
                // jsforce does not redeem a refresh token before the first call, so it is done here.
                const token = await bootstrap.oauth2.refreshToken(credentials.refreshToken);
                // The identity URL ends in /<org id>/<user id>: kept so the action knows which deploys are its own.
                const [organizationId, id] = String(token.id ?? '').split('/').slice(-2);
                const connection = new _jsforce_jsforce_node__WEBPACK_IMPORTED_MODULE_1__.Connection({ oauth2, instanceUrl: token.instance_url, accessToken: token.access_token, refreshToken: credentials.refreshToken, version });
                if (id)
                    connection.userInfo = { id, organizationId, url: String(token.id) };
                return connection;
            }
            case 'jwt': {
                const connection = new _jsforce_jsforce_node__WEBPACK_IMPORTED_MODULE_1__.Connection({ loginUrl: credentials.loginUrl, version });
                await connection.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwtAssertion(credentials) });
                return connection;
            }
        }
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SalesforceError */ .mO(`Could not authenticate to the ${credentials.role} org with ${describeMethod(credentials)} at ${loginHost(credentials)}: ${errorName(error)}: ${redact((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error))}`);
    }
}
/** A signed JWT bearer assertion (RS256), valid three minutes. */
function jwtAssertion(credentials, now = Date.now()) {
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const audience = new URL(credentials.loginUrl).origin;
    const unsigned = `${encode({ alg: 'RS256' })}.${encode({ iss: credentials.clientId, sub: credentials.username, aud: audience, exp: Math.floor(now / 1000) + 180 })}`;
    const signature = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createSign)('RSA-SHA256').update(unsigned).sign(credentials.privateKey).toString('base64url');
    return `${unsigned}.${signature}`;
}
/** Whether an error is one of the listed transient failures. */
function isRetryable(error) {
    const name = errorName(error);
    const text = `${name} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`;
    return RETRYABLE_ERRORS.some((code) => text.includes(code));
}
function isExpiredSession(error) {
    return /INVALID_SESSION_ID|Session expired or invalid/.test(`${errorName(error)} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
}
/** The most specific name an error carries: a Salesforce error code, an HTTP status name or a socket code. */
function errorName(error) {
    const e = error;
    return e?.cause?.code ?? e?.errorCode ?? e?.code ?? e?.name ?? 'Error';
}
function wrap(what, error, attempts) {
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SalesforceError */ .mO(`${what} failed${tries}: ${errorName(error)}: ${redact((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error))}`);
}
/** Removes anything token-shaped from a client error before it is printed. */
function redact(text) {
    return text
        .replace(/(access_token|refresh_token|assertion|client_secret|sessionId)([=:"'\s>]+)[^&"'\s<]+/gi, '$1$2[REDACTED]')
        .replace(/Bearer\s+[^\s"']+/g, 'Bearer [REDACTED]')
        .replace(/00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]+/g, '[REDACTED]');
}
function describeMethod(credentials) {
    return { 'auth-url': 'the SFDX auth URL', jwt: `the JWT bearer flow for ${credentials.method === 'jwt' ? credentials.username : ''}`, 'access-token': 'the access token' }[credentials.method];
}
function loginHost(credentials) {
    return credentials.method === 'access-token' ? credentials.instanceUrl : credentials.loginUrl;
}


/***/ }),

/***/ 42328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ isFinished),
/* harmony export */   T0: () => (/* binding */ readDeployResult),
/* harmony export */   Ut: () => (/* binding */ DeployStatus),
/* harmony export */   jg: () => (/* binding */ failureSummary)
/* harmony export */ });
/* unused harmony exports orgWideCoverage, stackLine */
/** States of a Metadata API deploy (DeployStatus in the Metadata API WSDL). */
var DeployStatus;
(function (DeployStatus) {
    DeployStatus["Pending"] = "Pending";
    DeployStatus["InProgress"] = "InProgress";
    DeployStatus["Succeeded"] = "Succeeded";
    DeployStatus["SucceededPartial"] = "SucceededPartial";
    DeployStatus["Failed"] = "Failed";
    DeployStatus["Canceling"] = "Canceling";
    DeployStatus["Canceled"] = "Canceled";
    DeployStatus["FinalizingDeploy"] = "FinalizingDeploy";
    DeployStatus["FinalizingDeployFailed"] = "FinalizingDeployFailed";
})(DeployStatus || (DeployStatus = {}));
/** Whether a status is final. */
function isFinished(status) {
    return [DeployStatus.Succeeded, DeployStatus.SucceededPartial, DeployStatus.Failed, DeployStatus.Canceled, DeployStatus.FinalizingDeployFailed].includes(status);
}
/**
 * Reads a raw DeployResult (SOAP via jsforce's schema, or REST JSON) into a DeployOutcome. jsforce
 * fills absent fields with defaults and SOAP may give one item where a list is expected, so every
 * list goes through asArray and every number through toNumber.
 */
function readDeployResult(raw) {
    const details = raw.details ?? {};
    const runTestResult = details.runTestResult ?? {};
    const componentFailures = asArray(details.componentFailures)
        .filter((f) => !isTrue(f.success))
        .map((f) => ({
        type: String(f.componentType ?? ''),
        fullName: String(f.fullName ?? ''),
        fileName: String(f.fileName ?? ''),
        line: positive(f.lineNumber),
        column: positive(f.columnNumber),
        problem: String(f.problem ?? 'Unknown problem'),
        problemType: String(f.problemType ?? 'Error'),
    }));
    const testFailures = asArray(runTestResult.failures).map((f) => {
        const className = String(f.name ?? '');
        const stackTrace = String(f.stackTrace ?? '');
        return { className, methodName: String(f.methodName ?? ''), message: String(f.message ?? ''), stackTrace, line: stackLine(stackTrace, className) };
    });
    const coverageWarnings = asArray(runTestResult.codeCoverageWarnings).map((w) => String(w.message ?? ''));
    const testsRun = toNumber(runTestResult.numTestsRun) || toNumber(raw.numberTestsCompleted) + toNumber(raw.numberTestErrors);
    return {
        id: String(raw.id ?? ''),
        status: String(raw.status ?? ''),
        done: isTrue(raw.done),
        success: isTrue(raw.success),
        checkOnly: isTrue(raw.checkOnly),
        componentsTotal: toNumber(raw.numberComponentsTotal),
        componentsDeployed: toNumber(raw.numberComponentsDeployed),
        componentErrors: toNumber(raw.numberComponentErrors),
        testsTotal: toNumber(raw.numberTestsTotal),
        testsCompleted: toNumber(raw.numberTestsCompleted),
        testsRun,
        testsFailed: toNumber(runTestResult.numFailures) || toNumber(raw.numberTestErrors) || testFailures.length,
        coverage: orgWideCoverage(asArray(runTestResult.codeCoverage)),
        componentFailures,
        testFailures,
        coverageWarnings,
        errorMessage: raw.errorMessage ? String(raw.errorMessage) : undefined,
        errorStatusCode: raw.errorStatusCode ? String(raw.errorStatusCode) : undefined,
    };
}
/** Covered locations over all locations of the measured classes, in percent with at most two decimals. */
function orgWideCoverage(codeCoverage) {
    let locations = 0;
    let uncovered = 0;
    for (const c of codeCoverage) {
        locations += toNumber(c.numLocations);
        uncovered += toNumber(c.numLocationsNotCovered);
    }
    if (locations === 0)
        return undefined;
    return Math.round(((locations - uncovered) / locations) * 10000) / 100;
}
/** The line of `className` in an Apex stack trace such as `Class.FooTest.testIt: line 12, column 1`. */
function stackLine(stackTrace, className) {
    const escaped = className.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`Class\\.${escaped}\\.[^:]*: line (\\d+)`).exec(stackTrace) ?? /line (\d+)/.exec(stackTrace);
    return match ? Number(match[1]) : undefined;
}
/** A one-line reason for a failed outcome, for messages. */
function failureSummary(outcome) {
    const parts = [];
    if (outcome.componentFailures.length)
        parts.push(`${outcome.componentFailures.length} component failure(s), first: ${outcome.componentFailures[0].fullName}: ${outcome.componentFailures[0].problem}`);
    if (outcome.testFailures.length)
        parts.push(`${outcome.testFailures.length} test failure(s), first: ${outcome.testFailures[0].className}.${outcome.testFailures[0].methodName}: ${outcome.testFailures[0].message}`);
    parts.push(...outcome.coverageWarnings);
    if (outcome.errorMessage)
        parts.push(outcome.errorMessage);
    return parts.join('; ') || `status ${outcome.status}`;
}
function asArray(value) {
    if (value === undefined || value === null || value === '')
        return [];
    return (Array.isArray(value) ? value : [value]);
}
function isTrue(value) {
    return value === true || value === 'true';
}
function toNumber(value) {
    const n = Number(value);
    return Number.isFinite(n) ? n : 0;
}
function positive(value) {
    const n = toNumber(value);
    return n > 0 ? n : undefined;
}


/***/ }),

/***/ 72204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HY: () => (/* binding */ submitQuickDeploy),
/* harmony export */   Qm: () => (/* binding */ awaitDeploy),
/* harmony export */   cm: () => (/* binding */ submitDeploy),
/* harmony export */   dq: () => (/* binding */ pollInterval),
/* harmony export */   ol: () => (/* binding */ cancelDeploy)
/* harmony export */ });
/* unused harmony export progressLine */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _deploy_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42328);


/**
 * Submits a deploy exactly once. If the connection breaks after the request was sent, the
 * deploy may exist in Salesforce, so it is looked up in DeployRequest instead of sent again.
 */
async function submitDeploy(session, request) {
    const options = {
        checkOnly: request.checkOnly,
        rollbackOnError: true,
        singlePackage: true,
        ignoreWarnings: false,
        testLevel: request.testLevel,
        ...(request.testLevel === 'RunSpecifiedTests' ? { runTests: request.runTests } : {}),
    };
    // The deploys already in the org are noted first, so that if the connection breaks after the
    // request was sent, the one this submission created can be told apart and adopted.
    const window = lookBackFrom(Date.now());
    const known = await recentDeploys(session, window, request.checkOnly).catch(() => undefined);
    try {
        const result = await session.once(`Submitting the ${request.purpose}`, (c) => c.metadata.deploy(request.zip, options));
        return String(result.id);
    }
    catch (error) {
        if (known) {
            const created = (await recentDeploys(session, window, request.checkOnly).catch(() => [])).filter((id) => !known.includes(id));
            if (created.length === 1)
                return created[0];
        }
        throw error;
    }
}
/** Starts a quick deploy of a validation that ran in the same org; returns the new deploy id. */
async function submitQuickDeploy(session, validationId) {
    const id = await session.once(`Quick deploy of validation ${validationId}`, (c) => c.metadata.deployRecentValidation({ id: validationId }));
    return String(typeof id === 'object' && id !== null && 'id' in id ? id.id : id);
}
/** Asks Salesforce to cancel a deploy; a deploy already finalising cannot be cancelled. */
async function cancelDeploy(session, id) {
    await session.retrying(`Cancelling deploy ${id}`, (c) => c.metadata.cancelDeploy(id));
}
/**
 * Polls a deploy until it finishes, at an interval that grows with elapsed time and package
 * size, logging progress; past the timeout it cancels the deploy and fails.
 */
async function awaitDeploy(session, id, purpose, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const started = now();
    let lastLine = '';
    let lastLogged = 0;
    for (;;) {
        const elapsed = now() - started;
        if (elapsed > options.timeoutMs) {
            options.log(`The ${purpose} ${id} did not finish within ${Math.round(options.timeoutMs / 60000)} minute(s); cancelling it.`);
            await cancelDeploy(session, id).catch((error) => options.log(`Cancelling ${id} failed: ${error.message}`));
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`The ${purpose} ${id} did not finish within wait-minutes (${Math.round(options.timeoutMs / 60000)}); it was cancelled. Raise wait-minutes for long test runs.`);
        }
        await sleep(pollInterval(elapsed, options.zipBytes));
        const raw = await session.retrying(`Checking the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, false));
        const progress = (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_1__/* .readDeployResult */ .T0)(raw);
        const line = progressLine(purpose, progress);
        if (line !== lastLine || now() - lastLogged > 30000) {
            options.log(`${line} (${Math.round((now() - started) / 1000)} s)`);
            lastLine = line;
            lastLogged = now();
        }
        if ((0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_1__/* .isFinished */ .$g)(progress.status) || progress.done) {
            const detailed = await session.retrying(`Reading the result of the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, true));
            return { outcome: (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_1__/* .readDeployResult */ .T0)(detailed), raw: detailed };
        }
    }
}
/**
 * Seconds between status checks: frequent at first so short deploys return quickly, then a
 * tenth of the elapsed time, with a floor that rises with the zip size (as source-deploy-retrieve
 * does) and a 30 s ceiling, to spare the org's daily API budget on hour-long test runs.
 */
function pollInterval(elapsedMs, zipBytes) {
    const MB = 1024 * 1024;
    const floor = zipBytes > 15 * MB ? 10000 : zipBytes > 5 * MB ? 5000 : zipBytes > MB ? 2000 : 500;
    return Math.min(Math.max(floor, Math.round(elapsedMs / 10)), 30000);
}
/** One progress line: status, components and tests done so far. */
function progressLine(purpose, p) {
    const parts = [`${purpose} ${p.id}: ${p.status || _deploy_result_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployStatus */ .Ut.Pending}`];
    if (p.componentsTotal)
        parts.push(`components ${p.componentsDeployed + p.componentErrors}/${p.componentsTotal}${p.componentErrors ? ` (${p.componentErrors} failed)` : ''}`);
    if (p.testsTotal)
        parts.push(`tests ${p.testsCompleted}/${p.testsTotal}`);
    return parts.join(', ');
}
/** A SOQL datetime a minute before `now`: slack for clock skew between the runner and Salesforce. */
function lookBackFrom(now) {
    return new Date(now - 60000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** Ids of this user's deploys (of one kind) created since `after`, newest first. */
async function recentDeploys(session, after, checkOnly) {
    const result = await session.retrying('Listing recent deploys', async (c) => {
        const byUser = c.userInfo?.id ? ` AND CreatedById = '${c.userInfo.id}'` : '';
        return await c.tooling.query(`SELECT Id, CheckOnly FROM DeployRequest WHERE CreatedDate >= ${after}${byUser} ORDER BY CreatedDate DESC LIMIT 200`);
    });
    return result.records.filter((r) => String(r.CheckOnly) === String(checkOnly)).map((r) => r.Id);
}


/***/ }),

/***/ 71462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ readPackageXml),
/* harmony export */   X: () => (/* binding */ writePackageXml)
/* harmony export */ });
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41143);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20925);

const parser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A({ ignoreAttributes: true, isArray: (name) => name === 'types' || name === 'members', parseTagValue: false });
/** The components a package.xml (or destructiveChanges.xml) lists, in document order. */
function readPackageXml(xml) {
    const types = parser.parse(xml)?.Package?.types ?? [];
    return types.flatMap((t) => (t.members ?? []).map((fullName) => ({ type: String(t.name), fullName: String(fullName) })));
}
/** A package.xml (or destructiveChanges.xml) for the given components, types and members sorted as the CLI writes them. */
function writePackageXml(components, apiVersion) {
    const byType = new Map();
    for (const c of components)
        byType.set(c.type, (byType.get(c.type) ?? new Set()).add(c.fullName));
    const types = [...byType.keys()].sort().map((name) => ({ members: [...byType.get(name)].sort(), name }));
    const body = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A({ format: true, indentBy: '    ', ignoreAttributes: false }).build({
        Package: { '@_xmlns': 'http://soap.sforce.com/2006/04/metadata', types, ...(apiVersion ? { version: apiVersion } : {}) },
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}


/***/ })

};
