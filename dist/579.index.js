export const id = 579;
export const ids = [579];
export const modules = {

/***/ 21579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cancelPendingDeploy: () => (/* binding */ cancelPendingDeploy)
/* harmony export */ });
/* harmony import */ var _salesforce_connection_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92987);
/* harmony import */ var _salesforce_deploy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72204);


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
    const { cancelled, status } = await (0,_salesforce_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelIfRunning */ .d$)(session, id);
    if (!cancelled) {
        log(`The main step ended while ${pending.role} deploy ${id} was pending; Salesforce reports it ${status}, so it is not cancelled.`);
        return;
    }
    log(`The main step ended while ${pending.role} deploy ${id} was running; cancelling it.`);
    log(`Cancel requested for ${id}. A deploy already finalizing cannot be cancelled; check Setup > Deployment Status.`);
}


/***/ })

};
