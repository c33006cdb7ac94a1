export const id = 42;
export const ids = [42];
export const modules = {

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
