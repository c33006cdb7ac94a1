export const id = 905;
export const ids = [905];
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
        await recordValidation(await run.github(), 'production', record);
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

/***/ 53905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  releaseFlow: () => (/* binding */ releaseFlow)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/approvals.ts
var approvals = __webpack_require__(70047);
// EXTERNAL MODULE: ./src/github/artifacts.ts
var artifacts = __webpack_require__(4616);
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

// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(16887);
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
// EXTERNAL MODULE: ./src/flows/recorded-deploy.ts
var recorded_deploy = __webpack_require__(97793);
// EXTERNAL MODULE: ./src/flows/run-state.ts
var run_state = __webpack_require__(13180);
// EXTERNAL MODULE: ./src/flows/salesforce-steps.ts + 1 modules
var salesforce_steps = __webpack_require__(92875);
;// CONCATENATED MODULE: ./src/flows/release.ts















/** `mode: deploy`: straight to a sandbox, or through every gate of SPEC.md to production. */
async function releaseFlow(run) {
    if (run.settings.environment === 'sandbox')
        return sandboxDeploy(run);
    const { settings, context, report } = run;
    const github = await run.github();
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.Branch, () => assertProductionBranch(github, context, settings.productionBranches));
    const [sandbox, production] = await (0,salesforce_steps/* connectOrgs */.iT)(run, ['sandbox', 'production']);
    // The cheap approval check runs before the hour of tests; it is repeated before the snapshot
    // and again right before the production deploy, since a review can be dismissed meanwhile.
    const policy = (0,approvals/* approvalPolicy */.Uh)(settings);
    await checkApprovals(run, policy, 'before validation');
    const pkg = await (0,salesforce_steps/* packageSource */.iJ)(run, settings.delta ? await releaseDeltaBase(run) : undefined);
    const validation = await (0,salesforce_steps/* runOperation */.xj)(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true });
    report.validationId = validation.id;
    (0,salesforce_steps/* assertValidation */.A3)(run, validation, 'Sandbox validation', pkg);
    await checkApprovals(run, policy, 'after validation');
    const name = settings.rollbackArtifactName ?? (0,bundle/* rollbackArtifactName */.AP)(production.identity.id, context.runId, context.runAttempt);
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.Snapshot, async () => {
        const snapshot = await (0,rollback_snapshot/* saveRollbackSnapshot */.a)(production, pkg.components, {
            name,
            commit: context.sha,
            workDir: (0,run_state/* runTempDir */.j)('sf-rollback-'),
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
    const approvedHead = await checkApprovals(run, policy, 'right before the production deploy');
    if (settings.dryRun) {
        report.status = constants/* RunStatus */.i2.Skipped;
        report.message = `Dry run: every gate passed and the rollback artifact '${name}' is saved; nothing was submitted to production.`;
        return;
    }
    const quick = settings.validateProduction ? await (0,quick_deploy/* findQuickDeployable */.Wv)(run, github, production, pkg, approvedHead) : undefined;
    const deploy = await (0,recorded_deploy/* recordedDeploy */.U)(run, production, {
        label: 'Production deploy',
        environment: settings.environment,
        description: `Salesforce deploy of ${context.sha.slice(0, 7)} to ${production.identity.name}`,
        payload: { orgId: production.identity.id, validationId: validation.id, rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
        inProgress: 'Deploying to production',
        succeeded: (id) => `Deploy ${id} succeeded; rollback artifact ${name}`,
        whenFailed: 'Salesforce rolled it back (rollbackOnError); production is unchanged.',
    }, async (onSubmitted) => (quick && (await quickDeploy(run, production, pkg, quick.validationId, onSubmitted))) || (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Production deploy', checkOnly: false, onSubmitted }));
    report.quickDeployed ??= false;
    report.status = constants/* RunStatus */.i2.Succeeded;
    report.message = `Deployed to production ${production.identity.name} (${deploy.id}${report.quickDeployed ? ', quick deploy' : ''}). Rollback artifact: ${name}.`;
}
/**
 * Quick deploys a production validation of this exact content. When Salesforce refuses it (a
 * deploy since then invalidated it, or it expired) nothing started, and undefined says a full
 * deploy should follow.
 */
async function quickDeploy(run, production, pkg, validationId, onSubmitted) {
    try {
        const outcome = await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Production quick deploy', checkOnly: false, quickDeployOf: validationId, onSubmitted });
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
async function releaseDeltaBase(run) {
    const last = await (0,deployments/* lastSuccessfulDeployment */.Kk)(await run.github(), run.context, run.settings.environment);
    if (last?.task === 'deploy:rollback') {
        run.report.notes.push('delta: the last production change was a rollback, which matches no commit; the whole source was packaged.');
        return undefined;
    }
    return last?.sha ?? run.context.payload.before;
}
/** Evaluates the approval gate and records who counted; returns the approved pull request's head. */
async function checkApprovals(run, policy, when) {
    let head;
    await (0,gates/* passGate */.l)(run, errors/* Gate */.iD.Approvals, async () => {
        const evidence = await (0,approvals/* gatherApprovalEvidence */.ox)(await run.github(), run.context, policy, run.settings.environment);
        const verdict = (0,approvals/* evaluateApprovals */.EQ)(evidence, policy, run.settings.environment);
        run.report.approvalLines = (0,approvals/* describeVerdict */.XZ)(verdict);
        (0,approvals/* assertApprovals */.j7)(verdict);
        head = evidence.pullRequest?.headSha;
        return `${verdict.counted.length} of ${verdict.required} required approval(s) (${verdict.counted.map((c) => c.login).join(', ') || 'none needed'}), checked ${when}`;
    });
    return head;
}
/** A deploy to a sandbox: no production gates, tests per test-level. */
async function sandboxDeploy(run) {
    const [sandbox] = await (0,salesforce_steps/* connectOrgs */.iT)(run, ['sandbox']);
    const pkg = await (0,salesforce_steps/* packageSource */.iJ)(run);
    const deploy = await (0,salesforce_steps/* runOperation */.xj)(run, sandbox, pkg, { label: 'Sandbox deploy', checkOnly: false, onSubmitted: (id) => (run.report.deployId = id) });
    run.report.deployId = deploy.id;
    if (!deploy.success)
        throw new errors/* SalesforceError */.mO(`Sandbox deploy ${deploy.id} ${deploy.status}: ${(0,deploy_result/* failureSummary */.jg)(deploy)}`);
    run.report.status = constants/* RunStatus */.i2.Succeeded;
    run.report.message = `Deployed to the sandbox ${sandbox.identity.name} (${deploy.id}).`;
}


/***/ })

};
