export const id = 657;
export const ids = [657];
export const modules = {

/***/ 74522:
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
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(57994);
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
        report.notes.push(`Approvals for a production release: ${verdict.counted.length} of ${verdict.required}${verdict.satisfied ? ' (enough)' : ''}${verdict.blockers.length ? `, blocked by ${verdict.blockers.map((b) => b.login).join(', ')}` : ''}.`);
    }
    catch (error) {
        run.runner.warning(`Could not read the pull request's approval state: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** Keeps one comment on the pull request with this run's result, updated in place on every run. */
async function commentOnPullRequest(run) {
    const { settings, context, report } = run;
    const number = (0,github_context/* pullRequestNumber */.Kd)(context);
    if (!(0,github_context/* isPullRequestEvent */.T5)(context.eventName) || number === undefined || !settings.githubToken)
        return;
    try {
        const client = await run.github();
        const footer = `\n---\n[Workflow run](${(0,github_context/* runUrl */.Vp)(context)}) · commit ${context.payload.pull_request?.head?.sha?.slice(0, 7) ?? context.sha.slice(0, 7)}`;
        await upsertPullRequestComment(client, context, number, `validation-${settings.environment}`, (0,summary/* renderSummary */.B)(report) + footer);
    }
    catch (error) {
        // Best effort: a missing pull-requests: write permission must not fail a validation.
        run.runner.warning(`Could not update the pull request comment (${(0,errors/* errorMessage */.gJ)(error)}). Grant 'pull-requests: write' to enable it.`);
    }
}


/***/ }),

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

/***/ 36657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateFlow: () => (/* binding */ validateFlow)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __webpack_require__(57330);
// EXTERNAL MODULE: ./src/flows/pull-request.ts + 1 modules
var pull_request = __webpack_require__(74522);
// EXTERNAL MODULE: ./src/flows/quick-deploy.ts + 1 modules
var quick_deploy = __webpack_require__(22244);
// EXTERNAL MODULE: ./src/flows/salesforce-steps.ts + 1 modules
var salesforce_steps = __webpack_require__(92875);
;// CONCATENATED MODULE: ./src/flows/timing.ts
/** Starts `work` once the I/O already queued (a request being sent) has had its turn. */
function afterPendingIo(work) {
    return new Promise((resolve) => setTimeout(resolve, 0)).then(work);
}

;// CONCATENATED MODULE: ./src/flows/validate.ts







/**
 * Pull-request validation: a check-only deploy against the sandbox (and, when asked, against
 * production so the release can quick deploy it). Never changes either org.
 */
async function validateFlow(run) {
    // Packaging is local work: it runs while the orgs authenticate, started once the first
    // request is on its way so that loading source-deploy-retrieve does not hold it back.
    const connecting = (0,salesforce_steps/* connectOrgs */.iT)(run, run.settings.validateProduction ? ['sandbox', 'production'] : ['sandbox']);
    const packaged = afterPendingIo(() => (0,salesforce_steps/* packageSource */.iJ)(run, run.context.payload.pull_request?.base?.sha ?? run.context.payload.before));
    packaged.catch(() => undefined);
    const [sandbox, production] = await connecting;
    const pkg = await packaged;
    const validation = await (0,salesforce_steps/* runOperation */.xj)(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true });
    run.report.validationId = validation.id;
    const evidence = (0,salesforce_steps/* assertValidation */.A3)(run, validation, 'Sandbox validation', pkg);
    if (production) {
        const productionValidation = await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Production validation', checkOnly: true });
        run.report.productionValidationId = productionValidation.id;
        const productionEvidence = (0,salesforce_steps/* assertValidation */.A3)(run, productionValidation, 'Production validation', pkg);
        (0,run_report/* recordGate */.RX)(run.report, errors/* Gate */.iD.Validation, 'passed', `${evidence}; ${productionEvidence}`);
        await (0,quick_deploy/* recordProductionValidation */.MZ)(run, production, pkg, productionValidation);
    }
    await (0,pull_request/* reportApprovalState */.t)(run);
    run.report.status = constants/* RunStatus */.i2.Succeeded;
    run.report.message = `Validation succeeded against ${production ? 'the sandbox and production' : 'the sandbox'}; nothing was changed in any org.`;
}


/***/ })

};
