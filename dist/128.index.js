export const id = 128;
export const ids = [128];
export const modules = {

/***/ 21579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cancelPendingDeploy: () => (/* binding */ cancelPendingDeploy)
/* harmony export */ });
/* harmony import */ var _salesforce_connection_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92987);
/* harmony import */ var _salesforce_deploy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72204);
/* harmony import */ var _salesforce_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42328);



/**
 * Cancels the deploy the main step left running when the job was cancelled, killed, or lost the
 * answer to a submission; only a deploy Salesforce reports still running is cancelled, so a
 * deploy that already finished (succeeded, say, while the main step could not see it) is left alone.
 */
async function cancelPendingDeploy(pending, settings, log, registerSecret) {
    const credentials = pending.role === 'sandbox' ? settings.sandbox : settings.production;
    if (!credentials)
        return;
    const apiVersion = settings.apiVersion || (await (0,_salesforce_connection_js__WEBPACK_IMPORTED_MODULE_0__/* .highestApiVersion */ .Fz)(credentials, { log, retryForMs: settings.waitMinutes * 60000 }));
    const session = await (0,_salesforce_connection_js__WEBPACK_IMPORTED_MODULE_0__/* .connect */ .Ng)(credentials, { apiVersion, log, registerSecret, retryForMs: settings.waitMinutes * 60000 });
    let id = pending.id;
    if (!id && pending.submission) {
        // The main step could not tell which deploy its submission created; by now Salesforce may show it.
        const { adopted, candidates } = await (0,_salesforce_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveSubmission */ .td)(session, pending.submission);
        if (!adopted) {
            log(`The main step lost the answer to a ${pending.role} deploy submission; ${candidates.filter((c) => !c.mismatch).length} deploy(s) by the same user match it (${candidates.map((c) => c.id).join(', ') || 'none'}), so none is cancelled. Check Setup > Deployment Status.`);
            return;
        }
        log(`The deploy created by the submission whose answer was lost is ${adopted}.`);
        id = adopted;
    }
    if (!id)
        return;
    const { cancelled, status, answer } = await (0,_salesforce_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelIfRunning */ .d$)(session, id);
    if (!cancelled && answer !== 'already-completed') {
        log(`The main step ended while ${pending.role} deploy ${id} was pending; Salesforce reports it ${status}, so it is not cancelled.`);
        return;
    }
    if (answer === 'already-completed') {
        log(`The main step ended while ${pending.role} deploy ${id} was running (Salesforce reported it ${status}); it finished before the cancel reached Salesforce (INVALID_ID_FIELD: Deployment already completed), so there is nothing to cancel.`);
    }
    else {
        log(`The main step ended while ${pending.role} deploy ${id} was running; cancelling it (Salesforce reported it ${status}).`);
    }
    // What Salesforce made of it: Canceled, or committed anyway (a deploy in FinalizingDeploy cannot be cancelled).
    const end = await (0,_salesforce_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .followCancel */ .yX)(session, id, `${pending.role} deploy`, { followMs: POST_FOLLOW_MS, log });
    if (!('outcome' in end)) {
        log(`Salesforce still reports ${pending.role} deploy ${id} ${end.status} ${POST_FOLLOW_MS / 60000} minute(s) after the cancel request; check Setup > Deployment Status.`);
        return;
    }
    const { outcome } = end;
    const changed = outcome.success && !outcome.checkOnly;
    log(`Salesforce reports ${pending.role} deploy ${id} ${outcome.status}${changed ? `: the ${pending.role} org was changed although the main step did not finish` : outcome.status === _salesforce_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployStatus */ .Ut.Canceled ? ': nothing was changed' : ''}.`);
}
/** How long the post step follows a deploy it asked to cancel: a cancelled job's post step has little time. */
const POST_FOLLOW_MS = 2 * 60000;


/***/ }),

/***/ 71462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UB: () => (/* binding */ DESTRUCTIVE_CHANGES_POST),
/* harmony export */   W4: () => (/* binding */ readPackageXml),
/* harmony export */   XD: () => (/* binding */ writePackageXml),
/* harmony export */   Xv: () => (/* binding */ DESTRUCTIVE_CHANGES)
/* harmony export */ });
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41143);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20925);

/**
 * The deletion manifest that runs before the package's updates. SPEC.md fixes this name for the
 * rollback bundle's deletions (a bundle keeps it; its deploy zip renames it, see bundle.ts).
 */
const DESTRUCTIVE_CHANGES = 'destructiveChanges.xml';
/**
 * The deletion manifest that runs after the package's updates, so references moved off a
 * component first do not block its deletion: what every deploy zip of the action uses.
 */
const DESTRUCTIVE_CHANGES_POST = 'destructiveChangesPost.xml';
const parser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A({ ignoreAttributes: true, isArray: (name) => name === 'types' || name === 'members', parseTagValue: false });
/** The components a package.xml (or destructiveChanges.xml) lists, in document order. */
function readPackageXml(xml) {
    const types = parser.parse(xml)?.Package?.types ?? [];
    return types.flatMap((t) => (t.members ?? []).map((fullName) => ({ type: String(t.name), fullName: String(fullName) })));
}
/** A package.xml (or destructiveChanges.xml) for the given components, types and members sorted as the CLI writes them. */
function writePackageXml(components, apiVersion) {
    const byType = new Map();
    for (const c of components)
        byType.set(c.type, (byType.get(c.type) ?? new Set()).add(c.fullName));
    const types = [...byType.keys()].sort().map((name) => ({ members: [...byType.get(name)].sort(), name }));
    const body = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A({ format: true, indentBy: '    ', ignoreAttributes: false }).build({
        Package: { '@_xmlns': 'http://soap.sforce.com/2006/04/metadata', types, ...(apiVersion ? { version: apiVersion } : {}) },
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}


/***/ })

};
