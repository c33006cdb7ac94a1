export const id = 672;
export const ids = [672];
export const modules = {

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

/***/ 92875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A3: () => (/* binding */ assertValidation),
  iT: () => (/* binding */ connectOrgs),
  iJ: () => (/* binding */ packageSource),
  xj: () => (/* binding */ runOperation)
});

// UNUSED EXPORTS: assertOrgIdentity, ensureApiVersion

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/flows/gates.ts
var gates = __webpack_require__(83973);
// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __webpack_require__(57330);
// EXTERNAL MODULE: ./src/salesforce/connection.ts
var connection = __webpack_require__(92987);
// EXTERNAL MODULE: ./src/salesforce/deploy.ts
var deploy = __webpack_require__(72204);
// EXTERNAL MODULE: ./src/salesforce/deploy-result.ts
var deploy_result = __webpack_require__(42328);
// EXTERNAL MODULE: ./src/report/annotations.ts
var report_annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/salesforce/package.ts + 1 modules
var salesforce_package = __webpack_require__(73107);
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
    // A package built in worker threads has its component set resolved here, only when it is needed.
    const componentSet = outcome.componentFailures.length > 0 ? await (0,salesforce_package/* packageComponentSet */.Sf)(pkg) : pkg.componentSet;
    if (componentSet) {
        const { DeployResult } = await Promise.all(/* import() */[__webpack_require__.e(882), __webpack_require__.e(236), __webpack_require__.e(710), __webpack_require__.e(878), __webpack_require__.e(797), __webpack_require__.e(688)]).then(__webpack_require__.bind(__webpack_require__, 4307));
        for (const response of new DeployResult(raw, componentSet).getFileResponses()) {
            if (response.state !== 'Failed')
                continue;
            const key = `${response.type}#${response.fullName}`;
            if (!mapped.has(key) || response.lineNumber)
                mapped.set(key, { file: response.filePath, line: response.lineNumber, column: response.columnNumber });
        }
    }
    for (const failure of outcome.componentFailures) {
        const place = mapped.get(`${failure.type}#${failure.fullName}`);
        const file = relative(place?.file) ?? (componentSet ? undefined : failure.fileName || undefined);
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
    // A sandbox reports coverage warnings on a deploy that succeeded (it does not enforce 75 %): they
    // are the run's warnings then, not errors (salesforce-steps.ts).
    if (!outcome.success)
        for (const warning of outcome.coverageWarnings)
            annotations.push({ title: `${label}: code coverage`, message: warning, rank: 20 });
    if (outcome.errorMessage && annotations.length === 0)
        annotations.push({ title: `${label} failed`, message: outcome.errorMessage, rank: 25 });
    return annotations;
}
function apexClassPath(pkg, className) {
    if (pkg.apexFiles)
        return pkg.apexFiles[`ApexClass:${className}`];
    if (!pkg.componentSet)
        return undefined;
    const [component] = pkg.componentSet.getSourceComponents({ fullName: className, type: 'ApexClass' }).toArray();
    return component?.content ?? component?.xml;
}

// EXTERNAL MODULE: ./src/salesforce/delta.ts + 1 modules
var salesforce_delta = __webpack_require__(86458);
// EXTERNAL MODULE: ./src/salesforce/limits.ts
var limits = __webpack_require__(19035);
// EXTERNAL MODULE: ./src/salesforce/org-lock.ts
var org_lock = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/flows/timing.ts
var timing = __webpack_require__(72795);
;// CONCATENATED MODULE: ./src/flows/salesforce-steps.ts














/**
 * Settles `api-version` when neither the input nor sfdx-project.json set it: the lowest of the
 * highest versions the configured orgs offer (a sandbox on a preview release offers one more than
 * production), so every org understands every call. Asked once per run.
 */
function ensureApiVersion(run) {
    if (run.settings.apiVersion)
        return Promise.resolve(run.settings.apiVersion);
    // Packaging and connecting may ask at the same time (validation runs): one request per org.
    let asked = versionRequests.get(run.settings);
    if (!asked) {
        asked = askApiVersion(run);
        versionRequests.set(run.settings, asked);
    }
    return asked;
}
const versionRequests = new WeakMap();
async function askApiVersion(run) {
    const { settings } = run;
    const orgs = [settings.sandbox, settings.production].filter((c) => c !== undefined);
    const highest = await Promise.all(orgs.map((c) => (0,connection/* highestApiVersion */.Fz)(c, { log: run.runner.info, retryForMs: settings.waitMinutes * 60000 })));
    const version = highest.sort((a, b) => Number(a) - Number(b))[0];
    if (!version)
        throw new errors/* ActionError */.lZ('No org is configured, so no API version can be chosen. Set api-version.');
    // The one place a setting is filled in after the inputs: every later phase reads the same value.
    settings.apiVersion = version;
    run.runner.info(`api-version ${version}: the highest the ${orgs.map((c) => c.role).join(' and ')} org${orgs.length > 1 ? 's' : ''} offer${orgs.length > 1 ? '' : 's'} (no api-version input, no sourceApiVersion in sfdx-project.json).`);
    return version;
}
/** Connects to the org of a role and checks it is what the role claims. */
async function connectOrg(run, role) {
    const credentials = role === 'sandbox' ? run.settings.sandbox : run.settings.production;
    if (!credentials)
        throw new errors/* ActionError */.lZ(`No ${role} credentials are configured.`);
    await ensureApiVersion(run);
    run.runner.info(`Connecting to the ${role} org (${credentials.method}).`);
    const session = await (0,connection/* connect */.Ng)(credentials, { apiVersion: run.settings.apiVersion, log: run.runner.info, registerSecret: run.runner.registerSecret, retryForMs: run.settings.waitMinutes * 60000 });
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
/**
 * Gate 2 for the given roles: connects to each org and checks it is what its role claims; the
 * gate is recorded (passed or refused) with the evidence. Returns the sessions in role order.
 */
async function connectOrgs(run, roles) {
    const sessions = [];
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.OrgIdentity, async () => {
        for (const role of roles)
            sessions.push(await connectOrg(run, role));
        return sessions.map(({ role, identity }) => `${role} ${identity.name} (${identity.id}) is ${identity.isSandbox ? 'a sandbox' : 'production'}`).join('; ');
    });
    return sessions;
}
/**
 * Builds the deploy package from the repository and records its size. With `delta: true` only
 * what changed since `deltaBase` is packaged, deletions included; without a usable base the
 * whole source is packaged and the report says why.
 */
async function packageSource(run, deltaBase) {
    return (0,timing/* phase */.O)(run, 'Package the source', () => buildSourcePackage(run, deltaBase));
}
async function buildSourcePackage(run, deltaBase) {
    const { settings, context, report } = run;
    await ensureApiVersion(run);
    let delta;
    if (settings.delta) {
        if (!deltaBase || /^0+$/.test(deltaBase)) {
            report.notes.push('delta: no base commit to compare with (a first push or no earlier deploy); the whole source was packaged.');
        }
        else {
            delta = await (0,salesforce_delta/* computeDelta */.yQ)({ workspace: context.workspace, base: deltaBase, head: context.sha, sourceDirs: settings.sourceDirs, apiVersion: settings.apiVersion });
            if (delta.fallback) {
                // Not safe to compute: the whole source is a correct package, a guessed delta is not.
                report.warnings.push(`delta: ${delta.fallback} The whole source was packaged instead (nothing is deleted).`);
                delta = undefined;
            }
            else {
                run.runner.info(`Delta ${delta.base.slice(0, 7)}..${delta.head.slice(0, 7)}: ${delta.deploy.length} component(s) to deploy, ${delta.destructive.length} to delete (${delta.baseFilesRead} file(s) of the base read).`);
                for (const note of delta.notes)
                    report.notes.push(`delta: ${note}`);
            }
        }
    }
    const pkg = await (0,salesforce_package/* buildPackage */.PN)({ workspace: context.workspace, sourceDirs: settings.sourceDirs, manifest: settings.manifest, apiVersion: settings.apiVersion, delta });
    (0,limits/* assertWithinLimits */.qq)(pkg, 'deploy package');
    const destructive = pkg.destructive ?? [];
    report.components = pkg.components.length + destructive.length;
    report.componentNames = [...pkg.components.map((c) => `${c.type}: ${c.fullName}`), ...destructive.map((c) => `delete ${c.type}: ${c.fullName}`)];
    run.runner.info(`Packaged ${pkg.components.length} components${destructive.length ? ` and ${destructive.length} deletion(s)` : ''} (${pkg.fileCount} files, ${(pkg.zip.length / 1024).toFixed(1)} KiB zipped).`);
    return pkg;
}
/** Components Salesforce counted in a deploy of each package during this run. */
const countedComponents = new WeakMap();
/** Submits a deploy (or quick deploy), waits for it, and records its outcome and annotations. */
async function runOperation(run, session, pkg, request) {
    return (0,timing/* phase */.O)(run, request.label, () => operate(run, session, pkg, request), { failed: (outcome) => !outcome.success });
}
async function operate(run, session, pkg, request) {
    const { settings } = run;
    const testLevel = settings.testLevel;
    // What Salesforce counted for this package before (the sandbox validation of a release): a
    // submission whose answer is lost is then matched on the component count too.
    const componentsTotal = countedComponents.get(pkg);
    // One production change at a time: another release's or rollback's deploy is waited for, and a
    // production changed since this run's rollback snapshot is not deployed to.
    if (session.role === 'production' && !request.checkOnly) {
        await (0,org_lock/* awaitProductionTurn */.ff)(session, request.label.toLowerCase(), { timeoutMs: settings.waitMinutes * 60000, log: run.runner.info });
    }
    let id;
    try {
        id = request.quickDeployOf
            ? await (0,deploy/* submitQuickDeploy */.HY)(session, request.quickDeployOf, testLevel)
            : await (0,deploy/* submitDeploy */.cm)(session, {
                zip: pkg.zip,
                checkOnly: request.checkOnly,
                testLevel,
                runTests: settings.tests,
                // A sandbox may lack what production has: a deletion of a component it does not have is a
                // warning there, not a reason to fail the validation. Production keeps warnings fatal,
                // since a missing component there means the delta base was wrong.
                ignoreWarnings: session.role === 'sandbox' && (pkg.destructive?.length ?? 0) > 0,
                purpose: request.label.toLowerCase(),
                ...(componentsTotal ? { componentsTotal } : {}),
            });
    }
    catch (error) {
        // The deploy may be running: the post step looks for it again and cancels it if it can tell it apart.
        if (error instanceof deploy/* LostSubmission */.th)
            run.runner.rememberPendingDeploy({ role: session.role, submission: error.submission });
        throw error;
    }
    run.runner.info(`${request.label} submitted: ${id} (${request.quickDeployOf ? 'quick deploy' : `${request.checkOnly ? 'check-only, ' : ''}${testLevel}`}).`);
    request.onSubmitted?.(id);
    run.runner.rememberPendingDeploy({ role: session.role, id });
    const { outcome, raw, lateCancel } = await (0,deploy/* awaitDeploy */.Qm)(session, id, request.label.toLowerCase(), {
        timeoutMs: settings.waitMinutes * 60000,
        zipBytes: pkg.zip.length,
        log: run.runner.info,
    });
    run.runner.rememberPendingDeploy(undefined);
    // wait-minutes ran out but Salesforce finished the deploy anyway: the outcome is its own, and the run says why.
    if (lateCancel)
        run.report.warnings.push(lateCancel);
    if (outcome.componentsTotal && !request.quickDeployOf)
        countedComponents.set(pkg, outcome.componentsTotal);
    const record = { role: session.role, label: request.label, outcome, instanceUrl: session.identity.instanceUrl, sources: apexSources(pkg, run.context.workspace) };
    run.report.operations.push(record);
    run.report.annotations.push(...(await locateFailures(outcome, raw, pkg, run.context.workspace, request.label)));
    for (const warning of outcome.componentWarnings)
        run.report.warnings.push(`${request.label}: ${warning}`);
    if (outcome.success)
        for (const warning of outcome.coverageWarnings)
            run.report.warnings.push(`${request.label}: ${warning}`);
    run.runner.info(`${request.label} ${outcome.id} finished: ${outcome.status}${outcome.testsRun ? `, ${outcome.testsRun} tests run, ${outcome.testsFailed} failed` : ''}${outcome.coverage !== undefined && outcome.testsRun ? `, coverage ${outcome.coverage}%` : ''}.`);
    return outcome;
}
/** Workspace-relative source file of every Apex class and trigger in the package, by name. */
function apexSources(pkg, workspace) {
    const sources = {};
    // Built in worker threads: the workers listed them.
    for (const [key, file] of Object.entries(pkg.apexFiles ?? {}))
        sources[key.slice(key.indexOf(':') + 1)] = file;
    for (const component of pkg.componentSet?.getSourceComponents().toArray() ?? []) {
        const file = component.content ?? component.xml;
        if (!file || (component.type.name !== 'ApexClass' && component.type.name !== 'ApexTrigger'))
            continue;
        sources[component.fullName] = external_node_path_default().relative(workspace, external_node_path_default().resolve(workspace, file)).split((external_node_path_default()).sep).join('/');
    }
    return sources;
}
/**
 * Gate 3: the validation succeeded, with coverage at or above the threshold. A package with Apex
 * validated with tests must report tests and coverage; one without tests asked for, or without
 * Apex in an org that has no tests, has no coverage to check.
 */
function assertValidation(run, outcome, label, pkg) {
    const threshold = run.settings.coverageThreshold;
    if (!outcome.success) {
        (0,run_report/* recordGate */.RX)(run.report, errors/* Gate */.iD.Validation, 'refused', `${label} ${outcome.id} ${outcome.status}: ${(0,deploy_result/* failureSummary */.jg)(outcome)}`);
        // Reports list component, test and coverage failures right below this message; only then
        // does it point at them.
        const listed = outcome.componentFailures.length + outcome.testFailures.length + outcome.coverageWarnings.length > 0;
        const next = label.startsWith('Rollback')
            ? `Production was not changed${listed ? '; the failures below say what blocks restoring it' : ''}.`
            : listed
                ? 'Fix the failures below and push again.'
                : 'Check the deploy in Setup > Deployment Status, then run again.';
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Validation, `${label} ${outcome.id} ${outcome.status}: ${(0,deploy_result/* failureSummary */.jg)(outcome).replace(/\.$/, '')}. ${next}`, constants/* RunStatus */.i2.Failed);
    }
    if (pkg.hasApex && run.settings.testLevel !== 'NoTestRun' && (outcome.testsRun === 0 || outcome.coverage === undefined)) {
        (0,run_report/* recordGate */.RX)(run.report, errors/* Gate */.iD.Validation, 'refused', `no tests ran and no coverage was reported for a package with Apex`);
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Validation, `${label} ${outcome.id} ran no Apex tests for a package with Apex (test-level ${run.settings.testLevel}), so coverage cannot be checked. Add test classes, or list them in tests with RunSpecifiedTests.`, constants/* RunStatus */.i2.Failed);
    }
    if (outcome.testsRun > 0 && outcome.coverage !== undefined && outcome.coverage < threshold) {
        (0,run_report/* recordGate */.RX)(run.report, errors/* Gate */.iD.Validation, 'refused', `coverage ${outcome.coverage}% is below coverage-threshold ${threshold}%`);
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Validation, `${label} ${outcome.id} reported org-wide coverage ${outcome.coverage}%, below coverage-threshold ${threshold}%. Add tests, or lower coverage-threshold (Salesforce's own minimum is 75%).`, constants/* RunStatus */.i2.Failed);
    }
    const coverage = outcome.testsRun > 0 && outcome.coverage !== undefined ? `, coverage ${outcome.coverage}% ≥ ${threshold}%` : ', no tests ran';
    const evidence = `${label} ${outcome.id} succeeded${outcome.testsRun ? `, ${outcome.testsRun} test${outcome.testsRun === 1 ? '' : 's'} passed` : ''}${coverage}`;
    (0,run_report/* recordGate */.RX)(run.report, errors/* Gate */.iD.Validation, 'passed', evidence);
    return evidence;
}


/***/ }),

/***/ 70047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EQ: () => (/* binding */ evaluateApprovals),
/* harmony export */   RO: () => (/* binding */ repositoryRole),
/* harmony export */   Uh: () => (/* binding */ approvalPolicy),
/* harmony export */   XZ: () => (/* binding */ describeVerdict),
/* harmony export */   j7: () => (/* binding */ assertApprovals),
/* harmony export */   ox: () => (/* binding */ gatherApprovalEvidence),
/* harmony export */   sv: () => (/* binding */ hasWriteAccess)
/* harmony export */ });
/* unused harmony export latestOpinions */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96584);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19556);




const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);
const STANDARD_ROLES = new Set(['admin', 'maintain', 'write', 'triage', 'read', 'none']);
/** Whether a repository role may push (and so its approval can count). */
function hasWriteAccess(role) {
    return WRITE_ROLES.has(role);
}
/** The approvals gate's policy from the settings. */
function approvalPolicy(settings) {
    return { required: settings.requiredApprovals, approvers: settings.approvers, allowStale: settings.allowStaleApprovals };
}
/** One line per person the verdict names: `<login>: counted (<source>)`, `… not counted, <reason>`, `… blocks, <reason>`. */
function describeVerdict(verdict) {
    return [
        ...verdict.counted.map((c) => `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .sanitize */ .aj)(c.login)}: counted (${c.source})`),
        ...verdict.notCounted.map((n) => `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .sanitize */ .aj)(n.login)}: not counted, ${n.reason}`),
        ...verdict.blockers.map((b) => `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .sanitize */ .aj)(b.login)}: blocks, ${b.reason}`),
    ];
}
/**
 * Gate 4 as a pure decision (SPEC.md "Gates a production deploy must pass", item 4). Per
 * reviewer only the latest APPROVED / CHANGES_REQUESTED review counts, a DISMISSED one erases
 * the opinion; approvals must be of the pull request's head commit unless stale ones are
 * allowed; the author, bots and users without write access never count; an outstanding request
 * for changes blocks when its reviewer has write access (GitHub's rule; a request from anyone
 * else is listed, not counted). Approvals
 * of this run's deployment review for `environment` count too, each person once across both
 * sources.
 */
function evaluateApprovals(evidence, policy, environment) {
    const pr = evidence.pullRequest;
    const author = pr?.author.toLowerCase();
    const counted = [];
    const notCounted = [];
    const blockers = [];
    const countedKeys = new Set();
    const role = (login) => lookup(evidence.permissions, login) ?? 'none';
    const hasWrite = (login) => hasWriteAccess(role(login));
    /** Why an approval from this login cannot count, apart from staleness; undefined when it can. */
    const ineligible = (login, userType, source) => {
        if (login.toLowerCase() === author) {
            return source === 'review'
                ? 'author of the pull request'
                : 'author of the pull request: approving the deployment of one’s own change is self-approval';
        }
        if (isBot(login, userType))
            return 'bot';
        if (!hasWrite(login))
            return role(login) === 'none' ? 'has no write access to the repository' : `has ${role(login)} access only`;
        if (policy.approvers.length > 0 && !isApprover(login, policy.approvers, evidence.teamMembers))
            return `not in ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Approvers}`;
        return undefined;
    };
    if (pr) {
        for (const review of latestOpinions(evidence.reviews)) {
            const login = review.login;
            if (review.state === 'CHANGES_REQUESTED') {
                // GitHub's rule: a request for changes blocks merging only from someone with write access.
                // Anyone can review a public repository; letting their request block would hand every
                // passer-by a veto over releases.
                if (!hasWrite(login)) {
                    notCounted.push({ login, reason: `requested changes, but has ${role(login) === 'none' ? 'no' : `${role(login)}`} access: only a request from someone with write access blocks` });
                    continue;
                }
                const who = isBot(login, review.userType) ? ' (a bot with write access: its request blocks too)' : '';
                blockers.push({ login, reason: `requested changes (review ${review.id} on ${short(review.commitId)}) and has not approved since${who}` });
                continue;
            }
            const reason = ineligible(login, review.userType, 'review');
            if (reason) {
                notCounted.push({ login, reason });
            }
            else if (!policy.allowStale && !sameSha(review.commitId, pr.headSha)) {
                notCounted.push({ login, reason: `stale: approved ${short(review.commitId)}, head is ${short(pr.headSha)}` });
            }
            else {
                counted.push({ login, source: 'review' });
                countedKeys.add(login.toLowerCase());
            }
        }
    }
    const environmentKey = environment.toLowerCase();
    const deploymentSeen = new Set();
    const decisions = evidence.deploymentApprovals.filter((a) => a.environments.some((e) => e.toLowerCase() === environmentKey));
    // A person's approval counts even if an earlier attempt of the run was rejected by them: this
    // attempt is running, so GitHub let its deployment through.
    for (const approval of [...decisions].sort((a, b) => (a.state === b.state ? 0 : a.state === 'approved' ? -1 : 1))) {
        const key = approval.login.toLowerCase();
        if (deploymentSeen.has(key))
            continue;
        deploymentSeen.add(key);
        if (approval.state === 'rejected') {
            notCounted.push({ login: approval.login, reason: `rejected this run's deployment review for '${environment}'` });
            continue;
        }
        if (countedKeys.has(key))
            continue;
        const reason = ineligible(approval.login, approval.userType, 'deployment review');
        if (reason) {
            notCounted.push({ login: approval.login, reason: `${reason} (deployment review)` });
        }
        else {
            counted.push({ login: approval.login, source: 'deployment review' });
            countedKeys.add(key);
        }
    }
    // Someone counted through one source is not also listed as not counting through the other.
    const finalNotCounted = dedupe(notCounted.filter((n) => !countedKeys.has(n.login.toLowerCase())));
    const satisfied = blockers.length === 0 && counted.length >= policy.required;
    const verdict = { satisfied, required: policy.required, counted, notCounted: finalNotCounted, blockers, message: '' };
    verdict.message = approvalMessage(verdict, evidence, policy, environment);
    return verdict;
}
/** Throws GateError(Gate.Approvals) with the verdict's message unless the gate is satisfied. */
function assertApprovals(verdict) {
    if (!verdict.satisfied)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .Gate */ .iD.Approvals, verdict.message);
}
/**
 * Reads from GitHub everything evaluateApprovals needs: the pull request merged into this commit
 * (or of this pull-request event) with its reviews, this run's deployment-review decisions, the
 * repository role of everyone who took a position, and (when `approvers` names teams) whether
 * they are active members of those teams.
 */
async function gatherApprovalEvidence(client, context, policy, environment) {
    const { octokit, owner, repo } = client;
    const pullRequest = await findPullRequest(client, context);
    const reviews = [];
    if (pullRequest) {
        const raw = await octokit.paginate(octokit.rest.pulls.listReviews, { owner, repo, pull_number: pullRequest.number, per_page: 100 });
        for (const review of raw) {
            if (!review.user)
                continue; // a deleted account ("ghost") cannot be anyone's approval
            reviews.push({
                id: review.id,
                login: review.user.login,
                userType: review.user.type,
                state: review.state,
                commitId: review.commit_id ?? '',
                submittedAt: review.submitted_at ?? '',
            });
        }
    }
    const deploymentApprovals = [];
    if (context.runId > 0) {
        try {
            const { data } = await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: context.runId });
            for (const approval of data) {
                if (!approval.user || (approval.state !== 'approved' && approval.state !== 'rejected'))
                    continue;
                deploymentApprovals.push({
                    login: approval.user.login,
                    userType: approval.user.type,
                    state: approval.state,
                    environments: approval.environments.map((e) => e.name ?? '').filter(Boolean),
                });
            }
        }
        catch (error) {
            // A run GitHub does not know (a local run with a made-up id) simply has no deployment review.
            if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .httpStatus */ .nG)(error) !== 404)
                throw error;
        }
    }
    const people = new Map();
    const opinions = pullRequest ? latestOpinions(reviews) : [];
    for (const person of [...opinions, ...deploymentApprovals.filter((a) => a.state === 'approved')]) {
        people.set(person.login.toLowerCase(), person.login);
    }
    const permissions = {};
    for (const login of people.values())
        permissions[login] = await repositoryRole(client, login);
    const teamMembers = {};
    const teams = policy.approvers.filter((a) => a.includes('/'));
    // Only people who could count are looked up: writers who are not the author or a bot.
    const candidates = [...people.values()].filter((login) => hasWriteAccess(permissions[login]) && login.toLowerCase() !== pullRequest?.author.toLowerCase() && !isBot(login, ''));
    for (const team of teams) {
        teamMembers[team] = [];
        for (const login of candidates) {
            if (policy.approvers.some((a) => a.toLowerCase() === login.toLowerCase()))
                continue;
            if (await isActiveTeamMember(client, team, login))
                teamMembers[team].push(login);
        }
    }
    return { pullRequest, commit: context.sha, reviews, deploymentApprovals, permissions, teamMembers };
}
/** Per reviewer, the review that stands: the latest APPROVED or CHANGES_REQUESTED, unless a later DISMISSED erased it. */
function latestOpinions(reviews) {
    const ordered = [...reviews].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id - b.id);
    const standing = new Map();
    for (const review of ordered) {
        const key = review.login.toLowerCase();
        if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED')
            standing.set(key, review);
        // GitHub turns the dismissed review itself into DISMISSED; erasing here means an approval
        // before a dismissed request for changes does not quietly come back.
        else if (review.state === 'DISMISSED')
            standing.set(key, undefined);
    }
    return [...standing.values()].filter((r) => r !== undefined);
}
async function findPullRequest(client, context) {
    const { octokit, owner, repo } = client;
    if ((0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .isPullRequestEvent */ .T5)(context.eventName)) {
        const event = context.payload.pull_request;
        const number = (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .pullRequestNumber */ .Kd)(context);
        if (!event || number === undefined)
            return undefined;
        // The event's head is the commit this run validated; a later push starts another run.
        return { number, author: event.user?.login ?? '', headSha: event.head?.sha ?? '', url: event.html_url };
    }
    const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, { owner, repo, commit_sha: context.sha, per_page: 100 });
    const merged = pulls.find((p) => p.merged_at && p.merge_commit_sha && sameSha(p.merge_commit_sha, context.sha));
    if (!merged)
        return undefined;
    return {
        number: merged.number,
        author: merged.user?.login ?? '',
        headSha: merged.head.sha,
        mergeCommitSha: merged.merge_commit_sha ?? undefined,
        url: merged.html_url,
    };
}
/** A user's role in the run's repository: admin, maintain, write, triage, read or none. */
async function repositoryRole(client, login) {
    const { octokit, owner, repo } = client;
    try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
        // role_name distinguishes maintain and triage, which `permission` folds into write and read;
        // a custom role's name says nothing, so its base permission is used instead.
        const role = (data.role_name || '').toLowerCase();
        return STANDARD_ROLES.has(role) ? role : (data.permission || 'none').toLowerCase();
    }
    catch (error) {
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .httpStatus */ .nG)(error) === 404)
            return 'none';
        throw error;
    }
}
async function isActiveTeamMember(client, team, login) {
    const [org, slug] = team.split('/');
    try {
        const { data } = await client.octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
        return data.state === 'active';
    }
    catch (error) {
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .httpStatus */ .nG)(error) === 404)
            return false;
        throw new Error(`Could not read whether '${login}' is a member of team '${team}' (${(0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .describe */ .q0)(error)}). ` +
            `Reading team membership needs a github-token with read:org (a GitHub App token or a PAT; the workflow's GITHUB_TOKEN cannot), or list logins in ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Approvers} instead of teams.`);
    }
}
function approvalMessage(verdict, evidence, policy, environment) {
    const pr = evidence.pullRequest;
    const commit = pr ? short(pr.headSha) : evidence.commit ? short(evidence.commit) : 'this commit';
    const subject = pr ? `pull request #${pr.number} (head ${commit})` : `commit ${commit} (no pull request was merged into it, so only this run's deployment review for '${environment}' can approve it)`;
    const parts = [];
    const countedList = verdict.counted.map((c) => `${c.login} (${c.source})`).join(', ');
    parts.push(`${verdict.counted.length}/${verdict.required} approvals for ${subject}${countedList ? `: ${countedList}` : ''}.`);
    if (verdict.notCounted.length > 0) {
        parts.push(`Not counted: ${verdict.notCounted.map((n) => `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .sanitize */ .aj)(n.login)} — ${n.reason}`).join('; ')}.`);
    }
    if (verdict.blockers.length > 0) {
        parts.push(`Blocked by outstanding requests for changes: ${verdict.blockers.map((b) => `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .sanitize */ .aj)(b.login)} ${b.reason}`).join('; ')}.`);
    }
    if (verdict.satisfied)
        return parts.join(' ');
    const needs = [];
    if (verdict.blockers.length > 0) {
        const who = verdict.blockers.map((b) => b.login).join(', ');
        needs.push(`${who} must approve${pr ? ` pull request #${pr.number}` : ''} or the review must be dismissed`);
    }
    const missing = verdict.required - verdict.counted.length;
    if (missing > 0) {
        const users = missing === 1 ? 'a user' : 'users';
        const from = policy.approvers.length > 0 ? `${users} with write access listed in ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Approvers} (${policy.approvers.join(', ')})` : `${users} with write access`;
        const excluded = pr ? 'not the author, not a bot' : 'not a bot';
        const where = pr
            ? `on commit ${commit} of pull request #${pr.number}, or in this run's deployment review for environment '${environment}'`
            : `in this run's deployment review for environment '${environment}' (add required reviewers to the environment, or merge the change through a reviewed pull request)`;
        needs.push(`needs ${missing} more approval${missing === 1 ? '' : 's'} from ${from} (${excluded}) ${where}`);
    }
    parts.push(`To pass: ${needs.join('; and ')}.`);
    return parts.join(' ');
}
function isApprover(login, approvers, teamMembers) {
    const key = login.toLowerCase();
    return approvers.some((entry) => {
        if (!entry.includes('/'))
            return entry.toLowerCase() === key;
        const members = lookup(teamMembers, entry) ?? [];
        return members.some((m) => m.toLowerCase() === key);
    });
}
function isBot(login, userType) {
    return userType === 'Bot' || login.toLowerCase().endsWith('[bot]');
}
function lookup(record, key) {
    if (key in record)
        return record[key];
    const lower = key.toLowerCase();
    const found = Object.keys(record).find((k) => k.toLowerCase() === lower);
    return found === undefined ? undefined : record[found];
}
function sameSha(a, b) {
    return a.length > 0 && a.toLowerCase() === b.toLowerCase();
}
function short(sha) {
    return sha.slice(0, 7);
}
function dedupe(items) {
    const seen = new Set();
    return items.filter((item) => {
        const key = `${item.login.toLowerCase()}\u0000${item.reason}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}


/***/ }),

/***/ 25423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hi: () => (/* binding */ extractZipFile),
/* harmony export */   Vh: () => (/* binding */ ArchiveRefused),
/* harmony export */   jt: () => (/* binding */ ROLLBACK_ARTIFACT_LIMITS)
/* harmony export */ });
/* unused harmony export inspectZip */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _salesforce_limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(19035);
/* harmony import */ var _zip_format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5718);






/**
 * Bounds of a rollback artifact, derived from the Metadata API's limits (Metadata API Developer
 * Guide, "Metadata API Limits" / Salesforce App Limits, "Platform Metadata": 10,000 files and a
 * 39 MB zip per deploy or retrieve, 600 MB = 629,145,600 bytes uncompressed). A snapshot is
 * retrieved in batches under those limits and restored in deploys under them, so a legitimate
 * bundle may hold several retrieves' worth of files; four is far above any real release (a release
 * package is itself refused above one deploy's limits; NPSP, 14k files, is a fraction of it). The
 * uncompressed total stays at one deploy's 600 MiB: metadata is XML and source, tens of MB for a
 * large org. Metadata compresses 5–20 to 1; deflate can reach ~1,000 to 1, only a bomb does.
 */
const ROLLBACK_ARTIFACT_LIMITS = {
    zipBytes: 4 * _salesforce_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .METADATA_LIMITS */ .D$.zipBytes,
    files: 4 * _salesforce_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .METADATA_LIMITS */ .D$.files + 10,
    uncompressedBytes: 600 * 1024 * 1024,
    ratio: 100,
    ratioFloorBytes: 10 * 1024 * 1024,
};
/** An artifact refused for its size or shape; nothing beyond the limits was written. */
class ArchiveRefused extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ {
}
const STORED = 0;
const DEFLATED = 8;
const count = (n) => n.toLocaleString('en-US');
/**
 * Reads a zip's central directory and refuses, before anything is inflated, a zip over the limits:
 * its own size, the number of entries, the declared uncompressed total, the declared ratio; and
 * entries no bundle has (encrypted, ZIP64, a method other than stored/deflate, a symlink, an
 * unsafe path, a name twice). `readAt` reads bytes of the zip at an offset (pure over those bytes).
 */
function inspectZip(size, readAt, limits, what) {
    const refuse = (reason) => {
        throw new ArchiveRefused(`${what} was refused before extraction: ${reason}. Nothing was extracted.`);
    };
    if (size > limits.zipBytes)
        refuse(`its zip is ${count(size)} bytes, over the limit of ${count(limits.zipBytes)} bytes for a rollback artifact`);
    // The record ends the file, followed only by its comment (at most 65,535 bytes): search back for it.
    const tailLength = Math.min(size, _zip_format_js__WEBPACK_IMPORTED_MODULE_5__/* .END_SIZE */ .ix + 0xffff);
    const tail = readAt(size - tailLength, tailLength);
    let end;
    for (let i = tail.length - _zip_format_js__WEBPACK_IMPORTED_MODULE_5__/* .END_SIZE */ .ix; i >= 0 && !end; i--)
        end = (0,_zip_format_js__WEBPACK_IMPORTED_MODULE_5__/* .readEndRecord */ .lB)(tail, i);
    if (!end)
        return refuse('it is not a zip file (no end of central directory)');
    const { entries, directorySize: cdSize, directoryOffset: cdOffset } = end;
    // ZIP64 is needed only above 65,535 entries or 4 GiB, both far over the limits.
    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
        refuse('it is a ZIP64 archive, which only a zip far over the limits needs');
    if (entries > limits.files)
        refuse(`its zip declares ${count(entries)} entries, over the limit of ${count(limits.files)} files`);
    if (cdOffset + cdSize > size)
        refuse('its central directory lies outside the file');
    const cd = readAt(cdOffset, cdSize);
    const list = [];
    const names = new Set();
    let declared = 0;
    let at = 0;
    for (let i = 0; i < entries; i++) {
        if (at + 46 > cd.length || cd.readUInt32LE(at) !== _zip_format_js__WEBPACK_IMPORTED_MODULE_5__/* .CENTRAL_HEADER_SIGNATURE */ .Ti)
            refuse('its central directory is malformed');
        const madeBy = cd.readUInt16LE(at + 4) >> 8;
        const flags = cd.readUInt16LE(at + 8);
        const method = cd.readUInt16LE(at + 10);
        const crc = cd.readUInt32LE(at + 16);
        const compressedSize = cd.readUInt32LE(at + 20);
        const uncompressedSize = cd.readUInt32LE(at + 24);
        const nameLength = cd.readUInt16LE(at + 28);
        const extraLength = cd.readUInt16LE(at + 30);
        const commentLength = cd.readUInt16LE(at + 32);
        const external = cd.readUInt32LE(at + 38);
        const localHeaderOffset = cd.readUInt32LE(at + 42);
        const name = cd.subarray(at + 46, at + 46 + nameLength).toString('utf8');
        at += 46 + nameLength + extraLength + commentLength;
        const shown = JSON.stringify(name.slice(0, 200));
        if (flags & 1)
            refuse(`entry ${shown} is encrypted`);
        if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff)
            refuse(`entry ${shown} needs ZIP64 sizes, far over the limits`);
        const directory = name.endsWith('/');
        if (!safeEntryName(directory ? name.slice(0, -1) : name))
            refuse(`entry ${shown} has an unsafe path`);
        // Unix mode in the high half of the external attributes (made by 3 = Unix): a symlink could point anywhere.
        if (madeBy === 3 && ((external >>> 16) & 0o170000) === 0o120000)
            refuse(`entry ${shown} is a symbolic link`);
        if (!directory && method !== STORED && method !== DEFLATED)
            refuse(`entry ${shown} uses compression method ${method} (only stored and deflate are expected)`);
        if (method === STORED && compressedSize !== uncompressedSize)
            refuse(`entry ${shown} is stored but declares different sizes`);
        const key = name.toLowerCase();
        if (names.has(key))
            refuse(`entry ${shown} appears twice`);
        names.add(key);
        declared += uncompressedSize;
        list.push({ name, method, crc, compressedSize, uncompressedSize, localHeaderOffset, directory });
    }
    if (declared > limits.uncompressedBytes) {
        refuse(`its zip declares ${count(declared)} bytes uncompressed, over the limit of ${count(limits.uncompressedBytes)} bytes for a rollback artifact (the Metadata API's limit on one deploy's uncompressed files)`);
    }
    if (declared > limits.ratioFloorBytes && declared > limits.ratio * Math.max(1, size)) {
        refuse(`its zip declares ${count(declared)} bytes uncompressed from ${count(size)} bytes, a ratio of ${Math.round(declared / Math.max(1, size))} to 1, over the limit of ${limits.ratio} to 1 (metadata compresses 5 to 20 to 1)`);
    }
    return list;
}
/**
 * Extracts a zip file into `dir` within the limits: the central directory is checked first
 * (inspectZip), then every entry is inflated with its declared size as a hard cap (a lying
 * directory is caught the moment an entry inflates past it) and checked against its CRC. Returns
 * the files written and their bytes; on a refusal the files written so far stay within the limits.
 */
function extractZipFile(zipPath, dir, limits, what) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(zipPath, 'r');
    try {
        const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(zipPath).size;
        const readAt = (offset, length) => {
            const buffer = Buffer.alloc(length);
            let done = 0;
            while (done < length) {
                const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, done, length - done, offset + done);
                if (n === 0)
                    break;
                done += n;
            }
            return buffer.subarray(0, done);
        };
        const entries = inspectZip(size, readAt, limits, what);
        const refuse = (reason) => {
            throw new ArchiveRefused(`${what} was refused while extracting: ${reason}. Extraction stopped there.`);
        };
        let files = 0;
        let bytes = 0;
        for (const entry of entries) {
            const shown = JSON.stringify(entry.name.slice(0, 200));
            const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, ...entry.name.split('/').filter(Boolean));
            if (entry.directory) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(target, { recursive: true });
                continue;
            }
            const header = readAt(entry.localHeaderOffset, 30);
            if (header.length < 30 || header.readUInt32LE(0) !== _zip_format_js__WEBPACK_IMPORTED_MODULE_5__/* .LOCAL_HEADER_SIGNATURE */ .jr)
                refuse(`entry ${shown} has no local header where the central directory says`);
            const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
            if (dataStart + entry.compressedSize > size)
                refuse(`entry ${shown} runs past the end of the zip`);
            const compressed = readAt(dataStart, entry.compressedSize);
            let content;
            if (entry.method === STORED) {
                content = compressed;
            }
            else {
                try {
                    // The declared size is the cap: a bomb whose directory lies stops at it.
                    content = (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.inflateRawSync)(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
                }
                catch (error) {
                    const code = error.code;
                    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
                        refuse(`entry ${shown} inflates past the ${count(entry.uncompressedSize)} bytes its central directory declares`);
                    }
                    content = refuse(`entry ${shown} could not be inflated (${error.message})`);
                }
            }
            if (content.length !== entry.uncompressedSize)
                refuse(`entry ${shown} inflates to ${count(content.length)} bytes, not the ${count(entry.uncompressedSize)} its central directory declares`);
            if ((0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.crc32)(content) >>> 0 !== entry.crc >>> 0)
                refuse(`entry ${shown} does not match its CRC-32`);
            bytes += content.length;
            if (bytes > limits.uncompressedBytes)
                refuse(`more than ${count(limits.uncompressedBytes)} bytes uncompressed`);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target), { recursive: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(target, content, { flag: 'wx' });
            files += 1;
        }
        return { files, bytes };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** A relative path with forward slashes, no `..`, `.`, empty part, drive or control character. */
function safeEntryName(name) {
    // eslint-disable-next-line no-control-regex
    return name.length > 0 && !name.startsWith('/') && !name.includes('\\') && !/[\u0000-\u001f]/.test(name) && !/^[A-Za-z]:/.test(name) &&
        name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}


/***/ }),

/***/ 4616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ createArtifactStore),
/* harmony export */   j: () => (/* binding */ ArtifactDigestMismatch)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _artifact_zip_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25423);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96584);





/** The bytes of an artifact differ from the digest recorded when it was uploaded. */
class ArtifactDigestMismatch extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ {
}
/**
 * An ArtifactStore over @actions/artifact, loaded on first use to keep start-up lean. Listing goes
 * through the run's GitHub client (REST), which reports each artifact's `workflow_run`.
 */
function createArtifactStore(context, token, github) {
    let client;
    const artifacts = () => (client ??= Promise.all(/* import() */[__webpack_require__.e(882), __webpack_require__.e(878), __webpack_require__.e(251), __webpack_require__.e(351), __webpack_require__.e(127)]).then(__webpack_require__.bind(__webpack_require__, 2127)).then((m) => new m.DefaultArtifactClient()));
    const findBy = (runId) => ({ token, workflowRunId: runId, repositoryOwner: context.owner, repositoryName: context.repo });
    const repository = `${context.owner}/${context.repo}`;
    return {
        async upload(name, rootDir, files) {
            const c = await artifacts();
            const absolute = files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(rootDir, f));
            for (let round = 1;; round++) {
                try {
                    const response = await c.uploadArtifact(name, absolute, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(rootDir));
                    if (!response.id)
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Uploading artifact '${name}' returned no artifact id.`);
                    return response.id;
                }
                catch (error) {
                    // @actions/artifact retries a Twirp call 5 times on 5xx and 429, but a reset (ECONNRESET,
                    // ETIMEDOUT…) fails at once: the call may or may not have reached the service. If the
                    // artifact exists finalized, the lost answer was a success (its content is verified by
                    // the read-back); otherwise the whole upload is made again (CreateArtifact replaces an
                    // upload that never finalized).
                    if (!uploadRetryable(error))
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Uploading artifact '${name}' failed: ${scrub((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error))}`);
                    const existing = await c.getArtifact(name).then((r) => r.artifact, () => undefined);
                    if (existing?.id)
                        return existing.id;
                    if (round >= UPLOAD_ROUNDS)
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Uploading artifact '${name}' failed ${round} times: ${scrub((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error))}`);
                    await new Promise((resolve) => setTimeout(resolve, 2000 * round));
                }
            }
        },
        async downloadOwn(name, dir, limits = _artifact_zip_js__WEBPACK_IMPORTED_MODULE_3__/* .ROLLBACK_ARTIFACT_LIMITS */ .jt) {
            const c = await artifacts();
            const { artifact } = await attempt(`Finding artifact '${name}' of this run`, () => c.getArtifact(name));
            const what = `Artifact '${name}' of this run`;
            assertRecordedSize(what, artifact.size, limits);
            await boundedDownload(dir, what, limits, async (staging) => {
                const result = await attempt(`Downloading artifact '${name}' of this run`, () => c.downloadArtifact(artifact.id, { path: staging, skipDecompress: true, ...(artifact.digest ? { expectedHash: artifact.digest } : {}) }));
                if (result.digestMismatch) {
                    throw new ArtifactDigestMismatch(`The downloaded bytes of artifact '${name}' do not match the digest recorded at upload (${artifact.digest}).`);
                }
            });
        },
        async listRun(runId) {
            const { octokit, owner, repo } = await (github?.() ?? (0,_client_js__WEBPACK_IMPORTED_MODULE_4__/* .createGitHubClient */ .LX)(token, context));
            let listed;
            try {
                listed = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, { owner, repo, run_id: runId, per_page: 100 });
            }
            catch (error) {
                // A 404 is a run id GitHub does not know in this repository, not a token without actions: read (403).
                if ((0,_client_js__WEBPACK_IMPORTED_MODULE_4__/* .httpStatus */ .nG)(error) === 404) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Run ${runId} was not found in ${repository}. Check rollback-run-id: it is the number in the run's URL (…/actions/runs/<id>), of a run in this repository.`);
                }
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Listing the artifacts of run ${runId} in ${repository} (the github-token needs actions: read) failed: ${scrub((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error))}`);
            }
            return listed.map((a) => ({
                id: a.id,
                name: a.name,
                ...(a.created_at ? { createdAt: a.created_at } : {}),
                ...(a.digest ? { digest: a.digest } : {}),
                ...(typeof a.size_in_bytes === 'number' ? { size: a.size_in_bytes } : {}),
                ...(a.workflow_run && typeof a.workflow_run.id === 'number'
                    ? {
                        workflowRun: {
                            id: a.workflow_run.id,
                            repositoryId: a.workflow_run.repository_id ?? -1,
                            headRepositoryId: a.workflow_run.head_repository_id ?? -1,
                            headBranch: a.workflow_run.head_branch ?? '',
                            headSha: a.workflow_run.head_sha ?? '',
                        },
                    }
                    : {}),
            }));
        },
        async downloadFromRun(runId, artifactId, dir, expectedDigest, bounds = {}) {
            const c = await artifacts();
            const limits = bounds.limits ?? _artifact_zip_js__WEBPACK_IMPORTED_MODULE_3__/* .ROLLBACK_ARTIFACT_LIMITS */ .jt;
            const what = `Artifact ${artifactId} of run ${runId}`;
            assertRecordedSize(what, bounds.size, limits);
            let mismatch;
            await boundedDownload(dir, what, limits, async (staging) => {
                const result = await attempt(`Downloading artifact ${artifactId} of run ${runId} in ${repository}`, () => c.downloadArtifact(artifactId, { path: staging, skipDecompress: true, findBy: findBy(runId), ...(expectedDigest ? { expectedHash: expectedDigest } : {}) }));
                if (result.digestMismatch) {
                    mismatch = new ArtifactDigestMismatch(`The downloaded bytes of artifact ${artifactId} of run ${runId} do not match the digest GitHub recorded at upload (${expectedDigest}); the artifact was changed after it was stored.`);
                }
            });
            // Reported after extraction (within the limits), so the caller can name the file that changed.
            if (mismatch)
                throw mismatch;
        },
    };
}
/** Whole-upload attempts, on top of @actions/artifact's own retries of each call. */
const UPLOAD_ROUNDS = 3;
/**
 * Failures a new upload can cure: a connection reset or timeout (which @actions/artifact does not
 * retry: the call may or may not have reached the service), and 5xx/429 that outlasted its own
 * retries. A status it calls non-retryable (403, 409 a name taken in the run…) is final.
 */
function uploadRetryable(error) {
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error);
    if (error?.name === 'NetworkError')
        return true;
    if (/non-retryable/i.test(message))
        return false;
    return /Unable to make request|ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|socket hang up|Failed to make request after \d+ attempts/i.test(message);
}
/** Refuses an artifact whose recorded size is over the limits, before a byte is downloaded. */
function assertRecordedSize(what, size, limits) {
    if (size !== undefined && size > limits.zipBytes) {
        throw new _artifact_zip_js__WEBPACK_IMPORTED_MODULE_3__/* .ArchiveRefused */ .Vh(`${what} was refused before download: GitHub records its zip as ${size.toLocaleString('en-US')} bytes, over the limit of ${limits.zipBytes.toLocaleString('en-US')} bytes for a rollback artifact. Nothing was downloaded or extracted.`);
    }
}
/**
 * Downloads an artifact's zip unextracted into a staging folder next to `dir` (never inside it:
 * `dir` must hold the artifact's files only), then extracts it within the limits and deletes it.
 */
async function boundedDownload(dir, what, limits, download) {
    const staging = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir)), 'artifact-zip-'));
    try {
        await download(staging);
        const saved = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(staging);
        if (saved.length !== 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`${what}: the download left ${saved.length} files instead of one zip.`);
        const zipPath = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(staging, saved[0]);
        (0,_artifact_zip_js__WEBPACK_IMPORTED_MODULE_3__/* .extractZipFile */ .Hi)(zipPath, dir, limits, `${what} (${(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(zipPath).size.toLocaleString('en-US')} bytes)`);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(staging, { recursive: true, force: true });
    }
}
async function attempt(what, call) {
    try {
        return await call();
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`${what} failed: ${scrub((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error))}`);
    }
}
/** Drops signatures and tokens that an HTTP error might carry (signed blob URLs, auth headers). */
function scrub(text) {
    return text
        .replace(/([?&](sig|se|sp|sv|sr|skoid|sktid|skt|ske|sks|skv|token)=)[^&\s"']+/gi, '$1[REDACTED]')
        .replace(/(Bearer|token)\s+[A-Za-z0-9._~+/-]{16,}=*/g, '$1 [REDACTED]');
}


/***/ }),

/***/ 66675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V4: () => (/* binding */ branchOfRef),
/* harmony export */   eS: () => (/* binding */ assertProductionBranch),
/* harmony export */   oi: () => (/* binding */ matchesAnyBranchPattern)
/* harmony export */ });
/* unused harmony exports describeProtection, assertBranchHead, matchesBranchPattern */
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44611);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96584);




/**
 * Gate 1, second half: the run's ref is a branch matching `production-branches` (the repository's
 * default branch when empty), GitHub reports it as protected, requiring pull-request reviews
 * where the token can read that (rulesets always; classic protection needs administration read,
 * which the workflow token lacks: then `note` says so and the gate relies on the approvals gate
 * comparing the released files with the approved head), and the run's commit is the branch's
 * current head. Returns a one-line evidence string for the report; throws GateError(Gate.Branch)
 * naming the branch and what would satisfy.
 */
async function assertProductionBranch(client, context, productionBranches, note = () => { }) {
    const { octokit, owner, repo } = client;
    let patterns = productionBranches;
    if (patterns.length === 0) {
        const { data } = await octokit.rest.repos.get({ owner, repo });
        patterns = [data.default_branch];
    }
    const allowed = patterns.join(', ');
    const branch = branchOfRef(context.ref);
    if (branch === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue(_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .Gate */ .iD.Branch, `ref '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .sanitize */ .aj)(context.ref)}' is not a branch; a production deploy runs only from a production branch (${allowed}). Run the release from ${patterns[0]}.`);
    }
    if (!matchesAnyBranchPattern(branch, patterns)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue(_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .Gate */ .iD.Branch, `Branch '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .sanitize */ .aj)(branch)}' is not in ${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ProductionBranches} (${allowed}). Run the release from ${patterns[0]} or add the branch to ${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ProductionBranches}.`);
    }
    let isProtected;
    let head;
    try {
        const { data } = await octokit.rest.repos.getBranch({ owner, repo, branch });
        isProtected = data.protected === true;
        head = data.commit.sha;
    }
    catch (error) {
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .httpStatus */ .nG)(error) !== 404)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue(_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .Gate */ .iD.Branch, `Branch '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .sanitize */ .aj)(branch)}' was not found on GitHub (${(0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .describe */ .q0)(error)}), so its protection cannot be confirmed. Run the release from a branch that exists and is protected.`);
    }
    // Repository rulesets protect a branch without setting the classic `protected` flag; a ruleset
    // that requires pull requests gives the same guarantee, and anyone who can read the repository
    // can read a branch's rules.
    const ruleset = await hasPullRequestRule(client, branch);
    const classic = isProtected ? await classicReviewRequirement(client, branch) : undefined;
    const protection = describeProtection(branch, isProtected, ruleset, classic);
    if (protection.refusal)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue(_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .Gate */ .iD.Branch, protection.refusal);
    if (protection.note)
        note(protection.note);
    assertBranchHead(branch, head, context.sha);
    return `Branch '${branch}' matches ${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ProductionBranches} (${allowed}), ${protection.evidence}, and ${context.sha.slice(0, 7)} is its current head.`;
}
/**
 * The protection half of gate 1 as a pure decision: `ruleset` is whether an active ruleset
 * requires pull requests on the branch, `classic` what classic protection says (undefined when
 * the branch has none).
 */
function describeProtection(branch, isProtected, ruleset, classic) {
    const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .sanitize */ .aj)(branch);
    if (classic === 'required')
        return { evidence: 'is protected on GitHub and requires pull-request reviews' };
    if (ruleset)
        return { evidence: 'a repository ruleset requires pull requests on it' };
    if (!isProtected) {
        return { evidence: '', refusal: `Branch '${name}' is not protected on GitHub. Protect it (Settings → Branches, or a ruleset that requires pull requests) so that changes reach it only through reviewed pull requests.` };
    }
    if (classic === 'not required') {
        return {
            evidence: '',
            refusal: `Branch '${name}' is protected on GitHub, but its protection does not require pull-request reviews: anyone who can push may put a commit on it that no pull request approved. ` +
                `Require a pull request before merging (Settings → Branches, or a ruleset that requires pull requests).`,
        };
    }
    const reason = classic?.unreadable ?? 'unknown';
    return {
        evidence: 'is protected on GitHub (whether it requires pull-request reviews could not be read)',
        note: `Branch '${name}' is protected, but this token cannot read whether the protection requires pull-request reviews (${reason}; reading classic branch protection needs administration: read, which the workflow's GITHUB_TOKEN never has, and no ruleset requiring pull requests applies). ` +
            `The approvals gate still checks that every file the release commit changes holds its approved content.`,
    };
}
/**
 * Gate 1: a release commit must be the production branch's current head. An older commit would
 * take production back to earlier content with none of a rollback's gates: that is a rollback.
 */
function assertBranchHead(branch, head, sha) {
    if (head.toLowerCase() === sha.toLowerCase())
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue(_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .Gate */ .iD.Branch, `commit ${sha.slice(0, 7)} is not the current head of '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .sanitize */ .aj)(branch)}' (${head.slice(0, 7)}): releasing an older commit would take production back to earlier content without a rollback's gates. ` +
        `To go back to an earlier release, run a rollback (workflow_dispatch with rollback-run-id); the release of ${head.slice(0, 7)} runs on its own push.`);
}
/** The branch name of a `refs/heads/…` ref; undefined for tags, pull-request refs and anything else. */
function branchOfRef(ref) {
    return ref.startsWith('refs/heads/') && ref.length > 'refs/heads/'.length ? ref.slice('refs/heads/'.length) : undefined;
}
/** Whether a branch name matches any of the patterns. */
function matchesAnyBranchPattern(branch, patterns) {
    return patterns.some((pattern) => matchesBranchPattern(branch, pattern));
}
/**
 * GitHub's branch-pattern matching (branch protection rules use fnmatch with path-name semantics):
 * `*` matches within one `/`-separated segment, `**` across segments (also none, before a `/`),
 * `?` one character other than `/`, `[…]` a character class and `[!…]` its negation. Everything
 * else is literal: no braces, no extglobs, no `!` negation or `#` comments, so `release.1` does not
 * match `release-1`. minimatch does the matching with those features off, and with POSIX
 * separators on every runner OS (a branch name always uses `/`).
 */
function matchesBranchPattern(branch, pattern) {
    return (0,minimatch__WEBPACK_IMPORTED_MODULE_0__/* .minimatch */ .xF)(branch, pattern.replace(/^refs\/heads\//, ''), BRANCH_GLOB);
}
const BRANCH_GLOB = { dot: true, nobrace: true, noext: true, nonegate: true, nocomment: true, platform: 'linux' };
async function hasPullRequestRule(client, branch) {
    const { octokit, owner, repo } = client;
    try {
        const { data } = await octokit.rest.repos.getBranchRules({ owner, repo, branch });
        return data.some((rule) => rule.type === 'pull_request');
    }
    catch (error) {
        // Older GitHub Enterprise servers have no rulesets; without the endpoint only classic protection counts.
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .httpStatus */ .nG)(error) === 404)
            return false;
        throw error;
    }
}
async function classicReviewRequirement(client, branch) {
    const { octokit, owner, repo } = client;
    try {
        const { data } = await octokit.rest.repos.getBranchProtection({ owner, repo, branch });
        return data.required_pull_request_reviews ? 'required' : 'not required';
    }
    catch (error) {
        const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .httpStatus */ .nG)(error);
        // 403 (no administration read, the workflow token's case) and 404 (GitHub's answer to
        // tokens that may not see the protection) mean "cannot tell", not "unprotected".
        if (status === 403 || status === 404)
            return { unreadable: (0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .describe */ .q0)(error) };
        throw error;
    }
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
    // The manifests are kept as read for their checksum, so what is parsed is what was verified.
    const manifests = new Map();
    for (const file of listed) {
        const bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, ...file.split('/')));
        const actual = sha256(bytes);
        if (actual !== manifest.files[file])
            refuse(`file '${file}' does not match its checksum in ${ROLLBACK_MANIFEST} (expected sha256 ${manifest.files[file]}, found ${actual}); the bundle was changed after it was saved.`);
        if (file === PACKAGE_XML || file === _salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .DESTRUCTIVE_CHANGES */ .Xv)
            manifests.set(file, bytes);
    }
    const packageXml = manifests.get(PACKAGE_XML);
    if (!packageXml)
        refuse(`the bundle has no ${PACKAGE_XML}.`);
    assertSameComponents(PACKAGE_XML, (0,_salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .readPackageXml */ .W4)(packageXml.toString('utf8')), manifest.components);
    const destructiveXml = manifests.get(_salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .DESTRUCTIVE_CHANGES */ .Xv);
    const destructive = destructiveXml ? (0,_salesforce_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .readPackageXml */ .W4)(destructiveXml.toString('utf8')) : [];
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

/***/ 13829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uL: () => (/* binding */ scanInFileChildren),
/* harmony export */   xL: () => (/* binding */ readInFileChildren),
/* harmony export */   xt: () => (/* binding */ sameChild)
/* harmony export */ });
/* harmony import */ var _sdr_xml_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5508);
// The labels of a labels file, for a delta that ships the labels that changed rather than the
// whole file. Pure: text in, labels out. A labels file is mostly a long list of small, flat
// `<labels>` elements, and a delta touches a few of them, so the file is cut into its elements
// with a scan (well under a millisecond for 300 labels) instead of a parse (tens of milliseconds,
// more while the parser is cold), and only elements whose text differs between base and head are
// parsed, to tell a real change from a reformatting. Anything the scan cannot vouch for (comments,
// CDATA, attributes, an unexpected element or name) is parsed whole instead.

/**
 * The children of a container file (`<CustomLabels>` holding `<labels>` elements, named by their
 * `<fullName>`), by name. Throws when a child has no name (source-deploy-retrieve fails on it too).
 */
function readInFileChildren(xml, container, element, idElement) {
    return scanInFileChildren(xml, container, element, idElement) ?? parseWhole(xml, container, element, idElement);
}
/** Whether a child is unchanged between two versions of its file: same text, or same content once parsed. */
function sameChild(a, b) {
    return (a.text !== undefined && a.text === b.text) || a.content() === b.content();
}
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/**
 * The scan: every `<element>…</element>` block, each holding exactly one `<idElement>name</idElement>`,
 * with nothing left around them but the XML declaration and the container's own tags. Undefined
 * when the file is anything else, so the caller parses it (readInFileChildren, or the retrieve's
 * check of which children came back, which keeps its own parse for the rest).
 */
function scanInFileChildren(xml, container, element, idElement) {
    // Comments, CDATA, DOCTYPE/entities and processing instructions could hide or fake a tag.
    if (xml.includes('<!') || xml.indexOf('<?', 1) >= 0)
        return undefined;
    const open = `<${element}>`;
    const close = `</${element}>`;
    const idOpen = `<${idElement}>`;
    const idClose = `</${idElement}>`;
    const children = new Map();
    let outside = '';
    let at = 0;
    for (;;) {
        const start = xml.indexOf(`<${element}`, at);
        if (start < 0)
            break;
        // `<labels>` exactly: attributes or a self-closing tag are left to the parser.
        if (!xml.startsWith(open, start))
            return undefined;
        const end = xml.indexOf(close, start);
        if (end < 0)
            return undefined;
        const text = xml.slice(start, end + close.length);
        if (text.indexOf(`<${element}`, open.length) >= 0)
            return undefined;
        const idStart = text.indexOf(idOpen);
        const idEnd = text.indexOf(idClose, idStart);
        if (idStart < 0 || idEnd < 0 || text.indexOf(idOpen, idEnd) >= 0)
            return undefined;
        const name = text.slice(idStart + idOpen.length, idEnd).trim();
        if (!NAME.test(name) || children.has(name))
            return undefined;
        children.set(name, { name, text, content: once(() => JSON.stringify(_sdr_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .sdrParser */ .Zt.parse(text)[element])) });
        outside += xml.slice(at, start);
        at = end + close.length;
    }
    outside += xml.slice(at);
    const shell = new RegExp(`^\\s*(<\\?xml[^?<>]*\\?>)?\\s*<${container}(\\s[^<>]*)?>\\s*</${container}>\\s*$`);
    return shell.test(outside) ? children : undefined;
}
function parseWhole(xml, container, element, idElement) {
    const root = _sdr_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .sdrParser */ .Zt.parse(xml)[container];
    const found = root?.[element];
    const children = new Map();
    for (const child of Array.isArray(found) ? found : found === undefined ? [] : [found]) {
        const name = child?.[idElement];
        if (typeof name !== 'string' || !name)
            throw new Error(`a <${element}> element of the <${container}> file has no <${idElement}>`);
        const content = JSON.stringify(child);
        children.set(name, { name, content: () => content });
    }
    return children;
}
function once(compute) {
    let value;
    return () => (value ??= compute());
}


/***/ }),

/***/ 86458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yQ: () => (/* binding */ computeDelta),
  Em: () => (/* binding */ deltaRegistry),
  qm: () => (/* binding */ isEmptyDelta),
  ze: () => (/* binding */ sourceDeployRetrieve)
});

// UNUSED EXPORTS: parseNameStatus

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/salesforce/delta-rules.ts
/**
 * The identity of a component. Salesforce's metadata names are case-insensitive (an org cannot hold
 * both `Invoice__c.accountId__c` and `Invoice__c.AccountId__c`; listMetadata and destructive
 * changes match either spelling), so the key folds case: a file renamed only in letter case is the
 * same component changed, never a deletion of the old spelling plus a creation of the new one.
 */
function componentKey(component) {
    const type = typeof component.type === 'string' ? component.type : component.type.name;
    return `${type}:${component.fullName.toLowerCase()}`;
}
/**
 * Types whose file is only a container of children (labels, workflow rules, sharing rules …):
 * Salesforce deletes the children, never the container, so a deleted container file lists its
 * children in destructiveChanges.
 */
const CONTAINER_TYPES = new Set(['CustomLabels', 'Workflow', 'SharingRules', 'AssignmentRules', 'AutoResponseRules', 'EscalationRules', 'MatchingRules', 'ManagedTopics']);
/** Deleting these deletes data with them; the summary must say so. */
const DATA_TYPES = new Set(['CustomObject', 'CustomField']);
/** Types Salesforce defines and never deletes, whatever their name. */
const NEVER_DELETED_TYPES = new Set(['StandardValueSet', 'StandardValueSetTranslation']);
/**
 * The suffixes of API names Salesforce gives to things an org defines itself (custom objects,
 * metadata types, platform events, big and external objects, knowledge): anything else named as
 * a CustomObject is a standard object (Account, Case, Opportunity …).
 * Source: Salesforce Object Reference, "Custom Objects" and "Object Name Suffixes".
 */
const CUSTOM_OBJECT = /__(c|mdt|e|b|x|kav|ka|xo|chn|dlm|dll|hd)$/i;
/**
 * Whether Salesforce can delete the component through destructiveChanges: standard objects, their
 * standard fields (Account.Phone, Case.Status), standard value sets and org settings cannot be
 * deleted; the custom children of a standard object (a list view, a custom field, a record type)
 * can.
 */
function isDeletable(component) {
    const type = component.type.name;
    if (NEVER_DELETED_TYPES.has(type) || component.type.directoryName === 'settings')
        return false;
    if (type === 'CustomObject')
        return CUSTOM_OBJECT.test(component.fullName);
    if (type === 'CustomField')
        return /__c$/i.test(component.fullName.slice(component.fullName.indexOf('.') + 1));
    return true;
}
/** Whether Salesforce addresses the component alone in a package (a field translation only goes with its object translation). */
function isAddressable(component) {
    return component.type.isAddressable !== false && !component.type.unaddressableWithoutParent;
}
const children = new WeakMap();
/**
 * A component's children, read once: source-deploy-retrieve parses a container's whole file on
 * every getChildren() call (300 labels, each time), and a delta asks many times.
 */
function childrenOf(component) {
    let known = children.get(component);
    if (!known)
        children.set(component, (known = component.getChildren()));
    return known;
}
/** Records children read some other way (one parse of a labels file), so childrenOf() does not parse the file again. */
function rememberChildren(component, known) {
    children.set(component, known);
}
/**
 * A labels file: a container whose children (labels) live in it and which source-deploy-retrieve
 * recomposes from just the children it is given (its `nonDecomposed` transformer), so a package can
 * hold some labels of the file and not the others, as `sf project deploy start --metadata
 * CustomLabel:Name` sends them. Other containers (workflows, sharing rules) ship their file whole.
 */
function isLabelsFile(component) {
    return !component.parent && Boolean(component.xml) && !component.content && component.type.strategies?.transformer === 'nonDecomposed';
}
/** Children stored in the component's own file (labels in CustomLabels), not in files of their own (fields). */
function hasInFileChildren(component) {
    return childrenOf(component).some((child) => child.xml === component.xml);
}
/**
 * Turns deleted components into destructiveChangesPost.xml members: containers are replaced by
 * their children, children of a deleted parent are dropped (deleting the object deletes its
 * fields), what Salesforce cannot delete (standard objects and fields) is left alone while its
 * deleted custom children are still listed, and children Salesforce cannot address alone turn
 * into a deploy of their surviving parent.
 *
 * `survivor` says whether a component (by key) is still in the head commit, and returns it.
 */
function planDestructive(deleted, survivor) {
    const notes = [];
    const expanded = new Map();
    for (const component of deleted) {
        if (CONTAINER_TYPES.has(component.type.name)) {
            for (const child of childrenOf(component))
                if (!survivor(child))
                    expanded.set(componentKey(child), child);
        }
        else {
            expanded.set(componentKey(component), component);
        }
    }
    const destructive = [];
    const redeployParents = new Map();
    const standard = [];
    for (const component of expanded.values()) {
        const parent = component.parent;
        const parentDeleted = parent && !CONTAINER_TYPES.has(parent.type.name) && expanded.has(componentKey(parent)) && isDeletable(parent);
        if (parentDeleted)
            continue;
        if (!isAddressable(component)) {
            const kept = parent && survivor(parent);
            if (kept)
                redeployParents.set(componentKey(kept), kept);
            else if (!parent)
                notes.push(`${component.type.name} ${component.fullName} was deleted, but Salesforce cannot delete it through destructiveChanges; remove it in the org by hand.`);
            continue;
        }
        if (!isDeletable(component)) {
            standard.push(`${component.type.name} ${component.fullName}`);
            continue;
        }
        destructive.push({ type: component.type.name, fullName: component.fullName });
    }
    if (standard.length) {
        notes.push(`${standard.sort().join(', ')} ${standard.length === 1 ? 'was' : 'were'} removed from the source, but Salesforce defines ${standard.length === 1 ? 'it' : 'them'} and cannot delete ${standard.length === 1 ? 'it' : 'them'}: left alone in the org (custom children removed with ${standard.length === 1 ? 'it are' : 'them are'} still deleted).`);
    }
    for (const ref of destructive) {
        if (ref.type === 'Flow') {
            notes.push(`Flow ${ref.fullName} is deleted by destructiveChangesPost.xml: Salesforce deletes a flow only once it is deactivated and no interview is paused, so deactivate it in the target org first or the deploy fails.`);
        }
        else if (DATA_TYPES.has(ref.type)) {
            notes.push(`${ref.type} ${ref.fullName} is deleted with its data; Salesforce keeps deleted fields and objects restorable from Setup for 15 days only.`);
        }
    }
    return { destructive: sortRefs(destructive), redeployParents: [...redeployParents.values()], notes };
}
function sortRefs(refs) {
    return refs.sort((a, b) => a.type.localeCompare(b.type) || a.fullName.localeCompare(b.fullName));
}

// EXTERNAL MODULE: ./src/salesforce/delta-labels.ts
var delta_labels = __webpack_require__(13829);
;// CONCATENATED MODULE: ./src/salesforce/delta.ts







/**
 * Computes what changed between `base` and `head` in the source folders, with `git diff
 * --name-status -M` for the files and source-deploy-retrieve for what they are. Only the touched
 * paths are resolved: changed files in the working tree, deleted ones (and the old version of
 * files holding children, like labels) in a temporary folder holding just the base commit's blobs
 * of those paths and of the files that give them their meaning (a bundle's -meta.xml, an object's
 * own file, the .forceignore on the way up), read with `git ls-tree` and `git cat-file`. The cost
 * follows the size of the change, not of the repository.
 *
 * When the delta cannot be computed safely (the base is missing or is not an ancestor of head, or
 * a touched file is metadata source-deploy-retrieve cannot type), the scope says why in
 * `fallback`, and the caller packages the whole source instead: never a guess.
 */
async function computeDelta(options) {
    process.env.SF_DISABLE_LOG_FILE = 'true'; // the bundle has no pino log workers: a workflow's SF_DISABLE_LOG_FILE=false would crash SDR
    const workspace = external_node_path_default().resolve(options.workspace);
    const sourceDirs = relativeSourceDirs(workspace, options.sourceDirs);
    const git = (args, extra = {}) => runGit(args, { cwd: workspace, ...extra });
    // The usual case in one git call: the checkout's shallowness, its top, the workspace's place in
    // it, and the three commits. When that fails (not a checkout, a commit missing), the questions
    // are asked one at a time below, for a precise answer.
    const quick = await resolveAtOnce(git, options.head, options.base);
    const [shallowFlag = 'false', top = workspace, prefix = ''] = quick?.checkout ?? (await git(['rev-parse', '--is-shallow-repository', '--show-toplevel', '--show-prefix']).catch((error) => {
        throw new errors/* ActionError */.lZ(`delta needs the repository's history, but the workspace ${workspace} is not a git checkout (${(0,errors/* errorMessage */.gJ)(error)}). Check out the repository with actions/checkout and fetch-depth: 0.`);
    })).split('\n');
    const head = quick?.head ?? (await resolveCommit(git, options.head, 'head'));
    const checkedOut = quick?.checkedOut ?? (await resolveCommit(git, 'HEAD', 'head'));
    if (checkedOut !== head) {
        throw new errors/* ActionError */.lZ(`delta head ${head} is not the checked-out commit (HEAD is ${checkedOut}): the package is built from the working tree, so it would not match the delta. Check out ${head}, or pass the checked-out commit as head.`);
    }
    const unsafe = (base, reason) => ({ base, head, changedPaths: [], deletedPaths: [], deploy: [], deployPaths: [], destructive: [], notes: [], baseFilesRead: 0, fallback: reason });
    const shallow = shallowFlag.trim() === 'true';
    const shallowHint = shallow ? 'The checkout is shallow: check out with actions/checkout and fetch-depth: 0.' : 'Fetch the full history (actions/checkout with fetch-depth: 0).';
    let base;
    try {
        base = quick?.base ?? (await resolveCommit(git, options.base, 'base'));
    }
    catch (error) {
        if (!(error instanceof MissingCommitError))
            throw error;
        return unsafe(options.base, `base ${(0,errors/* sanitize */.aj)(options.base, 80)} is not in the checkout, so what changed since then is unknown. ${shallowHint}`);
    }
    const pathspecs = [...sourceDirs.map((dir) => `:(literal)${dir}`), ':(glob)**/.forceignore'];
    // Both at once: the diff is only used once base is known to be an ancestor.
    const [ancestor, nameStatus] = await Promise.all([isAncestor(git, base, head), git(['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', '--relative', base, head, '--', ...pathspecs])]);
    if (!ancestor) {
        return unsafe(base, `base ${delta_short(base)} is not an ancestor of head ${delta_short(head)}${shallow ? ' in this shallow checkout' : ''} (history rewritten, or another branch), so a diff of the two would undo or miss changes. ${shallow ? shallowHint : ''}`.trim());
    }
    const diff = parseNameStatus(nameStatus);
    const forceIgnoreChanged = [...diff.changed, ...diff.deleted].some(isForceIgnore);
    const changedPaths = diff.changed.filter((p) => !isForceIgnore(p));
    const deletedPaths = diff.deleted.filter((p) => !isForceIgnore(p));
    const notes = [];
    const range = `${delta_short(base)}..${delta_short(head)}`;
    let baseFilesRead = 0;
    const inFileChildren = {};
    const scope = (deploy, destructive) => ({
        base,
        head,
        changedPaths,
        deletedPaths,
        deploy: sortRefs([...deploy.values()].map(({ component }) => refOf(component))),
        deployPaths: [...new Set([...deploy.values()].flatMap(({ files }) => [...files].map((file) => external_node_path_default().relative(workspace, file).split((external_node_path_default()).sep).join('/'))))].sort(),
        ...(Object.keys(inFileChildren).length ? { inFileChildren: Object.fromEntries(Object.entries(inFileChildren).map(([file, names]) => [file, names.sort()])) } : {}),
        destructive,
        notes,
        baseFilesRead,
    });
    if (changedPaths.length === 0 && deletedPaths.length === 0) {
        notes.push(`No metadata changed in ${sourceDirs.join(', ')} between ${range}: nothing to deploy.`);
        if (forceIgnoreChanged)
            notes.push(forceIgnoreNote);
        return scope(new Map(), []);
    }
    const { MetadataResolver, SourceComponent } = await sourceDeployRetrieve();
    const registry = await deltaRegistry();
    const headResolver = new MetadataResolver(registry);
    const skipped = [];
    const unknown = [];
    /** Components of one file, or undefined when source-deploy-retrieve cannot type it. */
    const resolve = (resolver, file) => {
        try {
            return resolver.getComponentsFromPath(file);
        }
        catch {
            return undefined;
        }
    };
    // A head file resolves once: its components (and the children read from them) are reused.
    const resolvedAtHead = new Map();
    const resolveHead = (file) => {
        if (!resolvedAtHead.has(file))
            resolvedAtHead.set(file, resolve(headResolver, file));
        return resolvedAtHead.get(file);
    };
    /**
     * The labels of a labels file, each with what tells a change (see delta-labels.ts: the file is
     * cut into its labels, not parsed whole; source-deploy-retrieve's getChildren() parses it on
     * every call), and remembered as the file's children so nothing parses it again. Undefined when
     * the file cannot be read label by label: it then ships whole.
     */
    const readLabels = (component) => {
        const childTypes = Object.values(component.type.children?.types ?? {}).filter((t) => t.uniqueIdElement && t.xmlElementName);
        if (childTypes.length !== 1 || !component.xml)
            return undefined;
        const [childType] = childTypes;
        let read;
        try {
            read = (0,delta_labels/* readInFileChildren */.xL)((0,external_node_fs_.readFileSync)(component.xml, 'utf8'), component.type.name, childType.xmlElementName, childType.uniqueIdElement);
        }
        catch {
            return undefined;
        }
        const labels = new Map();
        const children = [...read.values()].map(({ name }) => new SourceComponent({ name, type: childType, xml: component.xml, parent: component }, component.tree, component.getForceIgnore()));
        children.forEach((child) => labels.set(componentKey(child), read.get(child.name)));
        rememberChildren(component, children);
        return labels;
    };
    // What head deploys: each changed file's component; a child Salesforce cannot address alone
    // (a field translation) ships as its parent, as `sf project deploy start` does.
    const deploy = new Map();
    const add = (component, file) => {
        const shipped = !isAddressable(component) && component.parent ? component.parent : component;
        const key = componentKey(shipped);
        // Several files can hold one component (every labels file is CustomLabels): each is kept.
        const entry = deploy.get(key) ?? { component: shipped, files: new Set() };
        entry.files.add(shipped.xml ?? shipped.content ?? file);
        deploy.set(key, entry);
    };
    /** Changed labels files at head, with their labels: they ship the labels that changed, not the file. */
    const labelFiles = [];
    for (const file of changedPaths) {
        const absolute = external_node_path_default().resolve(workspace, file);
        if (!(0,external_node_fs_.existsSync)(absolute)) {
            skipped.push(file);
            continue;
        }
        const components = resolveHead(absolute);
        if (!components)
            unknown.push(file);
        else if (components.length === 0)
            skipped.push(file);
        else {
            for (const component of components) {
                const labels = isLabelsFile(component) ? readLabels(component) : undefined;
                if (labels)
                    labelFiles.push({ component, labels });
                else
                    add(component, absolute);
            }
        }
    }
    // What base had: deleted files, and the old version of changed files that hold children.
    // Every file of such a component: two labels files are one CustomLabels.
    const withChildren = [
        ...labelFiles.map(({ component }) => component),
        ...[...deploy.values()]
            .filter(({ component }) => component.xml && hasInFileChildren(component))
            .flatMap(({ component, files }) => (files.size === 1 && files.has(component.xml) ? [component] : [...files].flatMap((file) => resolveHead(file) ?? []))),
    ];
    const basePaths = [...deletedPaths, ...withChildren.map((component) => external_node_path_default().relative(workspace, component.xml).split((external_node_path_default()).sep).join('/'))];
    let destructive = [];
    if (basePaths.length > 0) {
        baseFilesRead = await withBaseBlobs({ top, prefix: prefix.trim() }, base, basePaths, options.tempDir, (baseRoot) => {
            const baseResolver = new MetadataResolver(registry);
            const headFile = (file) => (file ? external_node_path_default().resolve(workspace, external_node_path_default().relative(baseRoot, file)) : undefined);
            /** The component as it is at head, if it still exists: a bundle losing one file, or a rename. */
            const survivor = (was) => {
                const key = componentKey(was);
                const deployed = deploy.get(key);
                if (deployed)
                    return deployed.component;
                // A child moved to another file that ships (a label moved between label files).
                for (const component of [...[...deploy.values()].map((d) => d.component), ...withChildren]) {
                    const child = childrenOf(component).find((c) => componentKey(c) === key);
                    if (child)
                        return child;
                }
                for (const file of [headFile(was.xml), headFile(was.content)]) {
                    if (!file || !(0,external_node_fs_.existsSync)(file))
                        continue;
                    for (const component of resolveHead(file) ?? []) {
                        // A folder left behind (forceignored __tests__, or not yet pruned) is not the component.
                        if (!component.xml || !(0,external_node_fs_.existsSync)(component.xml))
                            continue;
                        if (componentKey(component) === key)
                            return component;
                        const child = childrenOf(component).find((c) => componentKey(c) === key);
                        if (child)
                            return child;
                    }
                }
                return undefined;
            };
            /** The base version of a head file, when base had it at the same place (resolved once, so its labels are read once). */
            const labelsRead = new Set();
            const resolvedAtBase = new Map();
            const atBase = (component) => {
                const file = external_node_path_default().resolve(baseRoot, external_node_path_default().relative(workspace, component.xml));
                if (!resolvedAtBase.has(file))
                    resolvedAtBase.set(file, (0,external_node_fs_.existsSync)(file) ? resolve(baseResolver, file)?.[0] : undefined);
                return resolvedAtBase.get(file);
            };
            // A changed labels file ships the labels added or changed since base, one parse per version.
            for (const { component, labels } of labelFiles) {
                const was = atBase(component);
                const before = was && isLabelsFile(was) ? readLabels(was) : undefined;
                if (was)
                    labelsRead.add(was);
                const file = external_node_path_default().relative(workspace, component.xml).split((external_node_path_default()).sep).join('/');
                for (const child of childrenOf(component)) {
                    const key = componentKey(child);
                    const old = before?.get(key);
                    if (old && (0,delta_labels/* sameChild */.xt)(old, labels.get(key)))
                        continue;
                    add(child, component.xml);
                    (inFileChildren[file] ??= []).push(`${child.type.name}:${child.fullName}`);
                }
            }
            const deleted = [];
            for (const file of deletedPaths) {
                const components = resolve(baseResolver, external_node_path_default().resolve(baseRoot, file));
                if (!components) {
                    unknown.push(file);
                    continue;
                }
                if (components.length === 0)
                    skipped.push(file);
                for (const was of components) {
                    // A deleted labels file: its labels, read with one parse.
                    if (isLabelsFile(was))
                        readLabels(was);
                    const now = survivor(was);
                    if (now)
                        add(now, now.xml ?? external_node_path_default().resolve(workspace, file));
                    else
                        deleted.push(was);
                }
            }
            // A label taken out of CustomLabels, a rule out of a Workflow: children that lived in the changed file itself.
            for (const component of withChildren) {
                const headChildren = new Set(childrenOf(component).map(componentKey));
                const was = atBase(component);
                if (!was)
                    continue;
                if (isLabelsFile(was) && !labelsRead.has(was) && !readLabels(was))
                    continue;
                for (const child of childrenOf(was))
                    if (child.xml === was.xml && !headChildren.has(componentKey(child)) && !survivor(child))
                        deleted.push(child);
            }
            const plan = planDestructive(deleted, survivor);
            for (const parent of plan.redeployParents)
                add(parent, parent.xml ?? '');
            notes.push(...plan.notes);
            destructive = plan.destructive;
        });
    }
    if (unknown.length) {
        return unsafe(base, `${unknown.length} changed file(s) look like metadata that source-deploy-retrieve cannot type (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}), so their components are unknown.`);
    }
    // A child whose parent ships too goes with the parent: the parent's file holds every child.
    for (const [key, { component }] of deploy) {
        if (component.parent && deploy.has(componentKey(component.parent)))
            deploy.delete(key);
    }
    const result = scope(deploy, destructive);
    if (skipped.length) {
        const shown = skipped.slice(0, 10).join(', ');
        notes.unshift(`${skipped.length} changed file(s) are not deployable metadata (forceignored, or not source) and were left out: ${shown}${skipped.length > 10 ? ', …' : ''}.`);
    }
    if (forceIgnoreChanged)
        notes.push(forceIgnoreNote);
    if (result.deploy.length === 0 && destructive.length === 0)
        notes.unshift(`No deployable metadata changed in ${sourceDirs.join(', ')} between ${range}: nothing to deploy.`);
    // The files the package is read from: each deployed component's files, and its parent's file
    // that SDR recomposes a child into. Uncommitted changes there are in the package; elsewhere they
    // are not, and a status of those few paths costs nothing next to one of 10,000 files. (A
    // production release passes Gate 1 first, which refuses any uncommitted file in the source folders.)
    const packaged = [...deploy.values()].flatMap(({ component, files }) => [...files, component.xml, component.content, component.parent?.xml]);
    const relative = [...new Set(packaged.filter((file) => Boolean(file)).map((file) => external_node_path_default().relative(workspace, file).split((external_node_path_default()).sep).join('/')))];
    if (relative.length > 0)
        notes.push(...(await uncommittedChangesNote(git, relative.map((file) => `:(literal)${file}`))));
    return result;
}
let sdr;
/**
 * source-deploy-retrieve, imported once for the delta and its package: every `import()` goes
 * through the loader's resolution again (and its hooks, under tsx), even for a module already
 * loaded. Loaded here, not at the top: it is the largest module, and authentication need not wait.
 */
function sourceDeployRetrieve() {
    return (sdr ??= Promise.all(/* import() */[__webpack_require__.e(882), __webpack_require__.e(236), __webpack_require__.e(710), __webpack_require__.e(878), __webpack_require__.e(797), __webpack_require__.e(688)]).then(__webpack_require__.bind(__webpack_require__, 4307)));
}
const registries = new Map();
/**
 * source-deploy-retrieve's metadata registry, built once per working directory for the delta and
 * its package (each `new RegistryAccess()` merges the whole registry with the project's variants
 * again: tens of milliseconds). Keyed like SDR keys it: by the project at the working directory.
 */
function deltaRegistry() {
    const cwd = process.cwd();
    let registry = registries.get(cwd);
    if (!registry)
        registries.set(cwd, (registry = sourceDeployRetrieve().then(({ RegistryAccess }) => new RegistryAccess())));
    return registry;
}
/** Whether a delta has nothing to deploy and nothing to delete: the run is skipped, not failed. */
function isEmptyDelta(delta) {
    return delta.deploy.length === 0 && delta.destructive.length === 0;
}
const forceIgnoreNote = '.forceignore changed between base and head: components it newly includes or excludes are in this delta only if their files changed too. Deploy once with delta: false to bring the org in line.';
function refOf(component) {
    return { type: component.type.name, fullName: component.fullName };
}
function isForceIgnore(file) {
    return external_node_path_default().posix.basename(file) === '.forceignore';
}
function delta_short(sha) {
    return sha.slice(0, 12);
}
/** Source folders as git pathspecs relative to the workspace; a folder outside it cannot be diffed with --relative. */
function relativeSourceDirs(workspace, sourceDirs) {
    if (sourceDirs.length === 0) {
        throw new errors/* ActionError */.lZ('delta needs source-dir: it diffs SFDX source folders, and a manifest alone names no files. Set source-dir, or turn delta off.');
    }
    return sourceDirs.map((dir) => {
        const relative = external_node_path_default().relative(workspace, external_node_path_default().resolve(workspace, dir));
        if (relative.startsWith('..') || external_node_path_default().isAbsolute(relative)) {
            throw new errors/* ActionError */.lZ(`delta cannot diff source-dir '${(0,errors/* sanitize */.aj)(dir)}': it is outside the workspace ${workspace}. Use folders inside the checkout.`);
        }
        return relative === '' ? '.' : relative.split((external_node_path_default()).sep).join('/');
    });
}
/** The files of `git diff --name-status -z`: renames are a deletion of the old path and an addition of the new one. */
function parseNameStatus(output) {
    const fields = output.split('\0');
    const changed = [];
    const deleted = [];
    for (let i = 0; i < fields.length;) {
        const status = fields[i++];
        if (!status)
            continue;
        if (status.startsWith('R')) {
            deleted.push(fields[i++]);
            changed.push(fields[i++]);
        }
        else if (status.startsWith('C')) {
            i++;
            changed.push(fields[i++]);
        }
        else if (status === 'D') {
            deleted.push(fields[i++]);
        }
        else {
            changed.push(fields[i++]);
        }
    }
    return { changed, deleted };
}
/** Rejects what is not a commit to look up, before git sees it. */
function assertRevision(rev, role) {
    if (/^0{40}$|^0{64}$/.test(rev)) {
        throw new errors/* ActionError */.lZ(`delta ${role} ${rev} is the null SHA GitHub sends for the first push of a branch: there is no earlier commit to diff against. Deploy this one with delta: false.`);
    }
    if (!rev || rev.startsWith('-') || /\s/.test(rev)) {
        throw new errors/* ActionError */.lZ(`Invalid delta ${role} '${(0,errors/* sanitize */.aj)(rev, 80)}'. Expected a commit SHA or ref of this repository.`);
    }
}
/**
 * The checkout's `--is-shallow-repository`, `--show-toplevel` and `--show-prefix` lines and the
 * commits of head, HEAD and base, from one `git rev-parse`; undefined when any of it fails, so
 * the caller asks one question at a time and says precisely what is wrong.
 */
async function resolveAtOnce(git, head, base) {
    try {
        assertRevision(head, 'head');
        assertRevision(base, 'base');
        // `--` after the revisions: none of them is read as a path (rev-parse echoes it, last).
        const lines = (await git(['rev-parse', '--is-shallow-repository', '--show-toplevel', '--show-prefix', `${head}^{commit}`, 'HEAD^{commit}', `${base}^{commit}`, '--'])).split('\n');
        const commits = lines.slice(3, 6);
        if (lines.slice(6).some((line) => line.trim() && line !== '--') || commits.length !== 3 || !commits.every((sha) => /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)))
            return undefined;
        return { checkout: lines.slice(0, 3), head: commits[0], checkedOut: commits[1], base: commits[2] };
    }
    catch {
        return undefined;
    }
}
async function resolveCommit(git, rev, role) {
    const shown = (0,errors/* sanitize */.aj)(rev, 80);
    assertRevision(rev, role);
    try {
        return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
    }
    catch {
        throw new MissingCommitError(`delta ${role} ${shown} is not in the checkout: fetch more history (actions/checkout with fetch-depth: 0).`);
    }
}
/** A commit the checkout does not have: for the base, a reason to package the whole source. */
class MissingCommitError extends errors/* ActionError */.lZ {
}
/**
 * Writes the base commit's blobs that resolving `paths` needs to a temporary folder laid out like
 * the repository: the paths themselves, the files next to them sharing their name (a class's
 * -meta.xml), for every folder above them the files named after that folder (a bundle's
 * `card.js-meta.xml`, an object's `Invoice__c.object-meta.xml`, a static resource's
 * `lib.resource-meta.xml` one level up), and the `.forceignore` and `sfdx-project.json` files on
 * the way up to the repository's top. Nothing else of the base tree is read: `git ls-tree` of the
 * touched folders, one `git cat-file --batch` for the blobs. The checkout, its index and its
 * worktree list are untouched.
 */
async function withBaseBlobs(checkout, base, paths, tempDir, use) {
    const { top, prefix } = checkout;
    const fromTop = paths.map((file) => external_node_path_default().posix.join(prefix, file));
    const folders = new Set();
    const exact = new Set(fromTop);
    for (const file of fromTop) {
        for (let dir = external_node_path_default().posix.dirname(file);; dir = external_node_path_default().posix.dirname(dir)) {
            const at = dir === '.' ? '' : `${dir}/`;
            exact.add(`${at}.forceignore`).add(`${at}sfdx-project.json`);
            if (dir === '.')
                break;
            folders.add(dir);
        }
    }
    const listed = [];
    const specs = [...[...folders].map((dir) => `${dir}/`), ...exact];
    for (let i = 0; i < specs.length; i += 500) {
        const out = await runGit(['--literal-pathspecs', 'ls-tree', '-z', '--full-tree', base, '--', ...specs.slice(i, i + 500)], { cwd: top });
        for (const entry of out.split('\0')) {
            const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
            if (match)
                listed.push({ oid: match[1], file: match[2] });
        }
    }
    const stems = new Set(fromTop.map((file) => `${external_node_path_default().posix.dirname(file)}/${stem(external_node_path_default().posix.basename(file))}`));
    const wanted = new Map();
    for (const { oid, file } of listed) {
        const dir = external_node_path_default().posix.dirname(file);
        const name = external_node_path_default().posix.basename(file);
        const keep = exact.has(file) ||
            stems.has(`${dir}/${stem(name)}`) ||
            (folders.has(dir) && name.startsWith(`${external_node_path_default().posix.basename(dir)}.`)) ||
            [...folders].some((folder) => external_node_path_default().posix.dirname(folder) === dir && name.startsWith(`${external_node_path_default().posix.basename(folder)}.`));
        if (keep)
            wanted.set(file, oid);
    }
    const parent = tempDir ?? (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(parent, { recursive: true });
    const work = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(parent, 'delta-base-'));
    try {
        const tree = external_node_path_default().join(work, 'tree');
        (0,external_node_fs_.mkdirSync)(tree);
        const files = [...wanted.keys()];
        const blobs = files.length ? parseBatch(await runGitBuffer(['cat-file', '--batch'], { cwd: top, input: files.map((f) => wanted.get(f)).join('\n') + '\n' })) : [];
        files.forEach((file, i) => {
            const target = external_node_path_default().join(tree, ...file.split('/'));
            (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(target), { recursive: true });
            (0,external_node_fs_.writeFileSync)(target, blobs[i]);
        });
        use(external_node_path_default().join(tree, prefix));
        return files.length;
    }
    finally {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
    }
}
/** A file name up to its first dot: `Greeting` for both `Greeting.cls` and `Greeting.cls-meta.xml`. */
function stem(name) {
    const dot = name.indexOf('.', 1);
    return dot < 0 ? name : name.slice(0, dot);
}
/** The contents of `git cat-file --batch` output, in request order. */
function parseBatch(out) {
    const blobs = [];
    let at = 0;
    while (at < out.length) {
        const eol = out.indexOf(10, at);
        const header = out.subarray(at, eol).toString('utf8');
        const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
        if (!Number.isFinite(size))
            throw new Error(`git cat-file answered '${header}'`);
        blobs.push(out.subarray(eol + 1, eol + 1 + size));
        at = eol + 1 + size + 1;
    }
    return blobs;
}
async function isAncestor(git, base, head) {
    try {
        await git(['merge-base', '--is-ancestor', base, head]);
        return true;
    }
    catch {
        return false;
    }
}
async function uncommittedChangesNote(git, pathspecs) {
    const status = await git(['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=no', '--', ...pathspecs]).catch(() => '');
    return status.trim() ? ['The working tree has uncommitted changes in files this package is built from; the package is built from the working tree, so it holds them.'] : [];
}
/** Runs git with execFile (no shell); rejects with its stderr when it exits non-zero. */
async function runGit(args, options) {
    return (await runGitBuffer(args, options)).toString('utf8');
}
function runGitBuffer(args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.execFile)('git', args, { cwd: options.cwd, env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
            if (!error)
                return resolve(stdout);
            if (error.code === 'ENOENT')
                return reject(new errors/* ActionError */.lZ('delta needs the git binary, and it was not found on PATH.'));
            reject(new Error(`git ${args[0]} failed: ${stderr.toString('utf8').trim() || error.message}`));
        });
        child.stdin?.on('error', () => { });
        child.stdin?.end(options.input ?? '');
    });
}


/***/ }),

/***/ 19035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ METADATA_LIMITS),
/* harmony export */   qq: () => (/* binding */ assertWithinLimits)
/* harmony export */ });
/* unused harmony exports PackageTooLarge, limitExcess */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/**
 * The Metadata API's limits on one deploy or retrieve: "You can deploy or retrieve up to 10,000
 * files at once" and "The maximum size of the deployed or retrieved .zip file is 39 MB"
 * (Metadata API Developer Guide, "Metadata API Limits"). MB is read as 10^6 bytes, the stricter
 * reading, so a package the action accepts is never refused by Salesforce for its size.
 */
const METADATA_LIMITS = { files: 10_000, zipBytes: 39_000_000 };
/** A package refused for the Metadata API's limits; nothing was sent. */
class PackageTooLarge extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ {
    constructor(message) {
        super(message, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Failed);
    }
}
/** Why a zip of `files` files and `zipBytes` bytes exceeds the Metadata API's limits, or undefined (pure). */
function limitExcess(files, zipBytes, limits = METADATA_LIMITS) {
    const excess = [];
    if (files > limits.files)
        excess.push(`${files.toLocaleString('en-US')} files, over the limit of ${limits.files.toLocaleString('en-US')}`);
    if (zipBytes > limits.zipBytes)
        excess.push(`${(zipBytes / 1e6).toFixed(1)} MB compressed, over the limit of ${(limits.zipBytes / 1e6).toFixed(0)} MB`);
    return excess;
}
/**
 * Refuses a deploy package Salesforce would refuse, before any call: with the figures, and the
 * ways to deploy less at once.
 */
function assertWithinLimits(pkg, what) {
    const excess = limitExcess(pkg.fileCount, pkg.zip.length);
    if (excess.length === 0)
        return;
    throw new PackageTooLarge(`The ${what} has ${excess.join(' and ')} (Metadata API limits for one deploy: ${METADATA_LIMITS.files.toLocaleString('en-US')} files, 39 MB compressed); Salesforce would refuse it, so nothing was sent. ` +
        `Deploy less at once: set delta: true to deploy only what changed since the last release, or give a manifest (package.xml) listing part of the source and release the rest in later runs.`);
}


/***/ }),

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ne: () => (/* binding */ noteSnapshot),
/* harmony export */   ff: () => (/* binding */ awaitProductionTurn)
/* harmony export */ });
/* unused harmony exports ProductionBusy, completedSince */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/**
 * One production change at a time. Salesforce itself is the lock: a DeployRequest that is not
 * check-only and still Pending, InProgress or Canceling means another release or rollback (this
 * action in another job, or anyone else) is changing the org. A deploy waits for it, as long as
 * wait-minutes allows, and is refused if production changed since this run's rollback snapshot,
 * since that snapshot would no longer restore the state before this run.
 */
/** Another deploy holds production; nothing was sent. */
class ProductionBusy extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ {
    constructor(message) {
        super(message, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Failed);
    }
}
/** When each session's rollback snapshot started reading production. */
const snapshots = new WeakMap();
/** Notes that the rollback snapshot of this run starts reading production now. */
function noteSnapshot(session, at = new Date()) {
    snapshots.set(session, at);
}
/**
 * Whether a deploy completed at `completedDate` may have changed production after `snapshot`
 * (pure). SOQL datetime literals have whole seconds, so the query finds every deploy of the
 * snapshot's second; a completion time with milliseconds before the snapshot is told apart, while
 * one Salesforce reports to the whole second (`.000`) in that second is counted: it may be later.
 */
function completedSince(completedDate, snapshot) {
    const completed = Date.parse(completedDate ?? '');
    if (Number.isNaN(completed))
        return true;
    if (completed >= snapshot.getTime())
        return true;
    return completed % 1000 === 0 && completed >= Math.floor(snapshot.getTime() / 1000) * 1000;
}
/**
 * Waits until no other deploy is changing the org (bounded by `timeoutMs`), then refuses if one
 * completed since this run's snapshot. Says what it waits for and why.
 */
async function awaitProductionTurn(session, what, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const started = now();
    let announced = '';
    for (;;) {
        const running = await query(session, `SELECT Id, Status, CreatedById, CreatedDate FROM DeployRequest WHERE CheckOnly = false AND Status IN ('Pending', 'InProgress', 'Canceling') ORDER BY CreatedDate ASC LIMIT 20`);
        if (running.length === 0)
            break;
        const list = running.map((r) => `${r.Id} (${r.Status}, created ${r.CreatedDate} by ${r.CreatedById})`).join(', ');
        if (now() - started >= options.timeoutMs) {
            throw new ProductionBusy(`Another deploy is changing the ${session.role} org ${session.identity.name}: ${list}. The ${what} waited ${Math.round((now() - started) / 60000)} minute(s) (wait-minutes) and was not sent. Run again once it has finished (Setup > Deployment Status).`);
        }
        if (list !== announced) {
            options.log(`Another deploy is changing the ${session.role} org: ${list}. The ${what} waits for it to finish (one production change at a time; at most wait-minutes).`);
            announced = list;
        }
        await sleep(options.pollMs ?? 5000);
    }
    const snapshot = snapshots.get(session);
    if (!snapshot)
        return;
    const since = snapshot.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const changed = (await query(session, `SELECT Id, Status, CreatedById, CompletedDate FROM DeployRequest WHERE CheckOnly = false AND CompletedDate >= ${since} AND Status IN ('Succeeded', 'SucceededPartial') ORDER BY CompletedDate ASC LIMIT 20`)).filter((r) => completedSince(r.CompletedDate, snapshot));
    if (changed.length > 0) {
        throw new ProductionBusy(`The ${session.role} org ${session.identity.name} changed after this run's rollback snapshot was taken (${since}): deploy ${changed.map((r) => `${r.Id} (${r.Status}, completed ${r.CompletedDate})`).join(', ')}. ` +
            `The snapshot would no longer restore the state before this run, so the ${what} was not sent. Run the release again: it takes a new snapshot.`);
    }
}
async function query(session, soql) {
    const result = await session.retrying('Listing deploys in progress', async (c) => await c.tooling.query(soql));
    return result.records;
}


/***/ }),

/***/ 73107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PN: () => (/* binding */ buildPackage),
  PY: () => (/* binding */ hasApex),
  Sf: () => (/* binding */ packageComponentSet),
  jK: () => (/* binding */ packageDigest)
});

// UNUSED EXPORTS: packagingShares

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(51306);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 23 modules
var XMLParser = __webpack_require__(41143);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/salesforce/delta.ts + 1 modules
var salesforce_delta = __webpack_require__(86458);
// EXTERNAL MODULE: ./src/zip-format.ts
var zip_format = __webpack_require__(5718);
;// CONCATENATED MODULE: ./src/salesforce/delta-zip.ts
// One more entry in an existing zip, without inflating and deflating the others again: a delta
// package is SDR's zip plus destructiveChangesPost.xml, and rebuilding the whole zip for that one
// file cost more than the rest of the package (a deflate set-up per entry). Format: PKWARE
// APPNOTE.TXT 4.3 (local file headers, central directory, end of central directory record).


/**
 * `zip` with `name` added, its entries' bytes copied as they are. Undefined when `zip` is not a
 * plain zip this can extend safely (several disks, zip64, a comment, bytes between the central
 * directory and its end record): the caller then builds the zip again.
 */
function appendToZip(zip, name, data) {
    const end = endRecord(zip);
    if (!end || end.entries >= 0xfffe)
        return undefined;
    // fflate writes the new entry (its local header, data and CRC); it is then moved after the others.
    const single = (0,esm/* zipSync */.L)({ [name]: data });
    const added = endRecord(single);
    if (!added || added.entries !== 1)
        return undefined;
    const local = single.subarray(0, added.directoryOffset);
    const central = single.slice(added.directoryOffset, added.directoryOffset + added.directorySize);
    // The central directory entry's "relative offset of local header" (APPNOTE 4.3.12, at byte 42).
    new DataView(central.buffer, central.byteOffset, central.length).setUint32(42, end.directoryOffset, true);
    const out = new Uint8Array(end.directoryOffset + local.length + end.directorySize + central.length + zip_format/* END_SIZE */.ix);
    let at = 0;
    for (const part of [zip.subarray(0, end.directoryOffset), local, zip.subarray(end.directoryOffset, end.directoryOffset + end.directorySize), central]) {
        out.set(part, at);
        at += part.length;
    }
    const record = new DataView(out.buffer, out.byteOffset + at, zip_format/* END_SIZE */.ix);
    record.setUint32(0, zip_format/* END_SIGNATURE */.Rf, true);
    record.setUint16(8, end.entries + 1, true);
    record.setUint16(10, end.entries + 1, true);
    record.setUint32(12, end.directorySize + central.length, true);
    record.setUint32(16, end.directoryOffset + local.length, true);
    return out;
}
/** The end of central directory record of a zip without a comment, when it describes a single-disk, non-zip64 archive. */
function endRecord(zip) {
    const at = zip.length - zip_format/* END_SIZE */.ix;
    const end = (0,zip_format/* readEndRecord */.lB)(zip, at);
    if (!end || end.commentLength !== 0 || end.disk !== 0 || end.directoryDisk !== 0)
        return undefined;
    const { entries, directorySize, directoryOffset } = end;
    if (entries !== end.diskEntries || entries === 0xffff || directoryOffset + directorySize !== at)
        return undefined;
    return { entries, directorySize, directoryOffset };
}

// EXTERNAL MODULE: ./src/salesforce/package-contents.ts
var package_contents = __webpack_require__(29398);
// EXTERNAL MODULE: ./src/salesforce/package-convert.ts + 2 modules
var package_convert = __webpack_require__(51544);
// EXTERNAL MODULE: ./src/salesforce/zip-writer.ts
var zip_writer = __webpack_require__(49718);
// EXTERNAL MODULE: ./src/salesforce/package-workers.ts
var package_workers = __webpack_require__(59705);
// EXTERNAL MODULE: ./src/salesforce/manifest.ts
var salesforce_manifest = __webpack_require__(71462);
;// CONCATENATED MODULE: ./src/salesforce/package.ts














/**
 * Builds the deploy zip as source-deploy-retrieve builds it (its conversion, .forceignore handling
 * and child-component recomposition are Salesforce's own; a plain project's are mirrored exactly,
 * package-plain.ts), from the source folders or a manifest. A source package is converted off the
 * main thread, split across worker threads (see sourcePackage), so authentication and the org
 * checks go on while it is built.
 */
async function buildPackage(source, options = {}) {
    process.env.SF_DISABLE_LOG_FILE = 'true'; // the bundle has no pino log workers: a workflow's SF_DISABLE_LOG_FILE=false would crash SDR
    const fsPaths = source.sourceDirs.map((dir) => external_node_path_default().resolve(source.workspace, dir));
    if (source.delta)
        return deltaPackage(source, source.delta, fsPaths);
    if (source.manifest && fsPaths.length === 0)
        return metadataFolderPackage(external_node_path_default().resolve(source.workspace, source.manifest));
    return sourcePackage(source, fsPaths, options);
}
/**
 * Files a share must have to be worth its own worker: each worker loads SDR and resolves the whole
 * component set (about 0.9 s on a 10,000-file project), while converting 10,000 files, most of
 * them copied (package-copy.ts), takes about 1 s more. Measured on 2 CPUs (`npm run bench`): one
 * share 1.9 s, two shares 2.1–2.5 s.
 */
const FILES_PER_EXTRA_SHARE = 5000;
const MAX_SHARES = 4;
/**
 * Shares for a package of about `files` files: one CPU is left to the run's own thread (its
 * requests, the org checks), at most MAX_SHARES, none that would convert under
 * FILES_PER_EXTRA_SHARE files.
 */
function packagingShares(files, cpus) {
    return Math.max(1, Math.min(cpus - 1, MAX_SHARES, Math.floor(files / FILES_PER_EXTRA_SHARE)));
}
/** Files under the package directories (a quick count, on libuv's threads, to size the split). */
async function countFiles(dirs) {
    const { readdir } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23));
    const counts = await Promise.all(dirs.map((dir) => readdir(dir, { recursive: true }).then((entries) => entries.length, () => 0)));
    return counts.reduce((a, b) => a + b, 0);
}
/**
 * The package of the source folders (or of a manifest over them): each share resolves the component
 * set (package-plain.ts for a plain project, SDR for any other), converts its part of the components into compressed zip entries
 * (package-convert.ts), and the parts are merged into one zip with share 0's package.xml, the
 * entries and contents `sf project convert source` writes (test/integration/package-convert.test.ts).
 */
async function sourcePackage(source, fsPaths, options) {
    const { availableParallelism } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 48161, 23));
    // On 2 CPUs there is one share whatever the size: the files are not counted.
    const cpus = availableParallelism();
    const shares = options.shares ?? (packagingShares(Infinity, cpus) === 1 ? 1 : packagingShares(await countFiles(fsPaths), cpus));
    const job = { workspace: source.workspace, sourceDirs: source.sourceDirs, ...(source.manifest ? { manifest: source.manifest } : {}), apiVersion: source.apiVersion };
    const results = await runShares(job, shares, options.threads !== false);
    const [first] = results;
    if (first.empty || first.packageXml === undefined) {
        throw new errors/* SalesforceError */.mO(`Nothing to deploy: no metadata found in ${source.manifest ?? fsPaths.map((p) => external_node_path_default().relative(source.workspace, p) || '.').join(', ')}.`);
    }
    // package.xml first, as SDR's ZipWriter adds it before the components.
    const manifest = new zip_writer/* ZipPartWriter */.u();
    manifest.add('package.xml', Buffer.from(first.packageXml));
    const { zip, entryCount } = (0,zip_writer/* assembleZip */.g)([manifest.finish(), ...results.map((r) => r.part)]);
    const components = (0,salesforce_manifest/* readPackageXml */.W4)(first.packageXml);
    return {
        zip,
        components,
        destructive: [],
        // Resolved on this thread only if a deploy fails and its failures need mapping to files.
        loadComponentSet: () => (0,package_convert/* resolveComponentSet */.U_)(job),
        apexFiles: Object.assign({}, ...results.map((r) => r.apexFiles)),
        fileCount: entryCount,
        hasApex: hasApex(components),
    };
}
/** Runs the shares in worker threads when one can start here, otherwise on this thread; results in share order. */
async function runShares(job, shares, threads) {
    const entry = threads ? (0,package_workers/* workerScript */.wF)() : undefined;
    const jobs = Array.from({ length: shares }, (_, share) => ({ ...job, share, shares }));
    if (!entry) {
        const results = [];
        for (const share of jobs)
            results.push(await (0,package_convert/* convertShare */.Tk)(share));
        return results;
    }
    const settled = await Promise.allSettled(jobs.map(async (share) => {
        const worker = await (0,package_workers/* startPackagingWorker */.CM)(entry, share);
        return new Promise((resolve, reject) => {
            worker.once('message', (message) => {
                // Its bytes are here (transferred): nothing SDR left running in it may keep the run alive.
                void worker.terminate();
                if (message.result)
                    resolve(message.result);
                else
                    reject((0,package_convert/* sharedErrorToError */.Bx)(message.error ?? { name: 'Error', message: 'no result' }));
            });
            worker.once('error', (error) => reject(new errors/* SalesforceError */.mO(`Packaging (share ${share.share + 1} of ${shares}) failed: ${error.message}`)));
            worker.once('exit', (code) => reject(new errors/* SalesforceError */.mO(`Packaging (share ${share.share + 1} of ${shares}) stopped (exit code ${code}) before it finished.`)));
        });
    }));
    // Share 0's error first: it checked the whole set, so it names every offending file.
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.map((s) => s.value);
}
/** The component set a package came from, resolved on this thread when the package was built in workers. */
async function packageComponentSet(pkg) {
    if (!pkg.componentSet && pkg.loadComponentSet)
        pkg.componentSet = await pkg.loadComponentSet();
    return pkg.componentSet;
}
/**
 * The package of a delta: SDR resolves the source folders keeping only the delta's components
 * (as `sf project deploy start --manifest` does, so a lone CustomField still recomposes into its
 * object file), and the deletions go in destructiveChangesPost.xml next to package.xml.
 */
async function deltaPackage(source, delta, fsPaths) {
    if (source.manifest) {
        throw new errors/* ActionError */.lZ(`delta packages the changed components of source-dir, so it cannot be combined with manifest '${(0,errors/* sanitize */.aj)(source.manifest)}'. Remove the manifest, or turn delta off.`);
    }
    if ((0,salesforce_delta/* isEmptyDelta */.qm)(delta)) {
        throw new errors/* ActionError */.lZ(`Nothing to deploy: no metadata changed between ${delta.base.slice(0, 12)} and ${delta.head.slice(0, 12)}.`, constants/* RunStatus */.i2.Skipped);
    }
    const files = {};
    /** Every file of the package, by name. */
    const entries = [];
    /** SDR's zip of the components to deploy. */
    let built;
    let components = [];
    let componentSet;
    if (delta.deploy.length > 0) {
        const { ComponentSet, MetadataConverter, SourceComponent } = await (0,salesforce_delta/* sourceDeployRetrieve */.ze)();
        // The delta's registry for the resolution, the set and the conversion: each builds its own otherwise (tens of ms each).
        const registry = await (0,salesforce_delta/* deltaRegistry */.Em)();
        // The delta's own files, not the whole source: resolving them gives exactly its components.
        componentSet = ComponentSet.fromSource({ fsPaths: delta.deployPaths.map((file) => external_node_path_default().resolve(source.workspace, file)), registry });
        // A labels file ships the labels the delta names, not the file's others: SDR recomposes the
        // file from just those (what `sf project deploy start --metadata CustomLabel:Name` sends).
        const inFile = delta.inFileChildren ?? {};
        if (Object.keys(inFile).length > 0) {
            const kept = componentSet.getSourceComponents().toArray().flatMap((component) => {
                const names = component.xml ? inFile[external_node_path_default().relative(source.workspace, component.xml).split((external_node_path_default()).sep).join('/')] : undefined;
                if (!names)
                    return [component];
                const types = Object.values(component.type.children?.types ?? {});
                return names.map((name) => {
                    const [typeName, fullName] = [name.slice(0, name.indexOf(':')), name.slice(name.indexOf(':') + 1)];
                    const type = types.find((t) => t.name === typeName);
                    if (!type)
                        throw new errors/* SalesforceError */.mO(`The delta names ${typeName} ${fullName} in ${component.xml}, which holds no ${typeName}.`);
                    return new SourceComponent({ name: fullName, type, xml: component.xml, parent: component }, component.tree, component.getForceIgnore());
                });
            });
            componentSet = new ComponentSet(kept, registry);
        }
        (0,package_convert/* assertPackagedFiles */.IS)(componentSet.getSourceComponents().toArray(), fsPaths, source.workspace);
        componentSet.sourceApiVersion = source.apiVersion;
        componentSet.apiVersion = source.apiVersion;
        const converted = await new MetadataConverter(registry).convert(componentSet, 'metadata', { type: 'zip' });
        if (!converted.zipBuffer)
            throw new errors/* SalesforceError */.mO('source-deploy-retrieve produced no zip.');
        // Only what is read back is inflated; every file is counted.
        Object.assign(files, (0,esm/* unzipSync */.AO)(converted.zipBuffer, { filter: ({ name }) => (name.endsWith('/') ? false : (entries.push(name), name === 'package.xml' || LABELS_FILE.test(name))) }));
        built = converted.zipBuffer;
        // What the package claims is what its package.xml lists, nothing the delta merely intended.
        components = (0,salesforce_manifest/* readPackageXml */.W4)((0,esm/* strFromU8 */.he)(files['package.xml'] ?? new Uint8Array()));
        const listed = new Set(components.map((c) => `${c.type}:${c.fullName}`));
        const missing = delta.deploy.filter((ref) => !listed.has(`${ref.type}:${ref.fullName}`));
        // A recomposed labels file holds each named label, found by name in the head file.
        if (Object.keys(inFile).length > 0)
            missing.push(...missingLabels(files, delta.deploy));
        if (missing.length > 0) {
            throw new errors/* SalesforceError */.mO(`The delta names ${missing.map((c) => `${c.type} ${c.fullName}`).join(', ')}, which the package built from ${source.sourceDirs.join(', ')} does not contain: the working tree no longer matches the delta. Compute the delta again from the checked-out commit.`);
        }
    }
    let zip = built;
    if (delta.destructive.length > 0) {
        // Next to package.xml. SDR's entries are copied as they are (delta-zip.ts), not inflated and deflated again.
        const manifest = Buffer.from((0,salesforce_manifest/* writePackageXml */.XD)(delta.destructive, source.apiVersion));
        if (entries.includes(salesforce_manifest/* DESTRUCTIVE_CHANGES_POST */.UB))
            throw new errors/* SalesforceError */.mO(`source-deploy-retrieve's package already holds a ${salesforce_manifest/* DESTRUCTIVE_CHANGES_POST */.UB}.`);
        zip = built && appendToZip(built, salesforce_manifest/* DESTRUCTIVE_CHANGES_POST */.UB, manifest);
        if (!zip) {
            // Deletions only (Salesforce still wants a package.xml, an empty one), or a zip appendToZip cannot extend.
            if (!built)
                entries.push('package.xml');
            zip = (0,esm/* zipSync */.L)({ ...(built ? (0,esm/* unzipSync */.AO)(built) : { 'package.xml': Buffer.from((0,salesforce_manifest/* writePackageXml */.XD)([], source.apiVersion)) }), [salesforce_manifest/* DESTRUCTIVE_CHANGES_POST */.UB]: manifest });
        }
        entries.push(salesforce_manifest/* DESTRUCTIVE_CHANGES_POST */.UB);
    }
    if (!zip)
        throw new errors/* SalesforceError */.mO('source-deploy-retrieve produced no zip.');
    return {
        zip: Buffer.isBuffer(zip) ? zip : Buffer.from(zip.buffer, zip.byteOffset, zip.length),
        components,
        destructive: [...delta.destructive],
        ...(componentSet ? { componentSet } : {}),
        fileCount: entries.length,
        hasApex: hasApex(components),
    };
}
/** A labels file in a metadata-format package. */
const LABELS_FILE = /^labels\/[^/]+\.labels$/;
/**
 * The labels of the delta missing from the package's labels file. Source-deploy-retrieve builds a
 * label it cannot find in the file from the whole file instead (SourceComponent.parseFromParentXml),
 * so the zip's own labels file is read back: every named label, by its fullName, and nothing else.
 */
function missingLabels(files, deploy) {
    const wanted = deploy.filter((ref) => ref.type === 'CustomLabel');
    const found = new Set();
    let entries = 0;
    for (const [name, bytes] of Object.entries(files)) {
        if (!LABELS_FILE.test(name))
            continue;
        const parsed = new XMLParser/* default */.A({ ignoreAttributes: true, parseTagValue: false, isArray: (tag) => tag === 'labels' }).parse((0,esm/* strFromU8 */.he)(bytes));
        for (const label of parsed.CustomLabels?.labels ?? []) {
            entries++;
            if (typeof label.fullName === 'string')
                found.add(label.fullName);
        }
    }
    const missing = wanted.filter((ref) => !found.has(ref.fullName));
    return missing.length > 0 || entries === wanted.length ? missing : [{ type: 'CustomLabel', fullName: `(${entries - wanted.length} unnamed or extra label(s) in the labels file)` }];
}
/** Whether a package carries Apex (Salesforce then runs tests on a production deploy). */
function hasApex(components) {
    return components.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger');
}
/** A manifest next to a metadata-format folder (no SFDX project): the folder is zipped as it is. */
async function metadataFolderPackage(manifestPath) {
    const { lstatSync, readdirSync, realpathSync, statSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
    const root = external_node_path_default().dirname(manifestPath);
    const files = {};
    const realRoot = realpathSync(root);
    const walk = (dir) => {
        for (const entry of readdirSync(dir)) {
            // Never a dot-entry (.git, .github, .env …): they are not metadata (SPEC.md "Evidence").
            if (entry.startsWith('.'))
                continue;
            const full = external_node_path_default().join(dir, entry);
            // Checked with the inputs already; read again here so a link added since cannot leak a file.
            if (lstatSync(full).isSymbolicLink() && !(0,package_contents/* isInside */.FK)(realRoot, realpathSync(full))) {
                throw new errors/* InputError */.dz([`Input '${constants/* Inputs */.G0.Manifest}': ${(0,errors/* sanitize */.aj)(external_node_path_default().relative(root, full))} is a symbolic link to a path outside the metadata folder; packages hold only files inside it.`]);
            }
            if (statSync(full).isDirectory())
                walk(full);
            else
                files[external_node_path_default().relative(root, full).split((external_node_path_default()).sep).join('/')] = (0,external_node_fs_.readFileSync)(full);
        }
    };
    walk(root);
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(root, 'package.xml')))
        files['package.xml'] = (0,external_node_fs_.readFileSync)(manifestPath);
    const components = (0,salesforce_manifest/* readPackageXml */.W4)((0,external_node_fs_.readFileSync)(manifestPath, 'utf8'));
    return {
        zip: Buffer.from((0,esm/* zipSync */.L)(files)),
        components,
        destructive: [],
        fileCount: Object.keys(files).length,
        hasApex: hasApex(components),
    };
}
/**
 * A digest of what a package deploys: every zip entry's name and content, in name order, so two
 * builds of the same sources match whatever the zip's timestamps or entry order.
 */
function packageDigest(zip) {
    const entries = (0,esm/* unzipSync */.AO)(zip);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const name of Object.keys(entries).sort()) {
        if (name.endsWith('/'))
            continue;
        hash.update(name).update('\0').update((0,external_node_crypto_.createHash)('sha256').update(entries[name]).digest('hex')).update('\n');
    }
    return hash.digest('hex');
}


/***/ })

};
