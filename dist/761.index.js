export const id = 761;
export const ids = [761];
export const modules = {

/***/ 92875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A3: () => (/* binding */ assertValidation),
  iT: () => (/* binding */ connectOrgs),
  iJ: () => (/* binding */ packageSource),
  xj: () => (/* binding */ runOperation)
});

// UNUSED EXPORTS: assertOrgIdentity

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

// EXTERNAL MODULE: ./src/salesforce/delta.ts
var salesforce_delta = __webpack_require__(70385);
// EXTERNAL MODULE: ./src/salesforce/package.ts
var salesforce_package = __webpack_require__(7119);
;// CONCATENATED MODULE: ./src/flows/salesforce-steps.ts










/** Connects to the org of a role and checks it is what the role claims. */
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
    const { settings, context, report } = run;
    let delta;
    if (settings.delta) {
        if (!deltaBase || /^0+$/.test(deltaBase)) {
            report.notes.push('delta: no base commit to compare with (a first push or no earlier deploy); the whole source was packaged.');
        }
        else {
            delta = await (0,salesforce_delta/* computeDelta */.yQ)({ workspace: context.workspace, base: deltaBase, head: context.sha, sourceDirs: settings.sourceDirs, apiVersion: settings.apiVersion });
            run.runner.info(`Delta ${delta.base.slice(0, 7)}..${delta.head.slice(0, 7)}: ${delta.deploy.length} component(s) to deploy, ${delta.destructive.length} to delete.`);
            for (const note of delta.notes)
                report.notes.push(`delta: ${note}`);
        }
    }
    const pkg = await (0,salesforce_package/* buildPackage */.P)({ workspace: context.workspace, sourceDirs: settings.sourceDirs, manifest: settings.manifest, apiVersion: settings.apiVersion, delta });
    const destructive = pkg.destructive ?? [];
    report.components = pkg.components.length + destructive.length;
    report.componentNames = [...pkg.components.map((c) => `${c.type}: ${c.fullName}`), ...destructive.map((c) => `delete ${c.type}: ${c.fullName}`)];
    run.runner.info(`Packaged ${pkg.components.length} components${destructive.length ? ` and ${destructive.length} deletion(s)` : ''} (${pkg.fileCount} files, ${(pkg.zip.length / 1024).toFixed(1)} KiB zipped).`);
    return pkg;
}
/** Submits a deploy (or quick deploy), waits for it, and records its outcome and annotations. */
async function runOperation(run, session, pkg, request) {
    const { settings } = run;
    const testLevel = settings.testLevel;
    const id = request.quickDeployOf
        ? await (0,deploy/* submitQuickDeploy */.HY)(session, request.quickDeployOf)
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
        });
    run.runner.info(`${request.label} submitted: ${id} (${request.quickDeployOf ? 'quick deploy' : `${request.checkOnly ? 'check-only, ' : ''}${testLevel}`}).`);
    request.onSubmitted?.(id);
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
    for (const warning of outcome.componentWarnings)
        run.report.warnings.push(`${request.label}: ${warning}`);
    run.runner.info(`${request.label} ${outcome.id} finished: ${outcome.status}${outcome.testsRun ? `, ${outcome.testsRun} tests run, ${outcome.testsFailed} failed` : ''}${outcome.coverage !== undefined && outcome.testsRun ? `, coverage ${outcome.coverage}%` : ''}.`);
    return outcome;
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
        const next = label.startsWith('Rollback') ? 'Production was not changed; the failures above say what blocks restoring it.' : 'Fix the failures above and push again.';
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
    const evidence = `${label} ${outcome.id} succeeded${outcome.testsRun ? `, ${outcome.testsRun} tests passed` : ''}${coverage}`;
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
 * allowed; the author, bots and users without write access never count; any reviewer's
 * outstanding request for changes blocks, whatever their access (SPEC's literal rule: a reader
 * or a bot that asked for changes must approve, or have the review dismissed, first). Approvals
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
                // Blocks whoever asked: the request is a reason not to ship, even from someone whose approval would not count.
                const who = isBot(login, review.userType) ? ' (a bot: its request blocks too)' : hasWrite(login) ? '' : ` (${role(login) === 'none' ? 'no' : role(login)} access: the request blocks though an approval would not count)`;
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

/***/ 70385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qm: () => (/* binding */ isEmptyDelta),
/* harmony export */   yQ: () => (/* binding */ computeDelta)
/* harmony export */ });
/* unused harmony export parseNameStatus */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);





/**
 * Types whose file is only a container of children (labels, workflow rules, sharing rules …):
 * Salesforce deletes the children, never the container, so a deleted container file lists its
 * children in destructiveChanges.
 */
const CONTAINER_TYPES = new Set([
    'CustomLabels',
    'Workflow',
    'SharingRules',
    'AssignmentRules',
    'AutoResponseRules',
    'EscalationRules',
    'MatchingRules',
    'ManagedTopics',
]);
/** Deleting these deletes data with them; the summary must say so. */
const DATA_TYPES = new Set(['CustomObject', 'CustomField']);
/**
 * Computes what changed between `base` and `head` in the source folders, with `git diff
 * --name-status -M` for the files and source-deploy-retrieve for what they are: changed files
 * are resolved in the working tree, deleted ones in the base tree, so .forceignore, bundles and
 * decomposed children behave exactly as in a full package.
 */
async function computeDelta(options) {
    process.env.SF_DISABLE_LOG_FILE ??= 'true';
    const workspace = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(options.workspace);
    const sourceDirs = relativeSourceDirs(workspace, options.sourceDirs);
    const git = (args, extra = {}) => runGit(args, { cwd: workspace, ...extra });
    await git(['rev-parse', '--git-dir']).catch((error) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`delta needs the repository's history, but the workspace ${workspace} is not a git checkout (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}). Check out the repository with actions/checkout and fetch-depth: 0.`);
    });
    const base = await resolveCommit(git, options.base, 'base');
    const head = await resolveCommit(git, options.head, 'head');
    const checkedOut = await resolveCommit(git, 'HEAD', 'head');
    if (checkedOut !== head) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`delta head ${head} is not the checked-out commit (HEAD is ${checkedOut}): the package is built from the working tree, so it would not match the delta. Check out ${head}, or pass the checked-out commit as head.`);
    }
    const pathspecs = [...sourceDirs.map((dir) => `:(literal)${dir}`), ':(glob)**/.forceignore'];
    const diff = parseNameStatus(await git(['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', '--relative', base, head, '--', ...pathspecs]));
    const forceIgnoreChanged = [...diff.changed, ...diff.deleted].some(isForceIgnore);
    const changedPaths = diff.changed.filter((p) => !isForceIgnore(p));
    const deletedPaths = diff.deleted.filter((p) => !isForceIgnore(p));
    const notes = [];
    const range = `${short(base)}..${short(head)}`;
    if (changedPaths.length === 0 && deletedPaths.length === 0) {
        notes.push(`No metadata changed in ${sourceDirs.join(', ')} between ${range}: nothing to deploy.`);
        if (forceIgnoreChanged)
            notes.push(forceIgnoreNote);
        return { base, head, changedPaths, deletedPaths, deploy: [], destructive: [], notes };
    }
    const { ComponentSet } = await Promise.all(/* import() */[__webpack_require__.e(746), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 4307));
    const headComponents = ComponentSet.fromSource({ fsPaths: sourceDirs.map((dir) => node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(workspace, dir)) }).getSourceComponents().toArray();
    const headByFile = indexByFile(headComponents);
    const headByKey = indexByKey(headComponents);
    const deploy = new Map();
    const skipped = [];
    for (const file of changedPaths) {
        const component = headByFile.get(node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(workspace, file));
        if (component)
            deploy.set(keyOf(component), component);
        else
            skipped.push(file);
    }
    const needsBase = deletedPaths.length > 0 || [...deploy.values()].some(hasInFileChildren);
    let deletions = [];
    if (needsBase) {
        await withBaseTree(git, base, sourceDirs, options.tempDir, (baseRoot) => {
            const baseDirs = sourceDirs.map((dir) => node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(baseRoot, dir)).filter((dir) => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(dir));
            let baseComponents;
            try {
                baseComponents = baseDirs.length ? ComponentSet.fromSource({ fsPaths: baseDirs }).getSourceComponents().toArray() : [];
            }
            catch (error) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`Could not read the metadata of delta base ${base}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}. Deploy once with delta: false, so later deltas start from a readable base.`);
            }
            const baseByFile = indexByFile(baseComponents);
            const baseByKey = indexByKey(baseComponents);
            const destructive = new Map();
            for (const file of deletedPaths) {
                const was = baseByFile.get(node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(baseRoot, file));
                if (!was) {
                    skipped.push(file);
                    continue;
                }
                // One file of a bundle, or a component moved to another folder: it is still there, so it is deployed.
                const now = headByKey.get(keyOf(was));
                if (now)
                    deploy.set(keyOf(now), now);
                else
                    destructive.set(keyOf(was), was);
            }
            // A label taken out of CustomLabels, a rule out of a Workflow: children that lived in the changed file itself.
            for (const key of deploy.keys()) {
                const was = baseByKey.get(key);
                if (!was || !hasInFileChildren(was))
                    continue;
                for (const child of was.getChildren()) {
                    if (child.xml === was.xml && !headByKey.has(keyOf(child)))
                        destructive.set(keyOf(child), child);
                }
            }
            // Still inside: a container's children are read from its base file, which goes with the base tree.
            deletions = destructiveRefs(destructive, headByKey, deploy, notes);
        });
    }
    const deployRefs = sortRefs([...deploy.values()].map(refOf));
    if (skipped.length) {
        const shown = skipped.slice(0, 10).join(', ');
        notes.push(`${skipped.length} changed file(s) are not deployable metadata (forceignored, or not source) and were left out: ${shown}${skipped.length > 10 ? ', …' : ''}.`);
    }
    if (forceIgnoreChanged)
        notes.push(forceIgnoreNote);
    if (deployRefs.length === 0 && deletions.length === 0)
        notes.unshift(`No deployable metadata changed in ${sourceDirs.join(', ')} between ${range}: nothing to deploy.`);
    for (const ref of deletions) {
        if (ref.type === 'Flow') {
            notes.push(`Flow ${ref.fullName} is deleted by destructiveChangesPost.xml: Salesforce deletes a flow only once it is deactivated and no interview is paused, so deactivate it in the target org first or the deploy fails.`);
        }
        else if (DATA_TYPES.has(ref.type)) {
            notes.push(`${ref.type} ${ref.fullName} is deleted with its data; Salesforce keeps deleted fields and objects restorable from Setup for 15 days only.`);
        }
    }
    await noteUncommittedChanges(git, pathspecs, notes);
    return { base, head, changedPaths, deletedPaths, deploy: deployRefs, destructive: deletions, notes };
}
/** Whether a delta has nothing to deploy and nothing to delete: the run is skipped, not failed. */
function isEmptyDelta(delta) {
    return delta.deploy.length === 0 && delta.destructive.length === 0;
}
const forceIgnoreNote = '.forceignore changed between base and head: components it newly includes or excludes are in this delta only if their files changed too. Deploy once with delta: false to bring the org in line.';
/**
 * What destructiveChangesPost.xml lists: containers replaced by their children, children of a
 * deleted parent dropped (deleting the object deletes its fields), and children Salesforce
 * cannot address alone (field translations) turned into a deploy of their surviving parent.
 */
function destructiveRefs(destructive, headByKey, deploy, notes) {
    const expanded = new Map();
    for (const [key, component] of destructive) {
        if (CONTAINER_TYPES.has(component.type.name)) {
            for (const child of component.getChildren())
                if (!headByKey.has(keyOf(child)))
                    expanded.set(keyOf(child), child);
        }
        else {
            expanded.set(key, component);
        }
    }
    const refs = [];
    for (const component of expanded.values()) {
        const parent = component.parent;
        if (parent && !CONTAINER_TYPES.has(parent.type.name) && expanded.has(keyOf(parent)))
            continue;
        if (!isAddressable(component)) {
            const survivor = parent && headByKey.get(keyOf(parent));
            if (survivor)
                deploy.set(keyOf(survivor), survivor);
            else if (!parent)
                notes.push(`${component.type.name} ${component.fullName} was deleted, but Salesforce cannot delete it through destructiveChanges; remove it in the org by hand.`);
            continue;
        }
        refs.push(refOf(component));
    }
    return sortRefs(refs);
}
function isAddressable(component) {
    return component.type.isAddressable !== false && !component.type.unaddressableWithoutParent;
}
/** Children stored in the component's own file (labels in CustomLabels), not in files of their own (fields). */
function hasInFileChildren(component) {
    return component.getChildren().some((child) => child.xml === component.xml);
}
/**
 * Maps every file of every component to the component that deploys it: a bundle's files to the
 * bundle, a decomposed child's file to the child, a container's file to the container.
 */
function indexByFile(components) {
    const byFile = new Map();
    const put = (file, component) => file && byFile.set(node_path__WEBPACK_IMPORTED_MODULE_3___default().normalize(file), component);
    for (const component of components) {
        put(component.xml, component);
        for (const file of component.walkContent())
            put(file, component);
    }
    // Children second, so a child's own file (fields/Amount__c.field-meta.xml) maps to the child, not the object.
    for (const component of components) {
        for (const child of component.getChildren()) {
            if (child.xml === component.xml)
                continue;
            put(child.xml, child);
            for (const file of child.walkContent())
                put(file, child);
        }
    }
    return byFile;
}
function indexByKey(components) {
    const byKey = new Map();
    for (const component of components) {
        byKey.set(keyOf(component), component);
        for (const child of component.getChildren())
            byKey.set(keyOf(child), child);
    }
    return byKey;
}
function keyOf(component) {
    return `${component.type.name}:${component.fullName}`;
}
function refOf(component) {
    return { type: component.type.name, fullName: component.fullName };
}
function sortRefs(refs) {
    return refs.sort((a, b) => a.type.localeCompare(b.type) || a.fullName.localeCompare(b.fullName));
}
function isForceIgnore(file) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.basename(file) === '.forceignore';
}
function short(sha) {
    return sha.slice(0, 12);
}
/** Source folders as git pathspecs relative to the workspace; a folder outside it cannot be diffed with --relative. */
function relativeSourceDirs(workspace, sourceDirs) {
    if (sourceDirs.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ('delta needs source-dir: it diffs SFDX source folders, and a manifest alone names no files. Set source-dir, or turn delta off.');
    }
    return sourceDirs.map((dir) => {
        const relative = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(workspace, node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(workspace, dir));
        if (relative.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_3___default().isAbsolute(relative)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`delta cannot diff source-dir '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(dir)}': it is outside the workspace ${workspace}. Use folders inside the checkout.`);
        }
        return relative === '' ? '.' : relative.split((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep)).join('/');
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
async function resolveCommit(git, rev, role) {
    const shown = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(rev, 80);
    if (/^0{40}$|^0{64}$/.test(rev)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`delta ${role} ${rev} is the null SHA GitHub sends for the first push of a branch: there is no earlier commit to diff against. Deploy this one with delta: false.`);
    }
    if (!rev || rev.startsWith('-') || /\s/.test(rev)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`Invalid delta ${role} '${shown}'. Expected a commit SHA or ref of this repository.`);
    }
    try {
        return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`delta ${role} ${shown} is not in the checkout: fetch more history (actions/checkout with fetch-depth: 0).`);
    }
}
/**
 * Writes the base commit's source folders (and its .forceignore and sfdx-project.json files) to a
 * temporary folder through a temporary index, so SDR resolves deleted files exactly as it did
 * when they existed, without touching the checkout, its index or its worktree list.
 */
async function withBaseTree(git, base, sourceDirs, tempDir, use) {
    const top = (await git(['rev-parse', '--show-toplevel'])).trim();
    const prefix = (await git(['rev-parse', '--show-prefix'])).trim();
    const dirsFromTop = sourceDirs.map((dir) => node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.join(prefix, dir));
    const listed = (await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', base], { cwd: top })).split('\0').filter(Boolean);
    const wanted = listed.filter((file) => {
        const name = node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.basename(file);
        return name === '.forceignore' || name === 'sfdx-project.json' || dirsFromTop.some((dir) => dir === '.' || file === dir || file.startsWith(`${dir.replace(/\/$/, '')}/`));
    });
    const parent = tempDir ?? (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)();
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(parent, { recursive: true });
    const work = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(parent, 'delta-base-'));
    try {
        const tree = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(work, 'tree');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(tree);
        const env = { GIT_INDEX_FILE: node_path__WEBPACK_IMPORTED_MODULE_3___default().join(work, 'index') };
        await runGit(['read-tree', base], { cwd: top, env });
        if (wanted.length)
            await runGit(['checkout-index', '-z', '--stdin', `--prefix=${tree}/`], { cwd: top, env, input: `${wanted.join('\0')}\0` });
        use(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(tree, prefix));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(work, { recursive: true, force: true });
    }
}
async function noteUncommittedChanges(git, pathspecs, notes) {
    const status = await git(['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=no', '--', ...pathspecs]).catch(() => '');
    if (status.trim())
        notes.push('The working tree has uncommitted changes in the source folders; the package is built from the working tree, so it holds them.');
}
/** Runs git with execFile (no shell); rejects with its stderr when it exits non-zero. */
function runGit(args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', args, { cwd: options.cwd, env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
            if (!error)
                return resolve(stdout.toString('utf8'));
            if (error.code === 'ENOENT')
                return reject(new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ('delta needs the git binary, and it was not found on PATH.'));
            reject(new Error(`git ${args[0]} failed: ${stderr.toString('utf8').trim() || error.message}`));
        });
        child.stdin?.on('error', () => { });
        child.stdin?.end(options.input ?? '');
    });
}


/***/ }),

/***/ 7119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ buildPackage),
/* harmony export */   j: () => (/* binding */ packageDigest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var fflate__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(51306);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _delta_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70385);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(71462);








/**
 * Builds the deploy zip with source-deploy-retrieve (its conversion, .forceignore handling and
 * child-component recomposition are Salesforce's own), from the source folders or a manifest.
 */
async function buildPackage(source) {
    process.env.SF_DISABLE_LOG_FILE ??= 'true';
    // Loaded here, not at the top: it is the largest module, and authentication need not wait for it.
    const { ComponentSet, MetadataConverter } = await Promise.all(/* import() */[__webpack_require__.e(746), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 4307));
    const fsPaths = source.sourceDirs.map((dir) => node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(source.workspace, dir));
    if (source.delta)
        return deltaPackage(source, source.delta, fsPaths);
    if (source.manifest && fsPaths.length === 0)
        return metadataFolderPackage(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(source.workspace, source.manifest));
    const componentSet = source.manifest
        ? await ComponentSet.fromManifest({ manifestPath: node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(source.workspace, source.manifest), resolveSourcePaths: fsPaths, forceAddWildcards: true })
        : ComponentSet.fromSource({ fsPaths });
    componentSet.sourceApiVersion = source.apiVersion;
    componentSet.apiVersion = source.apiVersion;
    if (componentSet.size === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SalesforceError */ .mO(`Nothing to deploy: no metadata found in ${source.manifest ?? fsPaths.map((p) => node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(source.workspace, p) || '.').join(', ')}.`);
    }
    const converted = await new MetadataConverter().convert(componentSet, 'metadata', { type: 'zip' });
    if (!converted.zipBuffer)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SalesforceError */ .mO('source-deploy-retrieve produced no zip.');
    const components = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .readPackageXml */ .W4)(await componentSet.getPackageXml());
    return {
        zip: converted.zipBuffer,
        components,
        destructive: [],
        componentSet,
        fileCount: converted.zipFileCount ?? 0,
        hasApex: hasApex(components),
    };
}
/**
 * The package of a delta: SDR resolves the source folders keeping only the delta's components
 * (as `sf project deploy start --manifest` does, so a lone CustomField still recomposes into its
 * object file), and the deletions go in destructiveChangesPost.xml next to package.xml.
 */
async function deltaPackage(source, delta, fsPaths) {
    if (source.manifest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`delta packages the changed components of source-dir, so it cannot be combined with manifest '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(source.manifest)}'. Remove the manifest, or turn delta off.`);
    }
    if ((0,_delta_js__WEBPACK_IMPORTED_MODULE_5__/* .isEmptyDelta */ .qm)(delta)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`Nothing to deploy: no metadata changed between ${delta.base.slice(0, 12)} and ${delta.head.slice(0, 12)}.`, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .RunStatus */ .i2.Skipped);
    }
    const files = {};
    let components = [];
    let componentSet;
    if (delta.deploy.length > 0) {
        const { ComponentSet, MetadataConverter } = await Promise.all(/* import() */[__webpack_require__.e(746), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 4307));
        const include = new ComponentSet(delta.deploy);
        componentSet = ComponentSet.fromSource({ fsPaths, include });
        componentSet.sourceApiVersion = source.apiVersion;
        componentSet.apiVersion = source.apiVersion;
        const missing = delta.deploy.filter((ref) => !componentSet.has(ref));
        if (missing.length > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SalesforceError */ .mO(`The delta names ${missing.map((c) => `${c.type} ${c.fullName}`).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in ${source.sourceDirs.join(', ')}: the workspace changed after the delta was computed. Compute the delta again from the checked-out commit.`);
        }
        const converted = await new MetadataConverter().convert(componentSet, 'metadata', { type: 'zip' });
        if (!converted.zipBuffer)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SalesforceError */ .mO('source-deploy-retrieve produced no zip.');
        Object.assign(files, (0,fflate__WEBPACK_IMPORTED_MODULE_7__/* .unzipSync */ .AO)(converted.zipBuffer));
        components = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .readPackageXml */ .W4)(await componentSet.getPackageXml());
    }
    else {
        // Deletions only: Salesforce still wants a package.xml, an empty one.
        files['package.xml'] = Buffer.from((0,_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .writePackageXml */ .XD)([], source.apiVersion));
    }
    if (delta.destructive.length > 0)
        files[_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .DESTRUCTIVE_CHANGES_POST */ .UB] = Buffer.from((0,_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .writePackageXml */ .XD)(delta.destructive, source.apiVersion));
    return {
        zip: Buffer.from((0,fflate__WEBPACK_IMPORTED_MODULE_7__/* .zipSync */ .L)(files)),
        components,
        destructive: [...delta.destructive],
        ...(componentSet ? { componentSet } : {}),
        fileCount: Object.keys(files).filter((name) => !name.endsWith('/')).length,
        hasApex: hasApex(components),
    };
}
function hasApex(components) {
    return components.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger');
}
/** A manifest next to a metadata-format folder (no SFDX project): the folder is zipped as it is. */
async function metadataFolderPackage(manifestPath) {
    const { readdirSync, statSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
    const root = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(manifestPath);
    const files = {};
    const walk = (dir) => {
        for (const entry of readdirSync(dir)) {
            const full = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, entry);
            if (statSync(full).isDirectory())
                walk(full);
            else
                files[node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, full).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/')] = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(full);
        }
    };
    walk(root);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, 'package.xml')))
        files['package.xml'] = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(manifestPath);
    const components = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .readPackageXml */ .W4)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(manifestPath, 'utf8'));
    return {
        zip: Buffer.from((0,fflate__WEBPACK_IMPORTED_MODULE_7__/* .zipSync */ .L)(files)),
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
    const entries = (0,fflate__WEBPACK_IMPORTED_MODULE_7__/* .unzipSync */ .AO)(zip);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for (const name of Object.keys(entries).sort()) {
        if (name.endsWith('/'))
            continue;
        hash.update(name).update('\0').update((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(entries[name]).digest('hex')).update('\n');
    }
    return hash.digest('hex');
}


/***/ })

};
