export const id = 431;
export const ids = [431];
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

/***/ 15431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateFlow: () => (/* binding */ validateFlow)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _report_run_report_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(57330);
/* harmony import */ var _pull_request_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83267);
/* harmony import */ var _quick_deploy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22244);
/* harmony import */ var _salesforce_steps_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92875);
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72795);







/**
 * Pull-request validation: a check-only deploy against the sandbox (and, when asked, against
 * production so the release can quick deploy it). Never changes either org.
 */
async function validateFlow(run) {
    // Packaging is local work: its worker started with the run (main.ts) and loads
    // source-deploy-retrieve while the orgs authenticate; it gets its job once the first request
    // is on its way.
    const connecting = (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_4__/* .connectOrgs */ .iT)(run, run.settings.validateProduction ? ['sandbox', 'production'] : ['sandbox']);
    const packaged = (0,_timing_js__WEBPACK_IMPORTED_MODULE_5__/* .afterPendingIo */ .U)(() => (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_4__/* .packageSource */ .iJ)(run, run.context.payload.pull_request?.base?.sha ?? run.context.payload.before));
    packaged.catch(() => undefined);
    const [sandbox, production] = await connecting;
    const pkg = await packaged;
    // The approval state is display (the release reads its own evidence): it is read while
    // Salesforce works on the validation, not after.
    let approvals;
    const readApprovals = () => (approvals ??= (0,_pull_request_js__WEBPACK_IMPORTED_MODULE_2__/* .reportApprovalState */ .t)(run));
    try {
        const validation = await (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_4__/* .runOperation */ .xj)(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true, onSubmitted: () => void readApprovals() });
        run.report.validationId = validation.id;
        const evidence = (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_4__/* .assertValidation */ .A3)(run, validation, 'Sandbox validation', pkg);
        if (production) {
            const productionValidation = await (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_4__/* .runOperation */ .xj)(run, production, pkg, { label: 'Production validation', checkOnly: true });
            run.report.productionValidationId = productionValidation.id;
            const productionEvidence = (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_4__/* .assertValidation */ .A3)(run, productionValidation, 'Production validation', pkg);
            (0,_report_run_report_js__WEBPACK_IMPORTED_MODULE_6__/* .recordGate */ .RX)(run.report, _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .Gate */ .iD.Validation, 'passed', `${evidence}; ${productionEvidence}`);
            await (0,_quick_deploy_js__WEBPACK_IMPORTED_MODULE_3__/* .recordProductionValidation */ .MZ)(run, production, pkg, productionValidation);
        }
        await readApprovals();
    }
    finally {
        // A failed validation's comment reports the approvals read meanwhile (commentOnPullRequest).
        await approvals;
    }
    run.report.status = _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Succeeded;
    run.report.message = `Validation succeeded against ${production ? 'the sandbox and production' : 'the sandbox'}; nothing was changed in any org.`;
}


/***/ })

};
