export const id = 42;
export const ids = [42];
export const modules = {

/***/ 40277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ sharedErrorToError),
/* harmony export */   CL: () => (/* binding */ shareError),
/* harmony export */   IS: () => (/* binding */ assertPackagedFiles),
/* harmony export */   Tk: () => (/* binding */ convertShare),
/* harmony export */   U_: () => (/* binding */ resolveComponentSet)
/* harmony export */ });
/* unused harmony export splitComponents */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _package_contents_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(29398);
/* harmony import */ var _zip_writer_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(49718);







/** Resolves the component set of the package directories (or of a manifest over them), as buildPackage always has. */
async function resolveComponentSet(job) {
    process.env.SF_DISABLE_LOG_FILE = 'true'; // the bundle has no pino log workers: a workflow's SF_DISABLE_LOG_FILE=false would crash SDR
    const { ComponentSet } = await Promise.all(/* import() */[__webpack_require__.e(178), __webpack_require__.e(691), __webpack_require__.e(882), __webpack_require__.e(236), __webpack_require__.e(710), __webpack_require__.e(878), __webpack_require__.e(797), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 4307));
    const fsPaths = job.sourceDirs.map((dir) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(job.workspace, dir));
    const componentSet = job.manifest
        ? await ComponentSet.fromManifest({ manifestPath: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(job.workspace, job.manifest), resolveSourcePaths: fsPaths, forceAddWildcards: true })
        : ComponentSet.fromSource({ fsPaths });
    componentSet.sourceApiVersion = job.apiVersion;
    componentSet.apiVersion = job.apiVersion;
    return componentSet;
}
/** SPEC.md "Evidence", packages: what SDR resolved stays inside the package directories, outside dot-folders. */
function assertPackagedFiles(components, packageDirs, workspace) {
    const problems = (0,_package_contents_js__WEBPACK_IMPORTED_MODULE_5__/* .packagedFileProblems */ .Ls)(components, packageDirs, workspace);
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(problems.map((p) => `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.SourceDir}': ${p}`));
}
/**
 * Splits components into `shares` groups of about the same number of files, in resolution order.
 * A component goes whole to one share, children included (a CustomObject with its fields), so SDR's
 * recomposition sees everything it merges. Pure: every share computes the same split.
 */
function splitComponents(components, shares, weight) {
    const groups = Array.from({ length: shares }, () => []);
    const load = new Array(shares).fill(0);
    for (const component of components) {
        let lightest = 0;
        for (let i = 1; i < shares; i++)
            if (load[i] < load[lightest])
                lightest = i;
        groups[lightest].push(component);
        load[lightest] += weight(component);
    }
    return groups;
}
/** Files a component reads: its metadata file, its content, its children's. */
function weightOf(component) {
    let files = component.xml ? 1 : 0;
    try {
        files += component.content ? component.walkContent().length || 1 : 0;
    }
    catch {
        files += 1;
    }
    return files + component.getChildren().length;
}
/** Converts this job's share of the package to metadata format, compressed entry by entry. */
async function convertShare(job) {
    const componentSet = await resolveComponentSet(job);
    const fsPaths = job.sourceDirs.map((dir) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(job.workspace, dir));
    // The order and filter of MetadataConverter.convert: source components that can be addressed.
    const all = componentSet.getSourceComponents().toArray().filter((c) => c.type.isAddressable !== false);
    // Share 0 checks the whole set (its own part included), so its error names every offending file
    // as buildPackage always has; every other share checks what it converts, so nothing a worker
    // writes escapes the gate.
    const mine = splitComponents(all, job.shares, weightOf)[job.share];
    assertPackagedFiles(job.share === 0 ? componentSet.getSourceComponents().toArray() : mine, fsPaths, job.workspace);
    const { RegistryAccess } = await Promise.all(/* import() */[__webpack_require__.e(178), __webpack_require__.e(691), __webpack_require__.e(882), __webpack_require__.e(236), __webpack_require__.e(710), __webpack_require__.e(878), __webpack_require__.e(797), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 4307));
    const { ComponentConverter } = await Promise.all(/* import() */[__webpack_require__.e(178), __webpack_require__.e(691), __webpack_require__.e(882), __webpack_require__.e(236), __webpack_require__.e(710), __webpack_require__.e(878), __webpack_require__.e(797)]).then(__webpack_require__.t.bind(__webpack_require__, 24178, 23));
    const { getReplacementMarkingStream } = await Promise.all(/* import() */[__webpack_require__.e(178), __webpack_require__.e(691), __webpack_require__.e(882), __webpack_require__.e(236), __webpack_require__.e(710)]).then(__webpack_require__.bind(__webpack_require__, 84710));
    const writer = new _zip_writer_js__WEBPACK_IMPORTED_MODULE_6__/* .ZipPartWriter */ .u();
    let files = 0;
    const sink = new node_stream__WEBPACK_IMPORTED_MODULE_1__.Writable({
        objectMode: true,
        write(chunk, _encoding, callback) {
            // As SDR's ZipWriter: every write info with a source becomes an entry at its output path.
            Promise.all(chunk.writeInfos
                .filter((info) => info.source)
                .map(async (info) => {
                const chunks = [];
                for await (const data of info.source)
                    chunks.push(typeof data === 'string' ? Buffer.from(data) : data);
                writer.add(info.output, Buffer.concat(chunks));
                files++;
            })).then(() => callback(), callback);
        },
    });
    // The stages of MetadataConverter.convert for a zip: replacements (sfdx-project.json
    // "replacements"), then SDR's ComponentConverter with its transformers and finalizers.
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.from(mine), (await getReplacementMarkingStream(componentSet.projectDirectory)) ?? new node_stream__WEBPACK_IMPORTED_MODULE_1__.PassThrough({ objectMode: true }), new ComponentConverter('metadata', new RegistryAccess(), undefined, undefined), sink);
    const apexFiles = {};
    for (const component of mine) {
        const file = component.content ?? component.xml;
        if (!file || (component.type.name !== 'ApexClass' && component.type.name !== 'ApexTrigger'))
            continue;
        apexFiles[`${component.type.name}:${component.fullName}`] = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(job.workspace, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(job.workspace, file)).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
    }
    const result = { part: await writer.finish(), files, apexFiles };
    if (job.share === 0) {
        result.empty = componentSet.size === 0;
        if (!result.empty)
            result.packageXml = await componentSet.getPackageXml();
    }
    return result;
}
function shareError(error) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz)
        return { name: 'InputError', message: error.message, problems: [...error.problems] };
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ)
        return { name: error.name, message: error.message, status: error.status };
    if (error instanceof Error)
        return { name: error.name, message: error.message };
    return { name: 'Error', message: String(error) };
}
/** The typed error a share threw, thrown again on the main thread. */
function sharedErrorToError(shared) {
    if (shared.name === 'InputError' && shared.problems)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(shared.problems);
    if (shared.name === 'SalesforceError')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SalesforceError */ .mO(shared.message, shared.status);
    if (shared.name === 'ActionError')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(shared.message, shared.status);
    const error = new Error(shared.message);
    error.name = shared.name;
    return error;
}


/***/ }),

/***/ 11042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/* harmony import */ var _package_convert_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40277);



// A packaging worker thread: converts its share of the package (workerData.job) and posts the
// compressed entries back, their bytes transferred, not copied. Started by package.ts from the
// bundle's entry (src/index.ts) or, when src/ runs under tsx, from this file.
if (!node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread && node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort && node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData?.role === _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PACKAGE_WORKER_ROLE */ .ln) {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    (0,_package_convert_js__WEBPACK_IMPORTED_MODULE_2__/* .convertShare */ .Tk)(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.job).then((result) => port.postMessage({ result }, [result.part.block.buffer]), (error) => port.postMessage({ error: (0,_package_convert_js__WEBPACK_IMPORTED_MODULE_2__/* .shareError */ .CL)(error) }));
}


/***/ }),

/***/ 49718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ assembleZip),
/* harmony export */   u: () => (/* binding */ ZipPartWriter)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _zip_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5718);


/** SDR's ZipWriter compresses at level 3; the same trade of size for time. */
const LEVEL = 3;
const deflate = (data) => new Promise((resolve, reject) => (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.deflateRaw)(data, { level: LEVEL }, (error, out) => (error ? reject(error) : resolve(out))));
/** Collects entries, compressing each as it is added. */
class ZipPartWriter {
    pending = [];
    /** Adds a file (a later file of the same name replaces the earlier, as JSZip does). */
    add(name, content) {
        const posix = name.replace(/\\/g, '/');
        const crc = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.crc32)(content);
        const size = content.length;
        this.pending.push(deflate(content).then((data) => ({ name: posix, crc, size, data })));
    }
    /** The compressed entries in the order they were added, their bytes in one block. */
    async finish() {
        const done = await Promise.all(this.pending);
        const byName = new Map();
        for (const entry of done) {
            byName.delete(entry.name);
            byName.set(entry.name, entry);
        }
        const kept = [...byName.values()];
        const block = new Uint8Array(kept.reduce((n, e) => n + e.data.length, 0));
        let offset = 0;
        const entries = kept.map(({ name, crc, size, data }) => {
            block.set(data, offset);
            const entry = { name, crc, size, offset, length: data.length };
            offset += data.length;
            return entry;
        });
        return { entries, block };
    }
}
/** 1 January 2000, 00:00 in MS-DOS format: every entry gets the same time, so builds of the same files give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
/**
 * One zip from parts, entries in order (a later entry of the same name wins), with a directory
 * entry for every folder before its first file, as JSZip writes them (`createFolders`), so the
 * entry count is what source-deploy-retrieve reports (`zipFileCount`) and Salesforce counts.
 */
function assembleZip(parts) {
    const winners = new Map();
    for (const part of parts) {
        for (const entry of part.entries) {
            winners.delete(entry.name);
            winners.set(entry.name, { entry, block: part.block });
        }
    }
    const ordered = [];
    const folders = new Set();
    const empty = new Uint8Array(0);
    for (const { entry, block } of winners.values()) {
        const segments = entry.name.split('/');
        for (let i = 1; i < segments.length; i++) {
            const folder = `${segments.slice(0, i).join('/')}/`;
            if (folders.has(folder) || winners.has(folder))
                continue;
            folders.add(folder);
            ordered.push({ name: Buffer.from(folder), utf8: !/^[\x20-\x7e]*$/.test(folder), crc: 0, size: 0, data: empty });
        }
        ordered.push({ name: Buffer.from(entry.name), utf8: !/^[\x20-\x7e]*$/.test(entry.name), crc: entry.crc, size: entry.size, data: block.subarray(entry.offset, entry.offset + entry.length) });
    }
    if (ordered.length > 0xffff)
        throw new Error(`A deploy package holds at most 65,535 zip entries; this one would hold ${ordered.length}.`);
    const localSize = ordered.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
    const centralSize = ordered.reduce((n, e) => n + 46 + e.name.length, 0);
    const zip = Buffer.allocUnsafe(localSize + centralSize + _zip_format_js__WEBPACK_IMPORTED_MODULE_1__/* .END_SIZE */ .ix);
    let at = 0;
    const offsets = [];
    for (const e of ordered) {
        const folder = e.name[e.name.length - 1] === 0x2f;
        offsets.push(at);
        zip.writeUInt32LE(_zip_format_js__WEBPACK_IMPORTED_MODULE_1__/* .LOCAL_HEADER_SIGNATURE */ .jr, at);
        zip.writeUInt16LE(20, at + 4); // version needed: 2.0 (deflate, folders)
        zip.writeUInt16LE(e.utf8 ? 0x0800 : 0, at + 6); // bit 11: the name is UTF-8
        zip.writeUInt16LE(folder ? 0 : 8, at + 8); // stored (folder) or deflated
        zip.writeUInt16LE(DOS_TIME, at + 10);
        zip.writeUInt16LE(DOS_DATE, at + 12);
        zip.writeUInt32LE(e.crc >>> 0, at + 14);
        zip.writeUInt32LE(e.data.length, at + 18);
        zip.writeUInt32LE(e.size, at + 22);
        zip.writeUInt16LE(e.name.length, at + 26);
        zip.writeUInt16LE(0, at + 28);
        e.name.copy(zip, at + 30);
        zip.set(e.data, at + 30 + e.name.length);
        at += 30 + e.name.length + e.data.length;
    }
    const centralStart = at;
    ordered.forEach((e, i) => {
        const folder = e.name[e.name.length - 1] === 0x2f;
        zip.writeUInt32LE(_zip_format_js__WEBPACK_IMPORTED_MODULE_1__/* .CENTRAL_HEADER_SIGNATURE */ .Ti, at);
        zip.writeUInt16LE(0x0314, at + 4); // made by: UNIX, 2.0
        zip.writeUInt16LE(20, at + 6);
        zip.writeUInt16LE(e.utf8 ? 0x0800 : 0, at + 8);
        zip.writeUInt16LE(folder ? 0 : 8, at + 10);
        zip.writeUInt16LE(DOS_TIME, at + 12);
        zip.writeUInt16LE(DOS_DATE, at + 14);
        zip.writeUInt32LE(e.crc >>> 0, at + 16);
        zip.writeUInt32LE(e.data.length, at + 20);
        zip.writeUInt32LE(e.size, at + 24);
        zip.writeUInt16LE(e.name.length, at + 28);
        zip.writeUInt16LE(0, at + 30); // extra
        zip.writeUInt16LE(0, at + 32); // comment
        zip.writeUInt16LE(0, at + 34); // disk
        zip.writeUInt16LE(0, at + 36); // internal attributes
        zip.writeUInt32LE(folder ? ((0o40755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0, at + 38); // external: mode, DOS directory bit
        zip.writeUInt32LE(offsets[i], at + 42);
        e.name.copy(zip, at + 46);
        at += 46 + e.name.length;
    });
    zip.writeUInt32LE(_zip_format_js__WEBPACK_IMPORTED_MODULE_1__/* .END_SIGNATURE */ .Rf, at);
    zip.writeUInt16LE(0, at + 4);
    zip.writeUInt16LE(0, at + 6);
    zip.writeUInt16LE(ordered.length, at + 8);
    zip.writeUInt16LE(ordered.length, at + 10);
    zip.writeUInt32LE(at - centralStart, at + 12);
    zip.writeUInt32LE(centralStart, at + 16);
    zip.writeUInt16LE(0, at + 20);
    return { zip, entryCount: ordered.length };
}


/***/ }),

/***/ 5718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rf: () => (/* binding */ END_SIGNATURE),
/* harmony export */   Ti: () => (/* binding */ CENTRAL_HEADER_SIGNATURE),
/* harmony export */   ix: () => (/* binding */ END_SIZE),
/* harmony export */   jr: () => (/* binding */ LOCAL_HEADER_SIGNATURE),
/* harmony export */   lB: () => (/* binding */ readEndRecord)
/* harmony export */ });
// The parts of the zip format (PKWARE APPNOTE.TXT 4.3) the action reads and writes itself: record
// signatures and the end of central directory record (4.3.16), named once for the package writer,
// the delta package's append and the artifact reader.
/** Local file header (4.3.7). */
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
/** Central directory file header (4.3.12). */
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
/** End of central directory record (4.3.16). */
const END_SIGNATURE = 0x06054b50;
/** Size of the end of central directory record without its comment. */
const END_SIZE = 22;
/** The end of central directory record at `at` of `bytes`, or undefined when no record starts there. */
function readEndRecord(bytes, at) {
    if (at < 0 || at + END_SIZE > bytes.length)
        return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, END_SIZE);
    if (view.getUint32(0, true) !== END_SIGNATURE)
        return undefined;
    return {
        disk: view.getUint16(4, true),
        directoryDisk: view.getUint16(6, true),
        diskEntries: view.getUint16(8, true),
        entries: view.getUint16(10, true),
        directorySize: view.getUint32(12, true),
        directoryOffset: view.getUint32(16, true),
        commentLength: view.getUint16(20, true),
    };
}


/***/ })

};
