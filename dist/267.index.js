export const id = 267;
export const ids = [267];
export const modules = {

/***/ 83267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentOnPullRequest: () => (/* binding */ commentOnPullRequest),
  t: () => (/* binding */ reportApprovalState)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/approvals.ts
var approvals = __webpack_require__(70047);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(96584);
;// CONCATENATED MODULE: ./src/github/comment.ts

/** GitHub's limit on an issue comment body. */
const COMMENT_LIMIT = 65_536;
/** The hidden line that identifies this action's comment of one kind on a pull request. */
function commentMarker(marker) {
    return `<!-- salesforce-gated-deploy:${marker} -->`;
}
/**
 * Keeps one comment per pull request and marker: the comment carrying the marker is updated in
 * place, or created on the first run. Returns the comment id.
 */
async function upsertPullRequestComment(client, _context, prNumber, marker, body) {
    const { octokit, owner, repo } = client;
    const hidden = commentMarker(marker);
    const text = fit(`${hidden}\n${body}`);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: prNumber, per_page: 100 });
    // Anyone can paste the marker into a comment of their own, which this token cannot edit: try
    // each marked comment, newest first, and fall back to a new one.
    const marked = comments.filter((c) => c.body?.includes(hidden)).reverse();
    for (const comment of marked) {
        try {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: comment.id, body: text });
            return comment.id;
        }
        catch (error) {
            const status = (0,github_client/* httpStatus */.nG)(error);
            if (status !== 403 && status !== 404)
                throw error;
        }
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: prNumber, body: text });
    return data.id;
}
function fit(text) {
    if (text.length <= COMMENT_LIMIT)
        return text;
    const note = '\n\n… (truncated: the full report is in the job summary)';
    return text.slice(0, COMMENT_LIMIT - note.length) + note;
}

// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/report/coverage.ts
var coverage = __webpack_require__(73122);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(57994);
// EXTERNAL MODULE: ./src/report/tested-operation.ts
var tested_operation = __webpack_require__(81985);
;// CONCATENATED MODULE: ./src/report/comment.ts




const MAX_FAILURES = 10;
const MAX_COMPONENTS = 30;
/**
 * The pull-request comment: short enough to read in a conversation. The verdict, the failures
 * (the first ten), the approval state the release will face, and what merging would do; org
 * tables, per-class coverage and timings stay in the job summary, linked at the end.
 */
function renderPullRequestComment(report, preview) {
    const status = report.status ?? constants/* RunStatus */.i2.Failed;
    const verdict = {
        [constants/* RunStatus */.i2.Succeeded]: 'Validation passed',
        [constants/* RunStatus */.i2.Failed]: 'Validation failed',
        [constants/* RunStatus */.i2.Blocked]: 'Validation blocked',
        [constants/* RunStatus */.i2.Skipped]: 'Validation skipped',
    }[status];
    const lines = [`### ${summary/* STATUS_ICON */.tW[status] ?? ''} ${verdict}: Salesforce ${preview.environment}`];
    if (report.message)
        lines.push('', (0,summary/* quote */.hD)(report.message));
    const failures = (0,summary/* failureRows */.qQ)(report);
    if (failures.length) {
        const shown = failures.slice(0, MAX_FAILURES);
        lines.push('', `**Failures**${failures.length > shown.length ? ` (${shown.length} of ${failures.length}; all of them in the job summary)` : ''}`, '');
        lines.push('| operation | type | name | line | problem |', '|---|---|---|---|---|', ...shown.map(summary/* failureRow */.$K));
    }
    const tested = (0,tested_operation/* testedOperation */.d)(report);
    if (tested && tested.outcome.coverage !== undefined) {
        const rows = (0,coverage/* classCoverageRows */.IR)(tested.outcome.classCoverage, preview.coverageThreshold);
        const below = rows.filter((r) => r.belowThreshold);
        const names = below.slice(0, 5).map((r) => `${(0,summary/* escape */.ih)(r.name)} ${r.percent}%`).join(', ');
        lines.push('', `**Tests**: ${tested.outcome.testsRun - tested.outcome.testsFailed}/${tested.outcome.testsRun} passed · coverage ${tested.outcome.coverage}% org-wide (threshold ${preview.coverageThreshold}%)` +
            (below.length ? ` · ${below.length} class${below.length === 1 ? '' : 'es'} below it: ${names}${below.length > 5 ? ', …' : ''}` : ''));
    }
    if (report.approvalSummary) {
        lines.push('', `**Approvals** for the release: ${report.approvalsSatisfied ? '✅' : '⏳'} ${(0,summary/* escape */.ih)(report.approvalSummary)}`);
        if (report.approvalLines?.length)
            lines.push('', '<details><summary>Who counts</summary>', '', ...report.approvalLines.map((l) => `- ${(0,summary/* escape */.ih)(l)}`), '', '</details>');
    }
    lines.push('', '**What merging would do**', '', ...releaseSteps(report, preview));
    if (report.componentNames?.length) {
        const shown = report.componentNames.slice(0, MAX_COMPONENTS);
        lines.push('', `<details><summary>${report.componentNames.length} component${report.componentNames.length === 1 ? '' : 's'}</summary>`, '', ...shown.map((c) => `- ${(0,summary/* escape */.ih)(c)}`));
        if (report.componentNames.length > shown.length)
            lines.push(`- … and ${report.componentNames.length - shown.length} more in the job summary`);
        lines.push('', '</details>');
    }
    lines.push('', `[Job summary](${preview.runUrl}): orgs, Salesforce operations, coverage by class, timings · commit \`${preview.commit}\``);
    return `${lines.join('\n')}\n`;
}
/** The release's steps in order, as a numbered list a release manager can check off. */
function releaseSteps(report, preview) {
    const deletes = report.componentNames?.filter((c) => c.startsWith('delete ')).length ?? 0;
    const deploys = (report.components ?? 0) - deletes;
    const scope = report.components === undefined ? 'the package' : `${deploys} component${deploys === 1 ? '' : 's'}${deletes ? ` and delete ${deletes}` : ''}`;
    const delta = preview.delta ? ' (only what changed since the last production deploy)' : '';
    if (preview.environment !== 'production') {
        return [`1. Deploy ${scope}${delta} to the sandbox, tests ${preview.testLevel}.`];
    }
    const production = report.orgs.production ? ` **${(0,summary/* escape */.ih)(report.orgs.production.name)}**` : '';
    return [
        `1. Validate ${scope}${delta} against the sandbox, tests ${preview.testLevel}, coverage at least ${preview.coverageThreshold}%.`,
        `2. Check ${preview.requiredApprovals} approval${preview.requiredApprovals === 1 ? '' : 's'} of the merged pull request's head commit.`,
        '3. Save a rollback artifact of what production has now, and read it back.',
        `4. Deploy to production${production}: ${preview.validateProduction && report.productionValidationId ? `a quick deploy of production validation \`${report.productionValidationId}\` while Salesforce still accepts it, else a full deploy with tests` : 'a full deploy with tests'}, rolled back by Salesforce on any error.`,
    ];
}

;// CONCATENATED MODULE: ./src/flows/pull-request.ts





/**
 * In a pull-request run, the approval state the release will face, for information only: the
 * gate itself runs at release time on the merged pull request.
 */
async function reportApprovalState(run) {
    const { settings, context, report } = run;
    if (!(0,github_context/* isPullRequestEvent */.T5)(context.eventName) || !settings.githubToken)
        return;
    try {
        const policy = (0,approvals/* approvalPolicy */.Uh)(settings);
        const verdict = (0,approvals/* evaluateApprovals */.EQ)(await (0,approvals/* gatherApprovalEvidence */.ox)(await run.github(), context, policy, 'production'), policy, 'production');
        report.approvalLines = (0,approvals/* describeVerdict */.XZ)(verdict);
        report.approvalsSatisfied = verdict.satisfied;
        report.approvalSummary = `${verdict.counted.length} of ${verdict.required}${verdict.satisfied ? ' (enough)' : ''}${verdict.blockers.length ? `, blocked by ${verdict.blockers.map((b) => b.login).join(', ')}` : ''}`;
        report.notes.push(`Approvals for a production release: ${report.approvalSummary}.`);
    }
    catch (error) {
        report.approvalSummary = 'could not be read (see the warnings)';
        run.runner.warning(`Could not read the pull request's approval state: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** Keeps one condensed comment on the pull request with this run's result, updated in place on every run. */
async function commentOnPullRequest(run) {
    const { settings, context, report } = run;
    const number = (0,github_context/* pullRequestNumber */.Kd)(context);
    if (!(0,github_context/* isPullRequestEvent */.T5)(context.eventName) || number === undefined || !settings.githubToken)
        return;
    // A failed validation stops before the approvals are read; the comment still tells them.
    if (report.approvalSummary === undefined && run.settings.mode === 'validate')
        await reportApprovalState(run);
    try {
        const client = await run.github();
        const body = renderPullRequestComment(report, {
            environment: settings.environment,
            testLevel: settings.testLevel,
            coverageThreshold: settings.coverageThreshold,
            requiredApprovals: settings.requiredApprovals,
            validateProduction: settings.validateProduction,
            delta: settings.delta,
            runUrl: (0,github_context/* runUrl */.Vp)(context),
            commit: (context.payload.pull_request?.head?.sha ?? context.sha).slice(0, 7),
        });
        await upsertPullRequestComment(client, context, number, `validation-${settings.environment}`, body);
    }
    catch (error) {
        // Best effort: a missing pull-requests: write permission must not fail a validation.
        run.runner.warning(`Could not update the pull request comment (${(0,errors/* errorMessage */.gJ)(error)}). Grant 'pull-requests: write' to enable it.`);
    }
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


/***/ })

};
