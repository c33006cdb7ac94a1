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


/** Cancels the deploy the main step left running when the job was cancelled or killed. */
async function cancelPendingDeploy(pending, settings, log, registerSecret) {
    const credentials = pending.role === 'sandbox' ? settings.sandbox : settings.production;
    if (!credentials)
        return;
    log(`The main step ended while ${pending.role} deploy ${pending.id} was running; cancelling it.`);
    const session = await (0,_salesforce_connection_js__WEBPACK_IMPORTED_MODULE_0__/* .connect */ .Ng)(credentials, { apiVersion: settings.apiVersion, log, registerSecret });
    await (0,_salesforce_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelDeploy */ .ol)(session, pending.id);
    log(`Cancel requested for ${pending.id}. A deploy already finalizing cannot be cancelled; check Setup > Deployment Status.`);
}


/***/ })

};
