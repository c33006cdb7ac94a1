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
