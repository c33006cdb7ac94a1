export const id = 548;
export const ids = [548];
export const modules = {

/***/ 22244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Wv: () => (/* binding */ findQuickDeployable),
  MZ: () => (/* binding */ recordProductionValidation)
});

// UNUSED EXPORTS: quickDeployMismatch

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
;// CONCATENATED MODULE: ./src/github/validation-ledger.ts
/** The deployment task of ledger entries; the environment is `<environment>-validation`. */
const LEDGER_TASK = 'salesforce:validation';
/** Salesforce keeps a validation quick-deployable for ten days. */
const QUICK_DEPLOY_DAYS = 10;
/** Environment under which ledger entries are kept, apart from the real deployments. */
function ledgerEnvironment(environment) {
    return `${environment}-validation`;
}
/** Records a production validation so a later release of the same content can quick deploy it. */
async function recordValidation(client, environment, record) {
    const { octokit, owner, repo } = client;
    const { data } = await octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: record.sha,
        task: LEDGER_TASK,
        environment: ledgerEnvironment(environment),
        description: `Check-only validation ${record.validationId} against ${record.orgId}`,
        payload: { ...record },
        auto_merge: false,
        required_contexts: [],
        transient_environment: true,
        production_environment: false,
    });
    const id = data.id;
    if (id !== undefined) {
        await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: id, state: 'success', description: `Quick-deployable until ${expiry(record.validatedAt)}`, auto_inactive: false });
    }
}
/**
 * The newest ledger entry that matches what the release is about to deploy, if any (pure): the
 * same org, content and tests, validated on `sha` (the head of the approved pull request, so an
 * entry recorded for another commit is never used) within the days Salesforce keeps it. Anyone
 * with `deployments: write` can write an entry, so a match still has to be checked against
 * Salesforce before it is quick deployed.
 */
function matchValidation(entries, wanted, now) {
    const sameTests = (a, b) => [...a].sort().join(',') === [...b].sort().join(',');
    const sameSha = (a) => typeof a === 'string' && a.length > 0 && a.toLowerCase() === wanted.sha.toLowerCase();
    return entries
        .filter((e) => sameSha(e.sha) && e.orgId === wanted.orgId && e.contentDigest === wanted.contentDigest && e.testLevel === wanted.testLevel && Array.isArray(e.tests) && sameTests(e.tests, wanted.tests))
        .filter((e) => now.getTime() - Date.parse(e.validatedAt) < QUICK_DEPLOY_DAYS * 86400000)
        .sort((a, b) => Date.parse(b.validatedAt) - Date.parse(a.validatedAt))[0];
}
/** Reads the recent ledger entries of an environment, newest first. */
async function readValidations(client, environment) {
    const { octokit, owner, repo } = client;
    const { data } = await octokit.rest.repos.listDeployments({ owner, repo, environment: ledgerEnvironment(environment), task: LEDGER_TASK, per_page: 30 });
    return data.map((d) => (typeof d.payload === 'string' ? safeJson(d.payload) : d.payload)).filter((p) => p && typeof p.validationId === 'string');
}
function expiry(validatedAt) {
    return new Date(Date.parse(validatedAt) + QUICK_DEPLOY_DAYS * 86400000).toISOString().slice(0, 10);
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/salesforce/deploy.ts
var deploy = __webpack_require__(72204);
// EXTERNAL MODULE: ./src/salesforce/deploy-result.ts
var deploy_result = __webpack_require__(42328);
// EXTERNAL MODULE: ./src/salesforce/package.ts
var salesforce_package = __webpack_require__(7119);
;// CONCATENATED MODULE: ./src/flows/quick-deploy.ts






/**
 * After a successful check-only deploy against production in a pull request, records it in the
 * validation ledger so the release of the same content can quick deploy it. Best effort: without
 * `deployments: write` the release simply runs a full deploy.
 */
async function recordProductionValidation(run, production, pkg, validation) {
    const { settings, context } = run;
    if (!settings.githubToken)
        return;
    const head = context.payload.pull_request?.head?.sha ?? context.sha;
    const record = {
        validationId: validation.id,
        orgId: production.identity.id,
        contentDigest: (0,salesforce_package/* packageDigest */.j)(pkg.zip),
        testLevel: settings.testLevel,
        tests: settings.tests,
        sha: head,
        validatedAt: new Date().toISOString(),
    };
    try {
        // Kept under production whatever `environment` a pull-request run has: it is production's validation.
        await recordValidation(await (0,client/* createGitHubClient */.LX)(settings.githubToken, context), 'production', record);
        run.report.notes.push(`Production validation ${validation.id} is recorded for a quick deploy of this exact content for ${QUICK_DEPLOY_DAYS} days.`);
    }
    catch (error) {
        run.runner.warning(`Could not record the production validation for a later quick deploy (${(0,errors/* errorMessage */.gJ)(error)}); the release will run a full deploy. Grant 'deployments: write' to enable quick deploys.`);
    }
}
/**
 * A production validation that a quick deploy may use: a ledger entry for exactly this package,
 * org and tests, recorded for the head commit of the approved pull request, and which Salesforce
 * confirms is a successful check-only deploy with tests of the same components. The ledger is
 * only a hint: anyone with `deployments: write` can write an entry, so nothing in it is trusted
 * until the org agrees. Undefined means a full deploy with tests.
 */
async function findQuickDeployable(run, github, production, pkg, approvedHeadSha) {
    const { settings, runner } = run;
    if (!approvedHeadSha) {
        runner.info('No approved pull request is merged into this commit, so no production validation can be tied to the reviewed content: a full deploy with tests follows.');
        return undefined;
    }
    let match;
    try {
        const wanted = { orgId: production.identity.id, contentDigest: (0,salesforce_package/* packageDigest */.j)(pkg.zip), testLevel: settings.testLevel, tests: settings.tests, sha: approvedHeadSha };
        match = matchValidation(await readValidations(github, 'production'), wanted, new Date());
    }
    catch (error) {
        runner.warning(`Could not read the validation ledger (${(0,errors/* errorMessage */.gJ)(error)}); a full deploy with tests follows.`);
        return undefined;
    }
    if (!match) {
        runner.info(`No production validation of this exact content for the approved head ${approvedHeadSha.slice(0, 7)}: a full deploy with tests follows.`);
        return undefined;
    }
    let validation;
    try {
        validation = await (0,deploy/* readDeploy */.qx)(production, match.validationId, 'production validation');
    }
    catch (error) {
        runner.warning(`Could not check production validation ${match.validationId} with Salesforce (${(0,errors/* errorMessage */.gJ)(error)}); a full deploy with tests follows.`);
        return undefined;
    }
    const sandboxValidation = run.report.operations.find((op) => op.role === 'sandbox' && op.outcome.id === run.report.validationId)?.outcome;
    const problem = quickDeployMismatch(validation, pkg, sandboxValidation?.componentsTotal);
    if (problem) {
        runner.warning(`The validation ledger names production validation ${match.validationId} for this content, but Salesforce reports ${problem}; it is not used, and a full deploy with tests follows.`);
        return undefined;
    }
    runner.info(`Production validation ${match.validationId} of this exact content (commit ${match.sha.slice(0, 7)}) is confirmed by Salesforce and can be quick deployed.`);
    return match;
}
/**
 * Why a validation Salesforce reports cannot stand for a deploy of `pkg`, or undefined when it
 * can (pure): it must be a check-only deploy that succeeded with tests run (a quick deploy skips
 * them), whose deployed and deleted components are exactly the package's, and, when a deploy of
 * this same package was counted in this run (the sandbox validation), with the same component
 * total. Members of a wildcard (`*`) type cannot be listed in advance, so any member of such a
 * type is accepted.
 */
function quickDeployMismatch(validation, pkg, expectedComponentsTotal) {
    const { outcome } = validation;
    if (!outcome.checkOnly)
        return `that ${outcome.id || 'it'} is not a check-only validation`;
    if (!outcome.success || outcome.status !== deploy_result/* DeployStatus */.Ut.Succeeded)
        return `its status as ${outcome.status || 'unknown'}, not ${deploy_result/* DeployStatus */.Ut.Succeeded}`;
    if (outcome.testsRun <= 0)
        return 'that it ran no tests, and a quick deploy needs a validation with tests';
    for (const [verb, reported, expected] of [['deploy', validation.deployed, pkg.components], ['delete', validation.deleted, pkg.destructive ?? []]]) {
        const { extra, missing } = difference(reported, expected);
        if (extra.length)
            return `that it would ${verb} ${list(extra)}, which this package does not`;
        if (missing.length)
            return `that it would not ${verb} ${list(missing)}, which this package does`;
    }
    if (expectedComponentsTotal !== undefined && outcome.componentsTotal !== expectedComponentsTotal) {
        return `${outcome.componentsTotal} component(s) in it, while the sandbox validation of this package counted ${expectedComponentsTotal}`;
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

/***/ 70047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EQ: () => (/* binding */ evaluateApprovals),
/* harmony export */   Uh: () => (/* binding */ approvalPolicy),
/* harmony export */   XZ: () => (/* binding */ describeVerdict),
/* harmony export */   j7: () => (/* binding */ assertApprovals),
/* harmony export */   ox: () => (/* binding */ gatherApprovalEvidence)
/* harmony export */ });
/* unused harmony export latestOpinions */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96584);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19556);




const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);
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
    const hasWrite = (login) => WRITE_ROLES.has(role(login));
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
    const candidates = [...people.values()].filter((login) => WRITE_ROLES.has(permissions[login]) && login.toLowerCase() !== pullRequest?.author.toLowerCase() && !isBot(login, ''));
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
async function repositoryRole(client, login) {
    const { octokit, owner, repo } = client;
    try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
        // role_name distinguishes maintain and triage, which `permission` folds into write and read.
        return (data.role_name || data.permission || 'none').toLowerCase();
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


/***/ })

};
