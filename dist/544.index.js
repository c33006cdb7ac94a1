export const id = 544;
export const ids = [544];
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

/***/ 51544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IS: () => (/* binding */ assertPackagedFiles),
  Tk: () => (/* binding */ convertShare),
  ro: () => (/* binding */ prepareShare),
  U_: () => (/* binding */ resolveComponentSet),
  kO: () => (/* binding */ sameInputs),
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
function copiedFiles(component, content) {
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

// EXTERNAL MODULE: ./node_modules/@salesforce/source-deploy-retrieve/lib/src/registry/registry.js
var registry = __webpack_require__(16284);
// EXTERNAL MODULE: ./src/salesforce/forceignore.ts
var forceignore = __webpack_require__(35394);
// EXTERNAL MODULE: ./src/salesforce/manifest.ts
var manifest = __webpack_require__(71462);
// EXTERNAL MODULE: ./src/salesforce/sdr-xml.ts
var sdr_xml = __webpack_require__(5508);
;// CONCATENATED MODULE: ./src/salesforce/package-plain.ts






/** Keys of sfdx-project.json that change how SDR resolves or converts a project. */
const PROJECT_VARIANTS = ['replacements', 'registryCustomizations', 'registryPresets', 'sourceBehaviorOptions'];
const META_XML = '-meta.xml';
/** Raised while resolving: the project is not plain; SDR builds it. */
class NotPlain extends Error {
}
function notPlain(why) {
    throw new NotPlain(why);
}
/** The registry's directory names, and the types this module converts, by their folder. */
const folders = (() => {
    const all = new Set();
    const counts = new Map();
    for (const type of Object.values(registry.registry.types)) {
        all.add(type.directoryName);
        counts.set(type.directoryName, (counts.get(type.directoryName) ?? 0) + 1);
        for (const child of Object.values(type.children?.types ?? {}))
            all.add(child.directoryName);
    }
    const byFolder = new Map();
    for (const type of Object.values(registry.registry.types)) {
        if (counts.get(type.directoryName) !== 1 || type.isAddressable === false)
            continue;
        if (isCopiedType(type) || type.id === 'customobject' || type.id === 'customlabels')
            byFolder.set(type.directoryName, type);
    }
    return { all, byFolder };
})();
/** SDR copies this type's files (DefaultMetadataTransformer) and its adapter is one this module mirrors. */
function isCopiedType(type) {
    const strategies = type.strategies;
    const transformer = strategies?.transformer ?? 'standard';
    if (transformer !== 'standard' || strategies?.decomposition || strategies?.recomposition)
        return false;
    if (type.children || type.inFolder || type.folderType || type.folderContentType)
        return false;
    const adapter = strategies?.adapter ?? 'default';
    if (adapter === 'bundle')
        return type.id === 'lightningcomponentbundle' || type.id === 'auradefinitionbundle';
    if (adapter === 'matchingContentFile')
        return Boolean(type.suffix) && registry.registry.suffixes[type.suffix] === type.id;
    return adapter === 'default' && Boolean(type.suffix) && registry.registry.suffixes[type.suffix] === type.id;
}
/** The rules of the .forceignore SDR applies to a package folder (the nearest one up). */
function forceIgnoreFor(packageDir) {
    return (0,forceignore/* forceIgnoreAt */.Z)((0,forceignore/* searchUp */.y)(packageDir, '.forceignore'));
}
/** The folder's entries as SDR's tree lists them, each a file or a folder (a link or anything else: not plain). */
function entries(dir) {
    return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).map((entry) => {
        if (!entry.isFile() && !entry.isDirectory())
            notPlain(`${external_node_path_default().join(dir, entry.name)} is neither a file nor a folder`);
        return { name: entry.name, full: external_node_path_default().join(dir, entry.name), directory: entry.isDirectory() };
    });
}
/** SDR's walk of a component's folder: every file, forceignored entries (folders included) skipped. */
function walk(dir, denies) {
    const files = [];
    for (const entry of entries(dir)) {
        if (denies(entry.full, entry.directory))
            continue;
        if (entry.directory) {
            assertNoTypeFolder(entry.name);
            files.push(...walk(entry.full, denies));
        }
        else
            files.push(entry.full);
    }
    return files;
}
/** A path segment SDR could take for a type's folder, where this module does not expect one. */
function assertNoTypeFolder(...segments) {
    for (const segment of segments)
        if (folders.all.has(segment))
            notPlain(`a folder named ${segment}`);
}
/** A metadata file's root element's contents; not plain unless its only root is `typeName`. */
function parseRoot(file, typeName, cache) {
    const cached = cache?.get(file);
    if (cached)
        return cached;
    const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    let parsed;
    try {
        parsed = sdr_xml/* sdrParser */.Zt.parse(text);
    }
    catch (error) {
        // XML the parser cannot read (an unclosed comment, CDATA …): SDR refuses it in its own words, naming the file.
        notPlain(`${file} cannot be parsed: ${error.message}`);
    }
    const keys = Object.keys(parsed);
    if (keys.length !== 1 || keys[0] !== typeName)
        notPlain(`${file} is not one ${typeName}`);
    const value = parsed[typeName];
    // A root holding only text (`<CustomField>F__c</CustomField>`): SDR spreads the string into its
    // characters' elements; an empty one is nothing, as here.
    if (typeof value === 'string' && value !== '')
        notPlain(`${file} holds only text`);
    const root = value && typeof value === 'object' ? value : {};
    cache?.set(file, root);
    return root;
}
function withoutNamespace(root) {
    return Object.fromEntries(Object.entries(root).filter(([key]) => key !== sdr_xml/* XML_NS_KEY */.A1));
}
/**
 * The components of a plain project, as SDR's ComponentSet.fromSource would resolve them; undefined
 * when the project is not plain (SDR then builds the package).
 */
function resolvePlainPackage(job) {
    return explainPlainPackage(job).plan;
}
/** The plain package, or why the project is not plain. */
function explainPlainPackage(job) {
    try {
        return { plan: resolve(job) };
    }
    catch (error) {
        if (error instanceof NotPlain)
            return { reason: error.message };
        // A folder SDR cannot read either (missing, not a folder): SDR reports it in its own words.
        // (Duck-typed: under jest, Node's errors come from another realm.)
        if (typeof error === 'object' && error !== null && 'syscall' in error && 'code' in error)
            return { reason: String(error.message) };
        throw error;
    }
}
function resolve(job) {
    if (job.manifest)
        notPlain('a manifest');
    // SDR reads the project's variants from sfdx-project.json in the working directory's project
    // and replacements from the package's: both must have none.
    for (const project of new Set([external_node_path_default().join(job.workspace, 'sfdx-project.json'), (0,forceignore/* searchUp */.y)(process.cwd(), 'sfdx-project.json')])) {
        if (!project || !(0,external_node_fs_.existsSync)(project))
            continue;
        const config = JSON.parse((0,external_node_fs_.readFileSync)(project, 'utf8'));
        if (PROJECT_VARIANTS.some((key) => key in config))
            notPlain(`${project} has variants or replacements`);
    }
    const components = [];
    const parsed = new Map();
    for (const dir of job.sourceDirs) {
        const root = external_node_path_default().resolve(job.workspace, dir);
        // SDR looks for a type's folder among every segment of a path, the workspace's included.
        assertNoTypeFolder(...root.split((external_node_path_default()).sep));
        const denies = forceIgnoreFor(root);
        resolveFolder(root, denies, components, parsed);
    }
    if (components.length === 0)
        notPlain('no components');
    const seen = new Set();
    for (const component of components) {
        for (const ref of [component, ...component.children]) {
            const key = `${ref.type.name}:${ref.fullName}`;
            if (seen.has(key))
                notPlain(`${key} twice`);
            seen.add(key);
        }
    }
    if (components.filter((c) => c.kind === 'labels').length > 1)
        notPlain('several CustomLabels files');
    // Every file the conversion parses is parsed here (once: the conversion reads this cache), so a
    // file that makes the project not plain is found by every share alike. Found while converting,
    // it would send only the share holding it to SDR, whose split differs: components lost or doubled.
    for (const component of components) {
        if (component.kind !== 'decomposed')
            continue;
        if (component.xml)
            parseRoot(component.xml, component.type.name, parsed);
        for (const child of component.children)
            parseRoot(child.xml, child.type.name, parsed);
    }
    return { components, parsed };
}
/** A folder that is not a type's: only folders in it (files in it would be SDR's to resolve). */
function resolveFolder(dir, denies, components, parsed) {
    for (const entry of entries(dir)) {
        if (!entry.directory) {
            if (!denies(entry.full, false))
                notPlain(`${entry.full} outside a type's folder`);
            continue;
        }
        const type = folders.byFolder.get(entry.name);
        if (type)
            resolveTypeFolder(entry.full, type, denies, components, parsed);
        else if (folders.all.has(entry.name))
            notPlain(`a ${entry.name} folder`);
        else
            resolveFolder(entry.full, denies, components, parsed);
    }
}
/** Files under `dir`, all of them forceignored (else not plain). */
function assertAllDenied(dir, denies) {
    for (const entry of entries(dir)) {
        if (entry.directory)
            assertAllDenied(entry.full, denies);
        else if (!denies(entry.full, false))
            notPlain(`${entry.full} in a nested folder`);
    }
}
function resolveTypeFolder(dir, type, denies, components, parsed) {
    const adapter = type.strategies?.adapter ?? 'default';
    if (type.id === 'customobject') {
        for (const entry of entries(dir)) {
            if (!entry.directory) {
                if (!denies(entry.full, false))
                    notPlain(`${entry.full} directly in objects`);
                continue;
            }
            components.push(resolveObject(entry.full, entry.name, type, denies));
        }
        return;
    }
    if (type.id === 'customlabels') {
        for (const entry of entries(dir)) {
            if (denies(entry.full, entry.directory))
                continue;
            if (entry.directory || entry.name !== `CustomLabels.${type.suffix}${META_XML}`)
                notPlain(`${entry.full} in labels`);
            components.push(resolveLabels(entry.full, type, parsed));
        }
        return;
    }
    if (adapter === 'bundle') {
        for (const entry of entries(dir)) {
            if (!entry.directory) {
                if (!denies(entry.full, false))
                    notPlain(`${entry.full} directly in ${type.directoryName}`);
                continue;
            }
            if (denies(entry.full, true))
                continue;
            components.push(resolveBundle(entry.full, entry.name, type, denies));
        }
        return;
    }
    const list = entries(dir);
    const names = new Set(list.map((e) => e.name));
    for (const entry of list) {
        if (entry.directory) {
            // SDR finds a type that needs no strict folder at any depth (classes/Recipes/…), and names
            // it in the package by its file name alone; a strict one stops at the first file found off
            // its folder, which this module does not mirror.
            if (type.strictDirectoryName)
                assertAllDenied(entry.full, denies);
            else {
                assertNoTypeFolder(entry.name);
                resolveTypeFolder(entry.full, type, denies, components, parsed);
            }
            continue;
        }
        const xmlSuffix = `.${type.suffix}${META_XML}`;
        if (adapter === 'matchingContentFile') {
            const contentSuffix = `.${type.suffix}`;
            if (entry.name.endsWith(xmlSuffix)) {
                const content = entry.name.slice(0, -META_XML.length);
                if (!names.has(content))
                    notPlain(`${entry.full} without its ${contentSuffix}`);
                continue; // taken with its content file
            }
            if (!entry.name.endsWith(contentSuffix)) {
                if (denies(entry.full, false))
                    continue;
                notPlain(`${entry.full} in ${type.directoryName}`);
            }
            const fullName = entry.name.slice(0, -contentSuffix.length);
            const xml = `${entry.full}${META_XML}`;
            const contentDenied = denies(entry.full, false);
            const xmlDenied = denies(xml, false);
            if (contentDenied && xmlDenied)
                continue;
            if (contentDenied || xmlDenied || !names.has(`${entry.name}${META_XML}`))
                notPlain(`${entry.full} without both of its files`);
            if (fullName.includes('.') || fullName === '')
                notPlain(`${entry.full}: a name with a dot`);
            components.push(plain({ type, fullName, xml, content: entry.full, files: [entry.full], children: [], kind: 'copy' }));
            continue;
        }
        if (denies(entry.full, false))
            continue;
        if (!entry.name.endsWith(xmlSuffix))
            notPlain(`${entry.full} in ${type.directoryName}`);
        const fullName = baseWithoutSuffixes(entry.name, type);
        if (fullName === '' || fullName !== entry.name.slice(0, -xmlSuffix.length))
            notPlain(`${entry.full}: an unusual name`);
        if (type.legacySuffix && `${type.directoryName}/${entry.name}`.includes(type.legacySuffix))
            notPlain(`${entry.full}: the legacy suffix`);
        components.push(plain({ type, fullName, xml: entry.full, files: [], children: [], kind: 'copy' }));
    }
}
/** SDR's baseWithoutSuffixes: the file name without -meta.xml and without the type's suffixes. */
function baseWithoutSuffixes(name, type) {
    return name
        .replace(META_XML, '')
        .split('.')
        .filter((part) => part !== type.suffix && (!type.legacySuffix || part !== type.legacySuffix))
        .join('.');
}
/** An LWC or Aura bundle: its folder, its one `<name>.<ext>-meta.xml`, every other file in it. */
function resolveBundle(dir, name, type, denies) {
    assertNoTypeFolder(name);
    const top = entries(dir);
    const xmls = top.filter((e) => !e.directory && e.name.split('.')[0] === name && e.name.endsWith(META_XML));
    if (xmls.length !== 1 || denies(xmls[0].full, false))
        notPlain(`${dir}: not one metadata file`);
    if (type.id === 'lightningcomponentbundle' && xmls[0].name !== `${name}.js${META_XML}`)
        notPlain(`${dir}: an unusual metadata file`);
    const xml = xmls[0].full;
    const files = walk(dir, denies).filter((file) => file !== xml);
    return plain({ type, fullName: name, xml, content: dir, files, children: [], kind: 'copy' });
}
/** A custom object's folder: `<Object>.object-meta.xml` and its children, each in its type's folder. */
function resolveObject(dir, name, type, denies) {
    assertNoTypeFolder(name);
    const xml = external_node_path_default().join(dir, `${name}.${type.suffix}${META_XML}`);
    const children = [];
    let hasXml = false;
    for (const entry of entries(dir)) {
        if (denies(entry.full, entry.directory)) {
            if (entry.full === xml)
                notPlain(`${xml} is forceignored`);
            continue;
        }
        if (!entry.directory) {
            if (entry.full !== xml)
                notPlain(`${entry.full} beside the object's file`);
            hasXml = true;
            continue;
        }
        const childType = type.children.types[type.children.directories?.[entry.name] ?? ''];
        if (!childType)
            notPlain(`${entry.full}: not a child folder`);
        for (const file of entries(entry.full)) {
            if (denies(file.full, file.directory))
                continue;
            const suffix = `.${childType.suffix}${META_XML}`;
            if (file.directory || !file.name.endsWith(suffix))
                notPlain(`${file.full} in ${entry.name}`);
            const childName = file.name.slice(0, -suffix.length);
            if (childName === '' || childName.includes('.'))
                notPlain(`${file.full}: an unusual name`);
            children.push({ type: childType, fullName: `${name}.${childName}`, xml: file.full });
        }
    }
    // Without its own file (a standard object's fields), SDR writes the children alone and lists
    // only them in package.xml.
    if (!hasXml && children.length === 0)
        notPlain(`${dir}: nothing in it`);
    return plain({ type, fullName: name, ...(hasXml ? { xml } : {}), content: dir, files: children.map((c) => c.xml), children, kind: 'decomposed' });
}
/** Wires a component to the naming package-copy.ts gives SDR's (getPackageRelativePath). */
function plain(component) {
    return {
        ...component,
        getPackageRelativePath: (fsPath) => 
        // SDR's calculateRelativePath for metadata format: a type without a suffix (a bundle) keeps
        // the path from its type's folder; any other, its type's folder and the file's name.
        component.type.suffix ? external_node_path_default().join(component.type.directoryName, external_node_path_default().basename(fsPath)) : trimUntil(fsPath, component.type.directoryName),
    };
}
/** SDR's trimUntil(fsPath, part, true): the path from the last segment named `part`. */
function trimUntil(fsPath, part) {
    const parts = fsPath.split((external_node_path_default()).sep);
    const index = parts.lastIndexOf(part);
    return index === -1 ? fsPath : parts.slice(index).join((external_node_path_default()).sep);
}
/** The files SDR writes for these components, in metadata format. */
function plainFiles(plan, components, copied) {
    const files = [];
    for (const component of components) {
        if (component.kind === 'copy')
            files.push(...copied(component));
        else
            files.push({ output: external_node_path_default().join(component.type.directoryName, `${component.fullName}.${component.type.suffix}`), data: Buffer.from(recompose(plan, component)) });
    }
    return files;
}
/** SDR's RecompositionFinalizer and JsToXml: the parent's elements, then each child group sorted by name, as SDR writes them. */
function recompose(plan, component) {
    // A label's elements are in its parent's file, by name (resolveLabels made sure each has one, once).
    const labels = component.kind === 'labels' ? labelsByName(parseRoot(component.xml, component.type.name, plan.parsed), component.type) : undefined;
    const children = component.children.map((child) => ({ child, xml: childXml(plan, labels, child) }));
    const start = component.kind === 'labels' || !component.xml ? {} : withoutNamespace(parseRoot(component.xml, component.type.name, plan.parsed));
    const groupNames = [...new Set(children.map(({ child }) => child.type.xmlElementName ?? child.type.directoryName))].sort();
    const groups = Object.fromEntries(groupNames.map((group) => [
        group,
        children
            .filter(({ child }) => (child.type.xmlElementName ?? child.type.directoryName) === group)
            .sort((a, b) => uniqueValue(a.xml, a.child.type).localeCompare(uniqueValue(b.xml, b.child.type)))
            .map(({ xml }) => xml),
    ]));
    return (0,sdr_xml/* sdrXml */.FQ)({ [component.type.name]: { [sdr_xml/* XML_NS_KEY */.A1]: sdr_xml/* XML_NS_URL */.qH, ...start, ...groups } });
}
/** A child's elements: its element in the parent's labels file (a label), or its own file's root (an object's field). */
function childXml(plan, labels, child) {
    return labels ? labels.get(child.fullName) : withoutNamespace(parseRoot(child.xml, child.type.name, plan.parsed));
}
/** A labels file's label elements by name. */
function labelsByName(root, type) {
    const { childType, list } = labelList(root, type);
    return new Map(list.map((element) => [element[childType.uniqueIdElement], element]));
}
/** A labels file's label elements, and the type they are. */
function labelList(root, type) {
    const childType = Object.values(type.children.types)[0];
    const elements = root[childType.xmlElementName];
    return { childType, list: (Array.isArray(elements) ? elements : elements === undefined ? [] : [elements]) };
}
/** SDR's extractUniqueElementValue. */
function uniqueValue(xml, type) {
    const value = (key) => (typeof xml[key] === 'string' ? xml[key] : undefined);
    return (type.uniqueIdElement ? value(type.uniqueIdElement) : undefined) ?? value('fullName') ?? value('name') ?? '';
}
/**
 * Labels are read from their file when the package is resolved: their names are what package.xml
 * lists. Not plain when a label has no name or two share one.
 */
function resolveLabels(file, type, parsed) {
    const { childType, list } = labelList(parseRoot(file, type.name, parsed), type);
    if (list.length === 0)
        notPlain(`${file} has no labels`);
    const names = list.map((element) => element[childType.uniqueIdElement]);
    if (names.some((name) => typeof name !== 'string' || name === '') || new Set(names).size !== names.length)
        notPlain(`${file}: a label without a name, or twice`);
    return plain({ type, fullName: external_node_path_default().basename(file).slice(0, -`.${type.suffix}${META_XML}`.length), xml: file, files: [], children: names.map((fullName) => ({ type: childType, fullName, xml: file })), kind: 'labels' });
}
/**
 * package.xml as SDR's ComponentSet.getPackageXml writes it: every component and child, a
 * decomposed parent with nothing but its namespace left out.
 */
function plainPackageXml(plan, apiVersion) {
    const { components } = plan;
    const refs = [];
    for (const component of components) {
        for (const child of component.children)
            if (child.type.isAddressable !== false)
                refs.push({ type: child.type.name, fullName: child.fullName });
        if (component.kind === 'decomposed' && (!component.xml || Object.keys(parseRoot(component.xml, component.type.name, plan.parsed)).length <= 1))
            continue;
        refs.push({ type: component.type.name, fullName: component.fullName });
    }
    return (0,manifest/* writePackageXml */.XD)(refs, apiVersion);
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
/**
 * What a worker started ahead of its job does while it waits (package-workers.ts): resolves a
 * plain project's package, or else loads SDR. A failure shows when the job runs.
 */
function prepareShare(inputs) {
    let plan;
    try {
        plan = resolvePlainPackage(inputs);
    }
    catch {
        plan = undefined;
    }
    if (!plan)
        loadConverter().catch(() => undefined);
    return plan;
}
/** Whether a job packages what `inputs` named (so what was resolved for them serves it). */
function sameInputs(job, inputs) {
    return job.workspace === inputs.workspace && job.manifest === inputs.manifest && job.sourceDirs.join('\0') === inputs.sourceDirs.join('\0');
}
/**
 * Converts this job's share of the package to metadata format, compressed entry by entry: a plain
 * project without loading SDR (package-plain.ts), any other with SDR.
 */
async function convertShare(job, resolved) {
    // Decided once, from the resolution alone, the same in every share: a share that turned to SDR
    // halfway would take SDR's split of the components, not the plain one, and lose or double some.
    const plan = resolved ?? resolvePlainPackage(job);
    return plan ? convertPlainShare(job, plan) : convertSdrShare(job);
}
/** Where each Apex class's and trigger's source is, relative to the workspace. */
function apexFilesOf(components, workspace) {
    const apexFiles = {};
    for (const component of components) {
        const file = component.content ?? component.xml;
        if (!file || (component.type.name !== 'ApexClass' && component.type.name !== 'ApexTrigger'))
            continue;
        apexFiles[`${component.type.name}:${component.fullName}`] = external_node_path_default().relative(workspace, external_node_path_default().resolve(workspace, file)).split((external_node_path_default()).sep).join('/');
    }
    return apexFiles;
}
/** A plain project's share: the same split, gate, entries and package.xml as with SDR. */
function convertPlainShare(job, plan) {
    const fsPaths = job.sourceDirs.map((dir) => external_node_path_default().resolve(job.workspace, dir));
    const all = plan.components;
    const mine = job.shares === 1 ? all : splitComponents(all, job.shares, (c) => 1 + c.files.length)[job.share];
    assertPackagedFiles((job.share === 0 ? all : mine).map((c) => ({ type: c.type, fullName: c.fullName, xml: c.xml, content: c.content, walkContent: () => c.files })), fsPaths, job.workspace);
    const packageXml = job.share === 0 ? plainPackageXml(plan, job.apiVersion) : undefined;
    const writer = new zip_writer/* ZipPartWriter */.u();
    let files = 0;
    for (const file of plainFiles(plan, mine, (component) => copiedFiles(component, component.files))) {
        writer.add(file.output, file.data ?? (0,external_node_fs_.readFileSync)(file.source));
        files++;
    }
    const result = { part: writer.finish(), files, apexFiles: apexFilesOf(mine, job.workspace) };
    if (packageXml !== undefined) {
        result.empty = false;
        result.packageXml = packageXml;
    }
    return result;
}
/** A share converted by SDR's resolution and converter. */
async function convertSdrShare(job) {
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
    const result = { part: writer.finish(), files, apexFiles: apexFilesOf(mine, job.workspace) };
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

/***/ 5508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A1: () => (/* binding */ XML_NS_KEY),
/* harmony export */   FQ: () => (/* binding */ sdrXml),
/* harmony export */   Zt: () => (/* binding */ sdrParser),
/* harmony export */   qH: () => (/* binding */ XML_NS_URL)
/* harmony export */ });
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41143);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20925);

// Metadata XML read and written the way source-deploy-retrieve 13 reads and writes it, with the
// same fast-xml-parser and the same options, so a name or a content reads here as it reads in the
// package SDR builds, and a recomposed file has SDR's bytes.
/** SDR's metadata parser (lib/src/utils/metadata.js). */
const sdrParser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A({
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    cdataPropName: '__cdata',
    processEntities: { enabled: true, maxTotalExpansions: 50_000 },
    ignoreDeclaration: true,
    numberParseOptions: { leadingZeros: false, hex: false },
    commentPropName: '#xml__comment',
});
/** The metadata namespace, as SDR keys it on a parsed root (its XML_NS_KEY and XML_NS_URL). */
const XML_NS_KEY = '@_xmlns';
const XML_NS_URL = 'http://soap.sforce.com/2006/04/metadata';
/**
 * SDR's JsToXml (lib/src/convert/streams.js): the builder's output with SDR's declaration, its
 * numeric character references unescaped (handleSpecialEntities) and comments pulled onto their
 * neighbours' lines (correctComments).
 */
function sdrXml(root) {
    const built = String(new fast_xml_parser__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A({ format: true, indentBy: '    ', ignoreAttributes: false, suppressBooleanAttributes: false, cdataPropName: '__cdata', commentPropName: '#xml__comment' }).build(root));
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${built.replace(/&amp;#(x?[\da-fA-F]+);/g, '&#$1;')}`;
    return xml.includes('<!--') ? xml.replace(/\s+<!--(.*?)-->\s+/g, '<!--$1-->') : xml;
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
