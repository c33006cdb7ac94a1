export const id = 42;
export const ids = [42];
export const modules = {

/***/ 65900:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IS: () => (/* binding */ assertPackagedFiles),
  Tk: () => (/* binding */ convertShare),
  Wt: () => (/* binding */ preloadConverter),
  U_: () => (/* binding */ resolveComponentSet),
  CL: () => (/* binding */ shareError),
  Bx: () => (/* binding */ sharedErrorToError)
});

// UNUSED EXPORTS: splitComponents

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/salesforce/package-contents.ts
var package_contents = __webpack_require__(29398);
;// CONCATENATED MODULE: ./src/salesforce/package-copy.ts

// Most of a source package is converted to metadata format by copying files under new names: SDR
// gives every type without a transformer strategy (or with 'standard') its
// DefaultMetadataTransformer, which writes each content file and the -meta.xml file unchanged,
// each read through its own stream. In the 10,000-file generated project that is 2,950 of 3,101
// components (Apex, LWC, permission sets, triggers), and the streams are most of the conversion's
// time. package-convert.ts copies those components' files directly, with the names this module
// gives, and sends only the others (decomposed objects, labels, static resources, replacements)
// through SDR's ComponentConverter. test/integration/package-convert.test.ts and
// package-real-metadata.test.ts compare every entry and byte with SDR's own conversion.
const META_XML_SUFFIX = '-meta.xml';
/** SDR's ORIGINAL_SUFFIX_REGEX (defaultMetadataTransformer): the suffix before -meta.xml. */
const ORIGINAL_SUFFIX = /(.)([a-zA-Z]+)(-meta\.xml)$/;
/** Whether SDR's conversion of this component to metadata format is a copy of its files (its DefaultMetadataTransformer, no replacements). */
function isCopiedAsIs(component) {
    if (component.parent || component.isMarkedForDelete() || component.replacements)
        return false;
    const transformer = component.type.strategies?.transformer;
    return transformer === undefined || transformer === 'standard';
}
/**
 * The files SDR's DefaultMetadataTransformer writes for a component in metadata format (its
 * getWriteInfos with target 'metadata' and nothing to merge with): every content file (`content`:
 * its walkContent()) under its
 * package-relative path, then the metadata file, whose name follows SDR's quirks (a -meta.xml
 * suffix dropped when there is no content file, a folder type's suffix dropped, a Document's
 * suffix taken from its content file, a legacy suffix replaced by the current one).
 */
function copiedFiles(component, content = component.walkContent()) {
    const files = content.map((source) => ({ source, output: component.getPackageRelativePath(source, 'metadata') }));
    if (component.xml)
        files.push({ source: component.xml, output: xmlOutput(component, component.xml) });
    return files;
}
function xmlOutput(component, xml) {
    const { folderContentType, suffix, legacySuffix } = component.type;
    let output = component.getPackageRelativePath(xml, 'metadata');
    if (!component.content && component.type.id !== 'digitalexperiencebundle') {
        if (folderContentType)
            output = output.replace(`.${suffix ?? ''}`, '');
        else if (output.includes(META_XML_SUFFIX))
            output = output.slice(0, output.lastIndexOf(META_XML_SUFFIX));
    }
    else if (suffix) {
        output =
            component.type.name === 'Document' && component.content
                ? output.replace(new RegExp(`.${suffix}${META_XML_SUFFIX}$`), `.${extensionOf(component.content)}${META_XML_SUFFIX}`)
                : output.replace(ORIGINAL_SUFFIX, `.${suffix}${META_XML_SUFFIX}`);
    }
    if (legacySuffix && suffix && output.includes(legacySuffix))
        output = output.replace(legacySuffix, suffix);
    return output;
}
/** SDR's extName: the first segment of a path's extension, without the dot. */
function extensionOf(file) {
    const split = external_node_path_default().extname(file).split('.');
    return split.length > 1 ? split[1] : split[0];
}

// EXTERNAL MODULE: ./src/salesforce/zip-writer.ts
var zip_writer = __webpack_require__(49718);
;// CONCATENATED MODULE: ./src/salesforce/package-convert.ts









/** Resolves the component set of the package directories (or of a manifest over them), as buildPackage always has. */
async function resolveComponentSet(job) {
    process.env.SF_DISABLE_LOG_FILE = 'true'; // the bundle has no pino log workers: a workflow's SF_DISABLE_LOG_FILE=false would crash SDR
    const { ComponentSet } = await Promise.all(/* import() */[__webpack_require__.e(178), __webpack_require__.e(691), __webpack_require__.e(882), __webpack_require__.e(236), __webpack_require__.e(710), __webpack_require__.e(878), __webpack_require__.e(797), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 4307));
    const fsPaths = job.sourceDirs.map((dir) => external_node_path_default().resolve(job.workspace, dir));
    const componentSet = job.manifest
        ? await ComponentSet.fromManifest({ manifestPath: external_node_path_default().resolve(job.workspace, job.manifest), resolveSourcePaths: fsPaths, forceAddWildcards: true })
        : ComponentSet.fromSource({ fsPaths });
    componentSet.sourceApiVersion = job.apiVersion;
    componentSet.apiVersion = job.apiVersion;
    return componentSet;
}
/** SPEC.md "Evidence", packages: what SDR resolved stays inside the package directories, outside dot-folders. */
function assertPackagedFiles(components, packageDirs, workspace) {
    const problems = (0,package_contents/* packagedFileProblems */.Ls)(components, packageDirs, workspace);
    if (problems.length > 0)
        throw new errors/* InputError */.dz(problems.map((p) => `Input '${constants/* Inputs */.G0.SourceDir}': ${p}`));
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
/** The parts of SDR a share converts with. */
function loadConverter() {
    process.env.SF_DISABLE_LOG_FILE = 'true';
    return Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(178), __webpack_require__.e(691), __webpack_require__.e(882), __webpack_require__.e(236), __webpack_require__.e(710), __webpack_require__.e(878), __webpack_require__.e(797), __webpack_require__.e(307)]).then(__webpack_require__.bind(__webpack_require__, 4307)),
        Promise.all(/* import() */[__webpack_require__.e(178), __webpack_require__.e(691), __webpack_require__.e(882), __webpack_require__.e(236), __webpack_require__.e(710), __webpack_require__.e(878), __webpack_require__.e(797)]).then(__webpack_require__.t.bind(__webpack_require__, 24178, 23)),
        Promise.all(/* import() */[__webpack_require__.e(178), __webpack_require__.e(691), __webpack_require__.e(882), __webpack_require__.e(236), __webpack_require__.e(710)]).then(__webpack_require__.bind(__webpack_require__, 84710)),
    ]);
}
/** Loads what convertShare needs (a worker started ahead of its job); a failure shows when the job runs. */
function preloadConverter() {
    loadConverter().catch(() => undefined);
}
/** Converts this job's share of the package to metadata format, compressed entry by entry. */
async function convertShare(job) {
    const componentSet = await resolveComponentSet(job);
    const fsPaths = job.sourceDirs.map((dir) => external_node_path_default().resolve(job.workspace, dir));
    // The order and filter of MetadataConverter.convert: source components that can be addressed.
    const all = componentSet.getSourceComponents().toArray().filter((c) => c.type.isAddressable !== false);
    // Share 0 checks the whole set (its own part included), so its error names every offending file
    // as buildPackage always has; every other share checks what it converts, so nothing a worker
    // writes escapes the gate.
    const mine = job.shares === 1 ? all : splitComponents(all, job.shares, weightOf)[job.share];
    // Each component's content files are walked once (a walk stats every file and asks .forceignore).
    const walked = new Map();
    const contentOf = (c) => {
        let files = walked.get(c);
        if (!files)
            walked.set(c, (files = c.walkContent()));
        return files;
    };
    const checked = (job.share === 0 ? componentSet.getSourceComponents().toArray() : mine).map((c) => ({ type: c.type, fullName: c.fullName, xml: c.xml, content: c.content, walkContent: () => contentOf(c) }));
    assertPackagedFiles(checked, fsPaths, job.workspace);
    const [{ RegistryAccess }, { ComponentConverter }, { getReplacementMarkingStream }] = await loadConverter();
    const writer = new zip_writer/* ZipPartWriter */.u();
    let files = 0;
    // Components SDR converts by copying their files are copied here directly (package-copy.ts);
    // the rest go through SDR's converter. With replacements configured, everything goes through
    // SDR, which marks the files to replace.
    const replacing = await getReplacementMarkingStream(componentSet.projectDirectory);
    const copied = replacing ? [] : mine.filter(isCopiedAsIs);
    const converted = replacing ? mine : mine.filter((c) => !isCopiedAsIs(c));
    for (const component of copied) {
        for (const file of copiedFiles(component, contentOf(component))) {
            writer.add(file.output, (0,external_node_fs_.readFileSync)(file.source));
            files++;
        }
    }
    const sink = new external_node_stream_.Writable({
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
    await (0,promises_.pipeline)(external_node_stream_.Readable.from(converted), replacing ?? new external_node_stream_.PassThrough({ objectMode: true }), new ComponentConverter('metadata', new RegistryAccess(), undefined, undefined), sink);
    const apexFiles = {};
    for (const component of mine) {
        const file = component.content ?? component.xml;
        if (!file || (component.type.name !== 'ApexClass' && component.type.name !== 'ApexTrigger'))
            continue;
        apexFiles[`${component.type.name}:${component.fullName}`] = external_node_path_default().relative(job.workspace, external_node_path_default().resolve(job.workspace, file)).split((external_node_path_default()).sep).join('/');
    }
    const result = { part: writer.finish(), files, apexFiles };
    if (job.share === 0) {
        result.empty = componentSet.size === 0;
        if (!result.empty)
            result.packageXml = await componentSet.getPackageXml();
    }
    return result;
}
function shareError(error) {
    if (error instanceof errors/* InputError */.dz)
        return { name: 'InputError', message: error.message, problems: [...error.problems] };
    if (error instanceof errors/* ActionError */.lZ)
        return { name: error.name, message: error.message, status: error.status };
    if (error instanceof Error)
        return { name: error.name, message: error.message };
    return { name: 'Error', message: String(error) };
}
/** The typed error a share threw, thrown again on the main thread. */
function sharedErrorToError(shared) {
    if (shared.name === 'InputError' && shared.problems)
        return new errors/* InputError */.dz(shared.problems);
    if (shared.name === 'SalesforceError')
        return new errors/* SalesforceError */.mO(shared.message, shared.status);
    if (shared.name === 'ActionError')
        return new errors/* ActionError */.lZ(shared.message, shared.status);
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
/* harmony import */ var _package_convert_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65900);



// A packaging worker thread: converts its share of the package (workerData.job, or the job it is
// sent when it was started ahead of it) and posts the compressed entries back, their bytes
// transferred, not copied. Started by package-workers.ts from the bundle's entry (src/index.ts)
// or, when src/ runs under tsx, from this file.
if (!node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread && node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort && node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData?.role === _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PACKAGE_WORKER_ROLE */ .ln) {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    const convert = (job) => (0,_package_convert_js__WEBPACK_IMPORTED_MODULE_2__/* .convertShare */ .Tk)(job).then((result) => port.postMessage({ result }, [result.part.block.buffer]), (error) => port.postMessage({ error: (0,_package_convert_js__WEBPACK_IMPORTED_MODULE_2__/* .shareError */ .CL)(error) }));
    if (node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.job) {
        void convert(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.job);
    }
    else {
        // Started ahead of its job (package-workers.ts): SDR loads while the run connects.
        (0,_package_convert_js__WEBPACK_IMPORTED_MODULE_2__/* .preloadConverter */ .Wt)();
        port.once('message', (message) => void convert(message.job));
    }
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
/** Collects entries, compressing each as it is added into one growing block. */
class ZipPartWriter {
    entries = [];
    block = new Uint8Array(1 << 16);
    used = 0;
    /** Adds a file (a later file of the same name replaces the earlier, as JSZip does). */
    add(name, content) {
        // zlib hands back a view into a larger buffer (64 KiB for a small file): copied into the
        // block at once, so no entry keeps such a buffer alive until the end.
        const data = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.deflateRawSync)(content, { level: LEVEL });
        if (this.used + data.length > this.block.length) {
            const grown = new Uint8Array(Math.max(this.block.length * 2, this.used + data.length));
            grown.set(this.block.subarray(0, this.used));
            this.block = grown;
        }
        this.block.set(data, this.used);
        this.entries.push({ name: name.replace(/\\/g, '/'), crc: (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.crc32)(content), size: content.length, offset: this.used, length: data.length });
        this.used += data.length;
    }
    /** The compressed entries in the order they were added (a replaced one at its replacement's place), their bytes in one block. */
    finish() {
        const byName = new Map();
        for (const entry of this.entries) {
            byName.delete(entry.name);
            byName.set(entry.name, entry);
        }
        if (byName.size === this.entries.length)
            return { entries: this.entries, block: this.block.subarray(0, this.used) };
        const kept = [...byName.values()];
        const block = new Uint8Array(kept.reduce((n, e) => n + e.length, 0));
        let offset = 0;
        const entries = kept.map((entry) => {
            block.set(this.block.subarray(entry.offset, entry.offset + entry.length), offset);
            const moved = { ...entry, offset };
            offset += entry.length;
            return moved;
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
