export const id = 657;
export const ids = [657];
export const modules = {

/***/ 36657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateFlow: () => (/* binding */ validateFlow)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
;// CONCATENATED MODULE: ./src/flows/timing.ts
/** Starts `work` once the I/O already queued (a request being sent) has had its turn. */
function afterPendingIo(work) {
    return new Promise((resolve) => setTimeout(resolve, 0)).then(work);
}

// EXTERNAL MODULE: ./src/flows/salesforce-steps.ts + 2 modules
var salesforce_steps = __webpack_require__(64139);
;// CONCATENATED MODULE: ./src/flows/validate.ts



/**
 * Pull-request validation: a check-only deploy against the sandbox (and, when asked, against
 * production so the release can quick deploy it). Never changes either org.
 */
async function validateFlow(run) {
    // Packaging is local work: it runs while the orgs authenticate, started once the first
    // request is on its way so that loading source-deploy-retrieve does not hold it back.
    const connecting = (0,salesforce_steps/* connectOrg */.Pr)(run, 'sandbox');
    const packaged = afterPendingIo(() => (0,salesforce_steps/* packageSource */.iJ)(run));
    packaged.catch(() => undefined);
    const sandbox = await connecting;
    const production = run.settings.validateProduction ? await (0,salesforce_steps/* connectOrg */.Pr)(run, 'production') : undefined;
    (0,salesforce_steps/* recordOrgIdentity */.iy)(run);
    const pkg = await packaged;
    const validation = await (0,salesforce_steps/* runOperation */.xj)(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true });
    run.report.validationId = validation.id;
    (0,salesforce_steps/* assertValidation */.A3)(run, validation, 'Sandbox validation');
    if (production) {
        const productionValidation = await (0,salesforce_steps/* runOperation */.xj)(run, production, pkg, { label: 'Production validation', checkOnly: true });
        run.report.productionValidationId = productionValidation.id;
        (0,salesforce_steps/* assertValidation */.A3)(run, productionValidation, 'Production validation');
    }
    run.report.status = constants/* RunStatus */.i2.Succeeded;
    run.report.message = `Validation succeeded against ${production ? 'the sandbox and production' : 'the sandbox'}; nothing was changed in any org.`;
}


/***/ })

};
