export const id = 813;
export const ids = [813];
export const modules = {

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


/***/ }),

/***/ 11042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/* harmony import */ var _package_convert_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51544);



// A packaging worker thread: converts its share of the package (workerData.job, or the job it is
// sent when it was started ahead of it) and posts the compressed entries back, their bytes
// transferred, not copied. Started by package-workers.ts from the bundle's entry (src/index.ts)
// or, when src/ runs under tsx, from this file.
if (!node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread && node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort && node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData?.role === _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PACKAGE_WORKER_ROLE */ .ln) {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    const convert = (job, plan) => (0,_package_convert_js__WEBPACK_IMPORTED_MODULE_2__/* .convertShare */ .Tk)(job, plan).then((result) => port.postMessage({ result }, [result.part.block.buffer]), (error) => port.postMessage({ error: (0,_package_convert_js__WEBPACK_IMPORTED_MODULE_2__/* .shareError */ .CL)(error) }));
    if (node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.job) {
        void convert(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.job);
    }
    else {
        // Started ahead of its job (package-workers.ts): a plain project's package is resolved, or
        // SDR loads, while the run connects.
        const inputs = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.inputs;
        const plan = (0,_package_convert_js__WEBPACK_IMPORTED_MODULE_2__/* .prepareShare */ .ro)(inputs);
        port.once('message', (message) => void convert(message.job, plan && (0,_package_convert_js__WEBPACK_IMPORTED_MODULE_2__/* .sameInputs */ .kO)(message.job, inputs) ? plan : undefined));
    }
}


/***/ })

};
