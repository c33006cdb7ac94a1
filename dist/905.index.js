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
// EXTERNAL MODULE: ./src/salesforce/deploy.ts
var deploy = __webpack_require__(72204);
// EXTERNAL MODULE: ./src/salesforce/deploy-result.ts
var deploy_result = __webpack_require__(42328);
// EXTERNAL MODULE: ./src/flows/gates.ts
var gates = __webpack_require__(83973);
// EXTERNAL MODULE: ./src/flows/quick-deploy.ts + 1 modules
var quick_deploy = __webpack_require__(22244);
// EXTERNAL MODULE: ./src/flows/salesforce-steps.ts + 1 modules
var salesforce_steps = __webpack_require__(92875);
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
    // Inside passGate so that credentials reaching the wrong kind of org show as a refused gate.
    let sandbox;
    let production;
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.OrgIdentity, async () => {
        sandbox = await (0,salesforce_steps/* connectOrg */.Pr)(run, 'sandbox');
        production = await (0,salesforce_steps/* connectOrg */.Pr)(run, 'production');
        (0,salesforce_steps/* recordOrgIdentity */.iy)(run);
        return report.gates.find((g) => g.gate === errors/* Gate */.iD.OrgIdentity).detail;
    });
    // The cheap approval check runs before the hour of tests; it is repeated before production.
    const policy = { required: settings.requiredApprovals, approvers: settings.approvers, allowStale: settings.allowStaleApprovals };
    await checkApprovals(run, github, policy, 'before validation');
    const pkg = await (0,salesforce_steps/* packageSource */.iJ)(run, settings.delta ? await releaseDeltaBase(run, github) : undefined);
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
            // Components the release deletes are saved too, so the rollback can bring them back.
            release: { runId: context.runId, runAttempt: context.runAttempt, deleted: pkg.destructive ?? [] },
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
    const quick = await (0,quick_deploy/* findQuickDeployable */.W)(run, github, production, pkg);
    const deploymentId = await (0,deployments/* createDeployment */.Yy)(github, context, {
        environment: settings.environment,
        description: `Salesforce deploy of ${context.sha.slice(0, 7)} to ${production.identity.name}`,
        payload: { orgId: production.identity.id, validationId: validation.id, rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
    });
    report.deploymentId = deploymentId;
    await (0,deployments/* setDeploymentStatus */.e9)(github, context, deploymentId, { state: 'in_progress', description: 'Deploying to production', logUrl: (0,github_context/* runUrl */.Vp)(context) });
    let deploy;
    try {
        if (quick)
            deploy = await quickDeploy(run, production, pkg, quick.validationId);
        deploy ??= await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Production deploy', checkOnly: false });
    }
    catch (error) {
        await recordDeploymentStatus(run, github, deploymentId, { state: 'error', description: 'The deploy could not be completed', logUrl: (0,github_context/* runUrl */.Vp)(context) });
        throw error;
    }
    report.deployId = deploy.id;
    report.quickDeployed ??= false;
    const link = (0,run_report/* setupDeployUrl */.i7)(production.identity.instanceUrl, deploy.id);
    if (!deploy.success) {
        await recordDeploymentStatus(run, github, deploymentId, { state: 'failure', description: `Deploy ${deploy.id} ${deploy.status}`, environmentUrl: link, logUrl: (0,github_context/* runUrl */.Vp)(context) });
        throw new errors/* SalesforceError */.mO(`Production deploy ${deploy.id} ${deploy.status}: ${(0,deploy_result/* failureSummary */.jg)(deploy)}. Salesforce rolled it back (rollbackOnError); production is unchanged.`);
    }
    await recordDeploymentStatus(run, github, deploymentId, { state: 'success', description: `Deploy ${deploy.id} succeeded; rollback artifact ${name}`, environmentUrl: link, logUrl: (0,github_context/* runUrl */.Vp)(context) });
    report.status = constants/* RunStatus */.i2.Succeeded;
    report.message = `Deployed to production ${production.identity.name} (${report.deployId}). Rollback artifact: ${name}.`;
}
/**
 * Quick deploys a production validation of this exact content. When Salesforce refuses it (a
 * deploy since then invalidated it, or it expired) nothing started, and undefined says a full
 * deploy should follow.
 */
async function quickDeploy(run, production, pkg, validationId) {
    try {
        const outcome = await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Production quick deploy', checkOnly: false, quickDeployOf: validationId });
        run.report.quickDeployed = true;
        return outcome;
    }
    catch (error) {
        if (!(error instanceof deploy/* QuickDeployRefused */.$3))
            throw error;
        run.runner.warning(`${error.message}. Running a full deploy with tests instead.`);
        return undefined;
    }
}
/**
 * The commit a delta release compares with: the last successful production deploy recorded in
 * GitHub Deployments, else the push's `before`. After a rollback production matches no commit,
 * so the whole source is packaged.
 */
async function releaseDeltaBase(run, github) {
    const last = await (0,deployments/* lastSuccessfulDeployment */.Kk)(github, run.context, run.settings.environment);
    if (last?.task === 'deploy:rollback') {
        run.report.notes.push('delta: the last production change was a rollback, which matches no commit; the whole source was packaged.');
        return undefined;
    }
    return last?.sha ?? run.context.payload.before;
}
/**
 * Records how the production deploy ended on its GitHub deployment. Once Salesforce has answered,
 * production is what it is: a GitHub failure here becomes a warning, so that the run's status
 * and message still say what happened to production rather than what happened to the record.
 */
async function recordDeploymentStatus(run, github, deploymentId, update) {
    try {
        await (0,deployments/* setDeploymentStatus */.e9)(github, run.context, deploymentId, update);
    }
    catch (error) {
        run.report.warnings.push(`${(0,errors/* errorMessage */.gJ)(error)} Production is as the run reports it; the GitHub deployment does not show it.`);
    }
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


/***/ })

};
