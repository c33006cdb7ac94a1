export const id = 905;
export const ids = [905];
export const modules = {

/***/ 53905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  releaseFlow: () => (/* binding */ releaseFlow)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/approvals.ts
var approvals = __webpack_require__(70047);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(96584);
;// CONCATENATED MODULE: ./src/github/branch.ts



/**
 * Gate 1, second half: the run's ref is a branch matching `production-branches` (the repository's
 * default branch when empty) and GitHub reports it as protected. Returns a one-line evidence
 * string for the report; throws GateError(Gate.Branch) naming the branch and what would satisfy.
 */
async function assertProductionBranch(client, context, productionBranches) {
    const { octokit, owner, repo } = client;
    let patterns = productionBranches;
    if (patterns.length === 0) {
        const { data } = await octokit.rest.repos.get({ owner, repo });
        patterns = [data.default_branch];
    }
    const allowed = patterns.join(', ');
    const branch = branchOfRef(context.ref);
    if (branch === undefined) {
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Branch, `ref '${(0,errors/* sanitize */.aj)(context.ref)}' is not a branch; a production deploy runs only from a production branch (${allowed}). Run the release from ${patterns[0]}.`);
    }
    if (!matchesAnyBranchPattern(branch, patterns)) {
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Branch, `Branch '${(0,errors/* sanitize */.aj)(branch)}' is not in ${constants/* Inputs */.G0.ProductionBranches} (${allowed}). Run the release from ${patterns[0]} or add the branch to ${constants/* Inputs */.G0.ProductionBranches}.`);
    }
    let isProtected;
    try {
        const { data } = await octokit.rest.repos.getBranch({ owner, repo, branch });
        isProtected = data.protected === true;
    }
    catch (error) {
        if ((0,github_client/* httpStatus */.nG)(error) !== 404)
            throw error;
        throw new errors/* GateError */.ue(errors/* Gate */.iD.Branch, `Branch '${(0,errors/* sanitize */.aj)(branch)}' was not found on GitHub (${(0,github_client/* describe */.q0)(error)}), so its protection cannot be confirmed. Run the release from a branch that exists and is protected.`);
    }
    if (isProtected)
        return `Branch '${branch}' matches ${constants/* Inputs */.G0.ProductionBranches} (${allowed}) and is protected on GitHub.`;
    // Repository rulesets protect a branch without setting the classic `protected` flag; a ruleset
    // that requires pull requests gives the same guarantee, so it counts too.
    if (await hasPullRequestRule(client, branch)) {
        return `Branch '${branch}' matches ${constants/* Inputs */.G0.ProductionBranches} (${allowed}) and a repository ruleset requires pull requests on it.`;
    }
    throw new errors/* GateError */.ue(errors/* Gate */.iD.Branch, `Branch '${(0,errors/* sanitize */.aj)(branch)}' is not protected on GitHub. Protect it (Settings → Branches, or a ruleset that requires pull requests) so that changes reach it only through reviewed pull requests.`);
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
 * GitHub's branch-pattern matching (fnmatch with path-name semantics): `*` matches within one
 * `/`-separated segment, `**` across segments, `?` one character other than `/`, `[…]` a
 * character class. Everything else is literal, so `release.1` does not match `release-1`.
 */
function matchesBranchPattern(branch, pattern) {
    return branchPatternToRegExp(pattern.replace(/^refs\/heads\//, '')).test(branch);
}
function branchPatternToRegExp(pattern) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '*') {
            if (pattern[i + 1] === '*') {
                // `**/` may also match no directory at all: `**/hotfix` matches `hotfix`.
                if (pattern[i + 2] === '/') {
                    source += '(?:.*/)?';
                    i += 2;
                }
                else {
                    source += '.*';
                    i += 1;
                }
            }
            else {
                source += '[^/]*';
            }
        }
        else if (char === '?') {
            source += '[^/]';
        }
        else if (char === '[') {
            const end = pattern.indexOf(']', i + 2);
            if (end < 0) {
                source += '\\[';
            }
            else {
                const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
                source += `[${body}]`;
                i = end;
            }
        }
        else {
            source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
        }
    }
    return new RegExp(`^${source}$`);
}
async function hasPullRequestRule(client, branch) {
    const { octokit, owner, repo } = client;
    try {
        const { data } = await octokit.rest.repos.getBranchRules({ owner, repo, branch });
        return data.some((rule) => rule.type === 'pull_request');
    }
    catch (error) {
        // Older GitHub Enterprise servers have no rulesets; without the endpoint only classic protection counts.
        if ((0,github_client/* httpStatus */.nG)(error) === 404)
            return false;
        throw error;
    }
}

// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/github/artifacts.ts
var artifacts = __webpack_require__(4616);
// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(16887);
// EXTERNAL MODULE: ./src/plan.ts
var plan = __webpack_require__(22464);
// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __webpack_require__(57330);
// EXTERNAL MODULE: ./src/rollback/bundle.ts
var bundle = __webpack_require__(85038);
// EXTERNAL MODULE: ./src/rollback/snapshot.ts + 1 modules
var rollback_snapshot = __webpack_require__(31708);
// EXTERNAL MODULE: ./src/salesforce/deploy-result.ts
var deploy_result = __webpack_require__(42328);
// EXTERNAL MODULE: ./src/flows/gates.ts
var gates = __webpack_require__(83973);
// EXTERNAL MODULE: ./src/flows/salesforce-steps.ts + 2 modules
var salesforce_steps = __webpack_require__(64139);
;// CONCATENATED MODULE: ./src/flows/release.ts


















/** `mode: deploy`: straight to a sandbox, or through every gate of SPEC.md to production. */
async function releaseFlow(run) {
    if (run.settings.environment === 'sandbox')
        return sandboxDeploy(run);
    const { settings, context, report } = run;
    const github = await (0,github_client/* createGitHubClient */.LX)(settings.githubToken, context);
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.Branch, async () => {
        (0,plan/* assertNotPullRequestDeploy */.b)(settings, context);
        return assertProductionBranch(github, context, settings.productionBranches);
    });
    const sandbox = await (0,salesforce_steps/* connectOrg */.Pr)(run, 'sandbox');
    const production = await (0,salesforce_steps/* connectOrg */.Pr)(run, 'production');
    (0,salesforce_steps/* recordOrgIdentity */.iy)(run);
    // The cheap approval check runs before the hour of tests; it is repeated before production.
    const policy = { required: settings.requiredApprovals, approvers: settings.approvers, allowStale: settings.allowStaleApprovals };
    await checkApprovals(run, github, policy, 'before validation');
    const pkg = await (0,salesforce_steps/* packageSource */.iJ)(run);
    const validation = await (0,salesforce_steps/* runOperation */.xj)(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true });
    report.validationId = validation.id;
    (0,salesforce_steps/* assertValidation */.A3)(run, validation, 'Sandbox validation');
    await checkApprovals(run, github, policy, 'right before the production deploy');
    const name = settings.rollbackArtifactName ?? (0,bundle/* rollbackArtifactName */.AP)(production.identity.id, context.runId, context.runAttempt);
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.Snapshot, async () => {
        const snapshot = await (0,rollback_snapshot/* saveRollbackSnapshot */.a)(production, pkg.components, {
            name,
            commit: context.sha,
            workDir: (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'sf-rollback-')),
            store: (0,artifacts/* createArtifactStore */.G)(context, settings.githubToken),
            apiVersion: settings.apiVersion,
            timeoutMs: settings.waitMinutes * 60000,
            log: run.runner.info,
            release: { runId: context.runId, runAttempt: context.runAttempt },
        });
        report.rollbackArtifact = snapshot.name;
        const restores = snapshot.manifest.components.length;
        const deletes = snapshot.manifest.destructive?.length ?? 0;
        return `artifact '${snapshot.name}' uploaded and read back, checksums verified: restores ${restores} component(s), deletes ${deletes} the release adds`;
    });
    if (settings.dryRun) {
        report.status = constants/* RunStatus */.i2.Skipped;
        report.message = `Dry run: every gate passed and the rollback artifact '${name}' is saved; nothing was submitted to production.`;
        return;
    }
    const deploymentId = await (0,deployments/* createDeployment */.Yy)(github, context, {
        environment: settings.environment,
        description: `Salesforce deploy of ${context.sha.slice(0, 7)} to ${production.identity.name}`,
        payload: { orgId: production.identity.id, validationId: validation.id, rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
    });
    report.deploymentId = deploymentId;
    await (0,deployments/* setDeploymentStatus */.e9)(github, context, deploymentId, { state: 'in_progress', description: 'Deploying to production', logUrl: (0,github_context/* runUrl */.Vp)(context) });
    try {
        const deploy = await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Production deploy', checkOnly: false });
        report.deployId = deploy.id;
        report.quickDeployed = false;
        const link = (0,run_report/* setupDeployUrl */.i7)(production.identity.instanceUrl, deploy.id);
        if (!deploy.success) {
            await (0,deployments/* setDeploymentStatus */.e9)(github, context, deploymentId, { state: 'failure', description: `Deploy ${deploy.id} ${deploy.status}`, environmentUrl: link, logUrl: (0,github_context/* runUrl */.Vp)(context) });
            throw new errors/* SalesforceError */.mO(`Production deploy ${deploy.id} ${deploy.status}: ${(0,deploy_result/* failureSummary */.jg)(deploy)}. Salesforce rolled it back (rollbackOnError); production is unchanged.`);
        }
        await (0,deployments/* setDeploymentStatus */.e9)(github, context, deploymentId, { state: 'success', description: `Deploy ${deploy.id} succeeded; rollback artifact ${name}`, environmentUrl: link, logUrl: (0,github_context/* runUrl */.Vp)(context) });
    }
    catch (error) {
        if (!(error instanceof errors/* SalesforceError */.mO)) {
            await (0,deployments/* setDeploymentStatus */.e9)(github, context, deploymentId, { state: 'error', description: 'The deploy could not be completed', logUrl: (0,github_context/* runUrl */.Vp)(context) }).catch(() => undefined);
        }
        throw error;
    }
    report.status = constants/* RunStatus */.i2.Succeeded;
    report.message = `Deployed to production ${production.identity.name} (${report.deployId}). Rollback artifact: ${name}.`;
}
/** Evaluates the approval gate and records who counted. */
async function checkApprovals(run, github, policy, when) {
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.Approvals, async () => {
        const evidence = await (0,approvals/* gatherApprovalEvidence */.ox)(github, run.context, policy, run.settings.environment);
        const verdict = (0,approvals/* evaluateApprovals */.EQ)(evidence, policy, run.settings.environment);
        run.report.approvalLines = [
            ...verdict.counted.map((c) => `${c.login}: counted (${c.source})`),
            ...verdict.notCounted.map((n) => `${n.login}: not counted, ${n.reason}`),
            ...verdict.blockers.map((b) => `${b.login}: blocks, ${b.reason}`),
        ];
        (0,approvals/* assertApprovals */.j7)(verdict);
        return `${verdict.counted.length} of ${verdict.required} required approval(s) (${verdict.counted.map((c) => c.login).join(', ') || 'none needed'}), checked ${when}`;
    });
}
/** A deploy to a sandbox: no production gates, tests per test-level. */
async function sandboxDeploy(run) {
    const sandbox = await (0,salesforce_steps/* connectOrg */.Pr)(run, 'sandbox');
    (0,salesforce_steps/* recordOrgIdentity */.iy)(run);
    const pkg = await (0,salesforce_steps/* packageSource */.iJ)(run);
    const deploy = await (0,salesforce_steps/* runOperation */.xj)(run, sandbox, pkg, { label: 'Sandbox deploy', checkOnly: false });
    run.report.deployId = deploy.id;
    if (!deploy.success)
        throw new errors/* SalesforceError */.mO(`Sandbox deploy ${deploy.id} ${deploy.status}: ${(0,deploy_result/* failureSummary */.jg)(deploy)}.`);
    run.report.status = constants/* RunStatus */.i2.Succeeded;
    run.report.message = `Deployed to the sandbox ${sandbox.identity.name} (${deploy.id}).`;
}


/***/ }),

/***/ 70047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EQ: () => (/* binding */ evaluateApprovals),
/* harmony export */   j7: () => (/* binding */ assertApprovals),
/* harmony export */   ox: () => (/* binding */ gatherApprovalEvidence)
/* harmony export */ });
/* unused harmony export latestOpinions */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96584);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19556);




const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);
/**
 * Gate 4 as a pure decision (SPEC.md "Gates a production deploy must pass", item 4). Per
 * reviewer only the latest APPROVED / CHANGES_REQUESTED review counts, a DISMISSED one erases
 * the opinion; approvals must be of the pull request's head commit unless stale ones are
 * allowed; the author, bots and users without write access never count; an outstanding request
 * for changes from a writer blocks. Approvals of this run's deployment review for `environment`
 * count too, each person once across both sources.
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
                if (hasWrite(login)) {
                    blockers.push({ login, reason: `requested changes (review ${review.id} on ${short(review.commitId)}) and has not approved since` });
                }
                else {
                    notCounted.push({ login, reason: `requested changes but has ${role(login)} access only, so the request does not block` });
                }
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
