export const id = 204;
export const ids = [204];
export const modules = {

/***/ 92987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Fz: () => (/* binding */ highestApiVersion),
/* harmony export */   Is: () => (/* binding */ errorName),
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   Vk: () => (/* binding */ wasNotSent),
/* harmony export */   a_: () => (/* binding */ wasNotStarted),
/* harmony export */   oo: () => (/* binding */ isExpiredSession),
/* harmony export */   r3: () => (/* binding */ isRetryable)
/* harmony export */ });
/* unused harmony exports RETRYABLE_ERRORS, retryDelay, withRetries, RetriesExhausted, jwtAssertion */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _jsforce_jsforce_node__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25178);
/* harmony import */ var _jsforce_jsforce_node__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_jsforce_jsforce_node__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



/**
 * Transient failures worth another try, by the name jsforce or undici gives them (or the text of
 * the answer: an HTML maintenance page instead of XML or JSON).
 */
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
    'ERROR_HTTP_429',
    'SERVER_UNAVAILABLE',
    // Salesforce's own "try again": an internal error, or the org's API request limit (which it
    // refuses before doing anything, so even a deploy submission refused with it did not start).
    'UNKNOWN_EXCEPTION',
    'REQUEST_LIMIT_EXCEEDED',
    'socket hang up',
    'fetch failed',
    'other side closed',
    '<html',
    '<!DOCTYPE html',
];
/** Refusals that mean Salesforce did not process the request (so a deploy refused with one did not start). */
const NOT_STARTED_FAULTS = ['REQUEST_LIMIT_EXCEEDED', 'ERROR_HTTP_429'];
/** Errors that mean the request never reached Salesforce, so even a deploy may be sent again. */
const NOT_SENT_ERRORS = ['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT'];
/** The longest pause between two attempts of a call. */
const MAX_DELAY_MS = 15000;
/**
 * The pause before attempt `attempt + 1` of a call (pure): 0.5 s doubling to a 15 s ceiling, so
 * a blip costs half a second and a long outage is probed four times a minute.
 */
function retryDelay(attempt) {
    return Math.min(500 * 2 ** (attempt - 1), MAX_DELAY_MS);
}
/**
 * Runs `call` again after each failure `shouldRetry` accepts, with retryDelay pauses, until the
 * time budget from the first attempt is spent; the last failure is rethrown with the count.
 */
async function withRetries(what, call, policy) {
    const started = policy.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            const delay = retryDelay(attempt);
            const spent = policy.now() - started;
            if (!policy.shouldRetry(error) || spent + delay > policy.retryForMs)
                throw new RetriesExhausted(error, attempt);
            policy.log(`${what} failed (${errorName(error)}); retrying in ${delay / 1000} s (attempt ${attempt + 1}, ${Math.round(spent / 1000)} s of ${Math.round(policy.retryForMs / 1000)} s spent).`);
            await policy.sleep(delay);
        }
    }
}
/** The last failure of a retried call, and how many attempts were made. */
class RetriesExhausted extends Error {
    last;
    attempts;
    constructor(last, attempts) {
        super((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(last));
        this.last = last;
        this.attempts = attempts;
    }
}
/** Authenticates with the one configured method, then reads the org's identity. */
async function connect(credentials, options) {
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const now = options.now ?? Date.now;
    const retryForMs = options.retryForMs ?? 10 * 60000;
    const policy = (shouldRetry) => ({ retryForMs, log: options.log, shouldRetry, sleep, now });
    const authenticated = async () => {
        // A token request only reads (a refresh token or an assertion is redeemed as often as asked).
        const c = await withRetries(`The ${credentials.role} token request`, () => authenticate(credentials, options.apiVersion), policy(isRetryable)).catch((error) => {
            const last = error instanceof RetriesExhausted ? error.last : error;
            const tries = error instanceof RetriesExhausted && error.attempts > 1 ? ` (${error.attempts} attempts)` : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SalesforceError */ .mO(`Could not authenticate to the ${credentials.role} org with ${describeMethod(credentials)} at ${loginHost(credentials)}${tries}: ${errorName(last)}: ${redact(shorten((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(last)))}`);
        });
        if (c.accessToken)
            options.registerSecret?.(c.accessToken);
        if (!c.userInfo?.id)
            await readUserInfo(c, credentials, options.log);
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
    /**
     * Calls Salesforce, renewing a dead session (at most `renewals` times, without waiting) and
     * retrying what `retryable` allows; a call that keeps failing is wrapped with what it was for.
     */
    async function attempt(what, call, renewals, retryable, keepCause) {
        let renewed = 0;
        try {
            return await withRetries(what, async () => {
                try {
                    return await call(connection);
                }
                catch (error) {
                    if (isExpiredSession(error) && renewed++ < renewals) {
                        await renew(what, error);
                        return await call(connection);
                    }
                    throw error;
                }
            }, policy(retryable));
        }
        catch (error) {
            if (!(error instanceof RetriesExhausted))
                throw error;
            throw wrap(what, error.last, error.attempts, keepCause ? error.last : undefined);
        }
    }
    const session = {
        role: credentials.role,
        get connection() {
            return connection;
        },
        identity: undefined,
        retrying: (what, call) => attempt(what, call, 3, isRetryable, false),
        // Only what Salesforce cannot have processed is sent again: a refused session, a connection
        // that never opened, or the API request limit (refused before any work). Anything else (reset,
        // 5xx, UNKNOWN_EXCEPTION) may have reached it, so it is not resent.
        once: (what, call) => attempt(what, call, 2, (error) => wasNotSent(error) || wasNotStarted(error), true),
    };
    session.identity = await readIdentity(session);
    return session;
}
/**
 * Sets `connection.userInfo` from the OpenID Connect userinfo endpoint when authentication did
 * not (an access token says nothing about its user). The user id scopes the DeployRequest lookup
 * that adopts a deploy whose submission answer was lost, so another user's deploy is never taken
 * for this run's; without it the lookup is not attempted. Best effort: a failure leaves it unset.
 */
async function readUserInfo(connection, credentials, log) {
    try {
        // One retry at most: jsforce's default of five, with backoff, would hold up every run ~15 s when userinfo is down.
        const info = await connection.request('/services/oauth2/userinfo', { retry: { maxRetries: 1 } });
        if (typeof info?.user_id === 'string' && info.user_id) {
            connection.userInfo = { id: info.user_id, organizationId: String(info.organization_id ?? ''), url: String(info.sub ?? '') };
        }
    }
    catch (error) {
        log(`Could not read which user the ${credentials.role} credentials belong to (${errorName(error)}: ${redact((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error))}); a deploy whose submission answer is lost cannot be looked up and will need checking by hand.`);
    }
}
/**
 * The highest API version an org offers: `GET /services/data` lists them and needs no session
 * (REST API Developer Guide, "Versions"). Retried like any read.
 */
async function highestApiVersion(credentials, options) {
    const base = credentials.method === 'access-token' ? credentials.instanceUrl : credentials.loginUrl;
    const url = `${base.replace(/\/+$/, '')}/services/data`;
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const listed = await withRetries(`Listing the API versions of the ${credentials.role} org`, async () => {
        const response = await fetch(url, { headers: { accept: 'application/json' } });
        const text = await response.text();
        if (!response.ok)
            throw Object.assign(new Error(text.slice(0, 300)), { errorCode: `ERROR_HTTP_${response.status}` });
        return JSON.parse(text);
    }, { retryForMs: options.retryForMs ?? 10 * 60000, log: options.log, shouldRetry: (error) => isRetryable(error) || error instanceof SyntaxError, sleep, now: Date.now }).catch((error) => {
        const last = error instanceof RetriesExhausted ? error.last : error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SalesforceError */ .mO(`Could not list the API versions of the ${credentials.role} org at ${url} (${errorName(last)}: ${redact(shorten((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(last)))}). Set api-version, or sourceApiVersion in sfdx-project.json.`);
    });
    const versions = (Array.isArray(listed) ? listed : []).map((v) => String(v?.version ?? '')).filter((v) => /^\d{2,3}\.0$/.test(v));
    if (versions.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SalesforceError */ .mO(`The ${credentials.role} org at ${url} listed no API versions. Set api-version, or sourceApiVersion in sfdx-project.json.`);
    return versions.sort((a, b) => Number(b) - Number(a))[0];
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
/** Obtains a session with the configured method; the client's error is thrown as it is, for the retry policy to classify. */
async function authenticate(credentials, version) {
    {
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
/** Whether an error means the request never reached Salesforce (refused connection, unknown host). */
function wasNotSent(error) {
    return NOT_SENT_ERRORS.some((code) => errorName(error).includes(code));
}
/** Whether Salesforce refused a request without processing it: the API request limit, a 429. */
function wasNotStarted(error) {
    const text = `${errorName(error)} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`;
    return NOT_STARTED_FAULTS.some((code) => text.includes(code));
}
/** Whether Salesforce refused a request for a dead session (it did not process it). */
function isExpiredSession(error) {
    return /INVALID_SESSION_ID|Session expired or invalid/.test(`${errorName(error)} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
}
/** The most specific name an error carries: a Salesforce error code, an HTTP status name or a socket code. */
function errorName(error) {
    const e = error;
    return e?.cause?.code ?? e?.errorCode ?? e?.code ?? e?.name ?? 'Error';
}
/** A failed call as the action reports it; `cause` keeps the client's error for callers that classify it. */
function wrap(what, error, attempts, cause) {
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    const wrapped = new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SalesforceError */ .mO(`${what} failed${tries}: ${errorName(error)}: ${redact(shorten((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)))}`);
    if (cause !== undefined)
        Object.defineProperty(wrapped, 'cause', { value: cause, enumerable: false });
    return wrapped;
}
/** An HTML page (a maintenance page) is named, not printed. */
function shorten(text) {
    if (/<html|<!DOCTYPE html/i.test(text)) {
        const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
        return `an HTML page${title ? ` ('${title}')` : ''} instead of an API answer`;
    }
    return text.length > 500 ? `${text.slice(0, 500)}…` : text;
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
    const problems = asArray(details.componentFailures).filter((f) => !isTrue(f.success));
    const componentWarnings = problems.filter((f) => f.problemType === 'Warning' && isTrue(raw.success)).map((f) => `${f.fullName ?? f.fileName}: ${f.problem}`);
    // A warning only fails a deploy that does not ignore warnings; then it is why it failed.
    const succeeded = isTrue(raw.success);
    const componentFailures = problems
        .filter((f) => f.problemType !== 'Warning' || !succeeded)
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
        return { className, methodName: String(f.methodName ?? ''), message: String(f.message ?? ''), stackTrace, line: stackLine(stackTrace, className), time: toNumber(f.time) };
    });
    const testSuccesses = asArray(runTestResult.successes).map((t) => ({ className: String(t.name ?? ''), methodName: String(t.methodName ?? ''), time: toNumber(t.time) }));
    const codeCoverage = asArray(runTestResult.codeCoverage);
    const classCoverage = codeCoverage.map((c) => ({
        name: String(c.name ?? ''),
        type: (c.type === 'Trigger' ? 'Trigger' : 'Class'),
        locations: toNumber(c.numLocations),
        notCovered: toNumber(c.numLocationsNotCovered),
        uncoveredLines: [...new Set(asArray(c.locationsNotCovered).map((l) => toNumber(l.line)).filter((n) => n > 0))].sort((a, b) => a - b),
    }));
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
        coverage: orgWideCoverage(codeCoverage),
        componentFailures,
        componentWarnings,
        testFailures,
        testSuccesses,
        testTime: toNumber(runTestResult.totalTime),
        classCoverage,
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
/* harmony export */   $3: () => (/* binding */ QuickDeployRefused),
/* harmony export */   HY: () => (/* binding */ submitQuickDeploy),
/* harmony export */   Qm: () => (/* binding */ awaitDeploy),
/* harmony export */   WF: () => (/* binding */ reportedComponents),
/* harmony export */   cm: () => (/* binding */ submitDeploy),
/* harmony export */   d$: () => (/* binding */ cancelIfRunning),
/* harmony export */   dq: () => (/* binding */ pollInterval),
/* harmony export */   td: () => (/* binding */ resolveSubmission),
/* harmony export */   th: () => (/* binding */ LostSubmission),
/* harmony export */   yX: () => (/* binding */ followCancel)
/* harmony export */ });
/* unused harmony exports compareSubmission, cancelDeploy, CANCEL_FOLLOW_MS, readDeploy, progressLine */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _connection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92987);
/* harmony import */ var _deploy_result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42328);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71462);




/** The submission's answer was lost and no single deploy can be shown to be its own. */
class LostSubmission extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO {
    submission;
    candidates;
    constructor(message, submission, candidates) {
        super(message);
        this.submission = submission;
        this.candidates = candidates;
    }
}
/**
 * Submits a deploy exactly once. If the connection breaks after the request was sent, the
 * deploy may exist in Salesforce, so it is looked up in DeployRequest instead of sent again.
 */
async function submitDeploy(session, request) {
    const options = {
        checkOnly: request.checkOnly,
        rollbackOnError: true,
        singlePackage: true,
        ignoreWarnings: request.ignoreWarnings ?? false,
        testLevel: request.testLevel,
        ...(request.testLevel === 'RunSpecifiedTests' ? { runTests: request.runTests } : {}),
    };
    return submitOnce(session, request.purpose, {
        checkOnly: request.checkOnly,
        testLevel: request.testLevel,
        ...(request.testLevel === 'RunSpecifiedTests' ? { runTests: request.runTests } : {}),
        ...(request.componentsTotal ? { componentsTotal: request.componentsTotal } : {}),
    }, async (c) => (await c.metadata.deploy(request.zip, options)));
}
/**
 * Sends a submission once and returns the deploy id. Refusals (a fault Salesforce answered on
 * purpose, a dead session, a connection that never opened, the API request limit) mean nothing
 * started. Any other failure may have started a deploy: it is adopted only when exactly one
 * DeployRequest matches everything known about this submission; otherwise a LostSubmission
 * lists the candidates and nothing is sent again.
 */
async function submitOnce(session, purpose, fingerprint, send, refusal) {
    // This user's deploys already in the org are noted first, so that if the connection breaks
    // after the request was sent, the one this submission created can be told apart. Only a
    // lookup scoped to the user is safe: anyone else's deploy would otherwise be taken for this one.
    const userId = session.connection.userInfo?.id;
    const sentAt = new Date();
    const known = userId ? await listDeployRequests(session, userId, lookBackFrom(sentAt.getTime())).then((rows) => rows.map((r) => r.Id)).catch(() => undefined) : undefined;
    let failure;
    try {
        const result = await session.once(`Submitting the ${purpose}`, async (c) => {
            try {
                return await send(c);
            }
            catch (error) {
                failure = error;
                throw error;
            }
        });
        return String(result.id);
    }
    catch (error) {
        const refused = refusal?.(failure);
        if (refused)
            throw refused;
        if ((0,_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .wasNotStarted */ .a_)(failure)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}. Salesforce refused the ${purpose} without starting it (the org's API request limit): nothing was deployed. Run again once the org's 24-hour API usage is below its limit (Setup > Company Information > API Requests).`);
        }
        // Salesforce answered with a fault, refused the session, or the request never left: nothing started.
        if (isSalesforceRefusal(failure) || (0,_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .isExpiredSession */ .oo)(failure) || (0,_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .wasNotSent */ .Vk)(failure))
            throw error;
        const submission = { ...fingerprint, ...(userId ? { userId } : {}), sentAt: sentAt.toISOString(), known: known ?? [] };
        if (!userId || !known) {
            const why = !userId ? `the ${session.role} user could not be identified, so its deploys cannot be told apart from other users'` : 'the lookup of existing deploys in DeployRequest failed before the request was sent';
            throw new LostSubmission(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}. Whether Salesforce started the ${purpose} is unknown (${why}), so it was not sent again. ${checkByHand(session)}`, submission, []);
        }
        const resolved = await resolveSubmission(session, submission).catch((lookup) => ({ adopted: undefined, candidates: [], lookupError: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(lookup) }));
        if (resolved.adopted)
            return resolved.adopted;
        const matching = resolved.candidates.filter((c) => !c.mismatch);
        const why = 'lookupError' in resolved
            ? `the lookup of the deploys created since it was sent failed: ${resolved.lookupError}`
            : matching.length === 0
                ? 'no deploy created since it was sent matches it'
                : `${matching.length} deploys created since it was sent match it, and another job's cannot be told from this one's`;
        throw new LostSubmission(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}. Whether Salesforce started the ${purpose} is unknown (${why}), so it was not sent again and no deploy was taken for it.` +
            `${resolved.candidates.length ? ` Deploys by the same user since then: ${resolved.candidates.map(describeCandidate).join('; ')}.` : ''} ${checkByHand(session)}`, submission, resolved.candidates);
    }
}
function checkByHand(session) {
    return `Check Setup > Deployment Status in the ${session.role} org${session.identity ? ` ${session.identity.name}` : ''} before running again. The post step cancels the deploy if it can then be told apart and is still running.`;
}
function describeCandidate(c) {
    return `${c.id} (${c.status}, created ${c.createdDate}${c.mismatch ? `, not this one: ${c.mismatch}` : ', matches'})`;
}
/**
 * Looks for the deploy a submission created: this user's DeployRequests created since a minute
 * before it was sent (slack for clock skew between the runner and Salesforce), minus those that
 * existed before it, compared on the check-only flag, test level, tests, quick-deployed
 * validation and component count. Adopted only when exactly one matches.
 */
async function resolveSubmission(session, submission) {
    if (!submission.userId)
        return { candidates: [] };
    const known = new Set(submission.known);
    const rows = (await listDeployRequests(session, submission.userId, lookBackFrom(Date.parse(submission.sentAt)))).filter((r) => !known.has(r.Id));
    const candidates = [];
    for (const row of rows) {
        const base = { id: row.Id, status: String(row.Status ?? ''), createdDate: String(row.CreatedDate ?? '') };
        const details = await session.retrying(`Reading deploy ${row.Id}`, (c) => c.request(`/services/data/v${c.version}/metadata/deployRequest/${row.Id}`));
        const mismatch = compareSubmission(submission, row, details);
        candidates.push({ ...base, ...(mismatch ? { mismatch } : {}) });
    }
    const matching = candidates.filter((c) => !c.mismatch);
    return { ...(matching.length === 1 ? { adopted: matching[0].id } : {}), candidates };
}
/** Why a DeployRequest is not the submission's deploy, or undefined when everything known matches (pure). */
function compareSubmission(submission, row, details) {
    if (String(row.CheckOnly) !== String(submission.checkOnly))
        return submission.checkOnly ? 'not check-only' : 'check-only';
    const validation = details.validatedDeployRequestId ?? undefined;
    if (submission.validationId) {
        if (!validation || !sameId(validation, submission.validationId))
            return validation ? `quick deploy of ${validation}` : 'not a quick deploy';
    }
    else if (validation)
        return `quick deploy of ${validation}`;
    const level = details.deployOptions?.testLevel ?? undefined;
    if (submission.testLevel && level && level !== submission.testLevel)
        return `test level ${level}`;
    if (submission.runTests?.length) {
        const asked = [...submission.runTests].sort().join(',');
        const theirs = [...(details.deployOptions?.runTests ?? [])].sort().join(',');
        if (asked !== theirs)
            return `tests ${theirs || 'none'}`;
    }
    const total = Number(details.deployResult?.numberComponentsTotal ?? row.NumberComponentsTotal ?? 0);
    // Salesforce counts components once the deploy starts; a queued one has 0 and cannot differ yet.
    if (submission.componentsTotal && total && total !== submission.componentsTotal)
        return `${total} components, not ${submission.componentsTotal}`;
    return undefined;
}
function sameId(a, b) {
    return a.slice(0, 15) === b.slice(0, 15);
}
/** Salesforce refused a quick deploy (the validation is gone, expired or invalidated): nothing started. */
class QuickDeployRefused extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO {
}
/**
 * Starts a quick deploy of a validation that ran in the same org; returns the new deploy id. A
 * refusal by Salesforce is a QuickDeployRefused, after which a full deploy is safe; a broken
 * connection is not, since the quick deploy may have started: it goes through the same lookup
 * as a deploy whose answer was lost.
 */
async function submitQuickDeploy(session, validationId, testLevel) {
    return submitOnce(session, `quick deploy of validation ${validationId}`, { checkOnly: false, validationId, ...(testLevel ? { testLevel } : {}) }, async (c) => {
        const id = (await c.metadata.deployRecentValidation({ id: validationId }));
        return { id: String(typeof id === 'object' && id !== null && 'id' in id ? id.id : id) };
    }, (error) => (isSalesforceRefusal(error) ? new QuickDeployRefused(`Salesforce refused the quick deploy of validation ${validationId}: ${(0,_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error)}: ${(0,_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error))}`) : undefined));
}
/**
 * A fault Salesforce answered with on purpose (INVALID_ID_FIELD …): not a transport failure, an
 * HTTP error, an expired session or UNKNOWN_EXCEPTION, after any of which the request may have
 * been processed.
 */
function isSalesforceRefusal(error) {
    // Only an answer carries an errorCode (a SOAP faultcode or REST error body); a socket error's code does not count.
    if (typeof error?.errorCode !== 'string')
        return false;
    const name = (0,_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error).replace(/^[a-z]+:/, '');
    return /^[A-Z][A-Z_]+$/.test(name) && !name.startsWith('ERROR_HTTP_') && !(0,_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryable */ .r3)(error) && !['INVALID_SESSION_ID', 'UNKNOWN_EXCEPTION'].includes(name);
}
/**
 * Asks Salesforce to cancel a deploy (Metadata API Developer Guide, "cancelDeploy()"). A deploy
 * in FinalizingDeploy cannot be cancelled, and one that finished meanwhile is a fault: only the
 * deploy's own status says afterwards how it ended (followCancel).
 */
async function cancelDeploy(session, id) {
    return session.retrying(`Cancelling deploy ${id}`, async (c) => {
        try {
            await c.metadata.cancelDeploy(id);
            return 'requested';
        }
        catch (error) {
            // Recognised here, on the client's error: a failure leaving `retrying` is wrapped into words.
            if (isAlreadyCompleted(error))
                return 'already-completed';
            throw error;
        }
    });
}
/** Salesforce's answer to a cancel of a finished deploy: INVALID_ID_FIELD "Deployment already completed". */
function isAlreadyCompleted(error) {
    return (0,_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error).replace(/^[a-z]+:/, '') === 'INVALID_ID_FIELD' && /already completed/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error));
}
/**
 * Cancels a deploy only if Salesforce reports it still running (Pending, InProgress or
 * FinalizingDeploy): a deploy that finished, succeeded or not, is left as it is and its status
 * returned; so is one that finished between the status check and the cancel (`already-completed`).
 */
async function cancelIfRunning(session, id) {
    const raw = await session.retrying(`Checking deploy ${id}`, (c) => c.metadata.checkDeployStatus(id, false));
    const status = (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .readDeployResult */ .T0)(raw);
    if ((0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .isFinished */ .$g)(status.status) || status.done || status.status === _deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployStatus */ .Ut.Canceling)
        return { cancelled: false, status: status.status };
    const answer = await cancelDeploy(session, id);
    return { cancelled: answer === 'requested', status: status.status, answer };
}
/**
 * Follows a deploy the action asked to cancel until Salesforce ends it, for at most `followMs`:
 * Canceled, or, for a deploy that was already finalizing (or finished) when the request came,
 * Succeeded or Failed. Returns the finished deploy (details included), or the status it still
 * had when the time ran out.
 */
async function followCancel(session, id, purpose, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const started = now();
    let status = '';
    for (let first = true;; first = false) {
        if (!first) {
            const elapsed = now() - started;
            if (elapsed >= options.followMs)
                return { status };
            // Canceling and finalizing take seconds to minutes: checks every 1 to 5 s.
            await sleep(Math.min(1000 + elapsed / 10, 5000, Math.max(0, options.followMs - elapsed)));
        }
        const progress = (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .readDeployResult */ .T0)(await session.retrying(`Checking the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, false)));
        if (progress.status !== status)
            options.log(`${purpose} ${id}: ${progress.status || _deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployStatus */ .Ut.Pending} (${Math.round((now() - started) / 1000)} s after the cancel request)`);
        status = progress.status;
        if ((0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .isFinished */ .$g)(progress.status) || progress.done) {
            const detailed = await session.retrying(`Reading the result of the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, true));
            return { outcome: (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .readDeployResult */ .T0)(detailed), raw: detailed };
        }
    }
}
/** How long a deploy cancelled on timeout is followed for Salesforce's last word on it. */
const CANCEL_FOLLOW_MS = 10 * 60000;
/**
 * Polls a deploy until it finishes, at an interval that grows with elapsed time (pollInterval),
 * logging progress. Past the timeout it cancels the deploy and follows it to its end: Canceled
 * fails the run; a deploy Salesforce finished anyway (FinalizingDeploy cannot be cancelled, or it
 * finished before the cancel arrived) is returned as Salesforce reports it, succeeded or failed.
 */
async function awaitDeploy(session, id, purpose, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const started = now();
    let lastLine = '';
    let lastLogged = 0;
    let lastStatus = '';
    for (;;) {
        const elapsed = now() - started;
        if (elapsed > options.timeoutMs)
            return cancelOnTimeout(session, id, purpose, lastStatus, options);
        await sleep(pollInterval(elapsed));
        const raw = await session.retrying(`Checking the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, false));
        const progress = (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .readDeployResult */ .T0)(raw);
        lastStatus = progress.status;
        const line = progressLine(purpose, progress);
        if (line !== lastLine || now() - lastLogged > 30000) {
            options.log(`${line} (${Math.round((now() - started) / 1000)} s)`);
            lastLine = line;
            lastLogged = now();
        }
        if ((0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .isFinished */ .$g)(progress.status) || progress.done) {
            const detailed = await session.retrying(`Reading the result of the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, true));
            return { outcome: (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .readDeployResult */ .T0)(detailed), raw: detailed };
        }
    }
}
/**
 * wait-minutes ran out: asks Salesforce to cancel the deploy, then follows it to the end
 * Salesforce gives it (CANCEL_FOLLOW_MS at most). Canceled is the timeout failure; Succeeded or
 * Failed is returned with `lateCancel` saying why the cancel did not stop it; still running after
 * the follow is a failure that says the outcome is unknown.
 */
async function cancelOnTimeout(session, id, purpose, lastStatus, options) {
    const minutes = Math.round(options.timeoutMs / 60000);
    options.log(`The ${purpose} ${id} did not finish within ${minutes} minute(s) (last reported ${lastStatus || _deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployStatus */ .Ut.Pending}); cancelling it.`);
    let answer;
    try {
        answer = await cancelDeploy(session, id);
    }
    catch (error) {
        options.log(`Cancelling ${id} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
        answer = 'failed';
    }
    if (answer === 'already-completed')
        options.log(`${id} finished before the cancel reached Salesforce (INVALID_ID_FIELD: Deployment already completed): nothing to cancel.`);
    const end = await followCancel(session, id, purpose, { followMs: options.followMs ?? CANCEL_FOLLOW_MS, log: options.log, ...(options.now ? { now: options.now } : {}), ...(options.sleep ? { sleep: options.sleep } : {}) });
    if (!('outcome' in end)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`The ${purpose} ${id} did not finish within wait-minutes (${minutes}); ${answer === 'failed' ? 'cancelling it failed' : 'a cancel was requested'}, and Salesforce still reports it ${end.status || 'running'} ${Math.round((options.followMs ?? CANCEL_FOLLOW_MS) / 60000)} minute(s) later, so whether it changes the org is not known. Check Setup > Deployment Status before running again.`);
    }
    const { outcome } = end;
    if (outcome.status === _deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployStatus */ .Ut.Canceled) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`The ${purpose} ${id} did not finish within wait-minutes (${minutes}); it was cancelled. Raise wait-minutes for long test runs.`);
    }
    const why = answer === 'already-completed'
        ? 'it had finished before the cancel reached Salesforce'
        : answer === 'failed'
            ? 'the cancel request failed'
            : lastStatus === _deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployStatus */ .Ut.FinalizingDeploy
                ? 'Salesforce was already finalizing it (a deploy in FinalizingDeploy cannot be cancelled)'
                : 'Salesforce finished it instead (it reached FinalizingDeploy, which cannot be cancelled, first)';
    const lateCancel = `The ${purpose} ${id} did not finish within wait-minutes (${minutes}) and the action asked Salesforce to cancel it, but ${why}: Salesforce reports it ${outcome.status}${outcome.success && !outcome.checkOnly ? ', so the org was changed' : ''}.`;
    options.log(lateCancel);
    return { ...end, lateCancel };
}
/** Reads a deploy's full DeployResult (details included), e.g. to check a validation before quick deploying it. */
async function readDeploy(session, id, purpose) {
    const raw = await session.retrying(`Reading the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, true));
    return { outcome: readDeployResult(raw), ...reportedComponents(raw) };
}
/**
 * The components a raw DeployResult's `componentSuccesses` name, split into deployed and
 * deleted; the entries for the manifests themselves (package.xml, destructiveChanges*.xml, with
 * no component type) are left out.
 */
function reportedComponents(raw) {
    const manifests = new Set(['package.xml', _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .DESTRUCTIVE_CHANGES */ .Xv, _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .DESTRUCTIVE_CHANGES_POST */ .UB, 'destructiveChangesPre.xml']);
    const successes = raw.details?.componentSuccesses;
    const entries = successes === undefined || successes === null || successes === '' ? [] : Array.isArray(successes) ? successes : [successes];
    const deployed = [];
    const deleted = [];
    for (const entry of entries) {
        const type = String(entry.componentType ?? '');
        const fullName = String(entry.fullName ?? '');
        if (!type || manifests.has(fullName))
            continue;
        (entry.deleted === true || entry.deleted === 'true' ? deleted : deployed).push({ type, fullName });
    }
    return { deployed, deleted };
}
/**
 * Milliseconds to wait before the next status check, from the time since the submission: the
 * first check after 1 s (the sf CLI checks after about 1 s; a small deploy or a quick deploy is
 * often done by then), then 1 s plus a tenth of the elapsed time (1.0, 2.1, 3.3, 4.6, 6.1 … s),
 * reaching the 30 s ceiling after about 5 minutes, to spare the org's daily API budget on
 * hour-long test runs. About 86 checks in 30 minutes, whatever the package size (the
 * size-based floors this replaced made 71 to 102, and a first check only after 0.5 to 10 s).
 */
function pollInterval(elapsedMs) {
    return Math.min(Math.round(1000 + Math.max(0, elapsedMs) / 10), 30000);
}
/** One progress line: status, then components and tests done of their totals, with percentages. */
function progressLine(purpose, p) {
    const parts = [`${purpose} ${p.id}: ${p.status || _deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployStatus */ .Ut.Pending}`];
    const percent = (done, total) => `${Math.floor((Math.min(done, total) / total) * 100)}%`;
    if (p.componentsTotal) {
        const done = p.componentsDeployed + p.componentErrors;
        parts.push(`components ${done}/${p.componentsTotal} (${percent(done, p.componentsTotal)})${p.componentErrors ? `, ${p.componentErrors} failed` : ''}`);
    }
    if (p.testsTotal) {
        // numberTestsCompleted counts the passed tests; numberTestErrors the failed ones.
        const done = p.testsCompleted + p.testsFailed;
        parts.push(`tests ${done}/${p.testsTotal} (${percent(done, p.testsTotal)})${p.testsFailed ? `, ${p.testsFailed} failed` : ''}`);
    }
    return parts.join(', ');
}
/** A SOQL datetime a minute before `now`: slack for clock skew between the runner and Salesforce. */
function lookBackFrom(now) {
    return new Date(now - 60000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** The user's DeployRequests created since `after`, oldest first. */
async function listDeployRequests(session, userId, after) {
    // A user id is 15 or 18 alphanumerics; anything else is not put into SOQL.
    if (!/^[a-zA-Z0-9]{15,18}$/.test(userId))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SalesforceError */ .mO(`Unexpected user id '${userId.slice(0, 20)}'.`);
    const result = await session.retrying('Listing recent deploys', async (c) => await c.tooling.query(`SELECT Id, Status, CheckOnly, CreatedDate, CreatedById, NumberComponentsTotal FROM DeployRequest WHERE CreatedDate >= ${after} AND CreatedById = '${userId}' ORDER BY CreatedDate ASC LIMIT 200`));
    return result.records;
}


/***/ })

};
