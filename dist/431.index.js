export const id = 431;
export const ids = [431];
export const modules = {

/***/ 15431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateFlow: () => (/* binding */ validateFlow)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _salesforce_steps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64139);


/**
 * Pull-request validation: a check-only deploy against the sandbox (and, when asked, against
 * production so the release can quick deploy it). Never changes either org.
 */
async function validateFlow(run) {
    const sandbox = await (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .connectOrg */ .Pr)(run, 'sandbox');
    const production = run.settings.validateProduction ? await (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .connectOrg */ .Pr)(run, 'production') : undefined;
    (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .recordOrgIdentity */ .iy)(run);
    const pkg = await (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .packageSource */ .iJ)(run);
    const validation = await (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .runOperation */ .xj)(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true });
    run.report.validationId = validation.id;
    (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .assertValidation */ .A3)(run, validation, 'Sandbox validation');
    if (production) {
        const productionValidation = await (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .runOperation */ .xj)(run, production, pkg, { label: 'Production validation', checkOnly: true });
        run.report.productionValidationId = productionValidation.id;
        (0,_salesforce_steps_js__WEBPACK_IMPORTED_MODULE_1__/* .assertValidation */ .A3)(run, productionValidation, 'Production validation');
    }
    run.report.status = _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Succeeded;
    run.report.message = `Validation succeeded against ${production ? 'the sandbox and production' : 'the sandbox'}; nothing was changed in any org.`;
}


/***/ })

};
