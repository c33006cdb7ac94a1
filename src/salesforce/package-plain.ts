import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { registry } from '@salesforce/source-deploy-retrieve/lib/src/registry/registry.js';
import type { MetadataType } from '@salesforce/source-deploy-retrieve';
import { forceIgnoreAt, searchUp, type Denies } from './forceignore.js';
import { writePackageXml, type ComponentRef } from './manifest.js';
import { sdrParser as parser, sdrXml, XML_NS_KEY, XML_NS_URL } from './sdr-xml.js';
import type { CopySource } from './package-copy.js';

// A plain project's package, resolved and converted without loading source-deploy-retrieve.
//
// Loading SDR costs a packaging worker 0.4–0.6 s (its every module pulls in @salesforce/core,
// jsforce, undici …), which on a small project is most of the time to the deploy request. Most
// projects are laid out the one way `sf project generate` and a retrieve lay them out: Apex,
// triggers, pages and their -meta.xml side by side in their type's folder, LWC and Aura bundles,
// one folder per custom object with its fields, list views …, one CustomLabels file, and
// metadata-only files (permission sets, layouts, tabs …). For such a project this module gives the
// components SDR would resolve (reading SDR's own registry, a JSON file) and the files SDR would
// write: copies for the types SDR copies (package-copy.ts names them), and SDR's recomposition of
// objects and labels, with the same XML parser and builder options.
//
// Anything else (another layout, a type with its own adapter or transformer, a .forceignore that
// ignores part of a component, a symbolic link, a dot-entry, replacements, registry customizations,
// a manifest, duplicate names) makes resolvePlainPackage answer undefined, and the package is
// built by SDR as before: this is an exact shortcut or nothing. test/integration/package-plain.test.ts
// and package-real-metadata.test.ts compare its packages entry by entry with SDR's.

type RegistryType = MetadataType;

/** Where a plain component came from and what it is. */
export interface PlainComponent extends CopySource {
  type: RegistryType;
  fullName: string;
  /** Its metadata file; none for an object folder holding only children (a standard object's fields). */
  xml?: string;
  /** A bundle's or an object's folder, an Apex class's .cls file. */
  content?: string;
  /** Files read for the component besides its xml: content files, decomposed children. */
  files: string[];
  /** An object's fields, list views …; the labels of CustomLabels. */
  children: Array<{ type: RegistryType; fullName: string; xml: string }>;
  /** How it is converted. */
  kind: 'copy' | 'decomposed' | 'labels';
}

export interface PlainPackage {
  components: PlainComponent[];
  /** Metadata files parsed while resolving, by path: objects' and their children's files, read again by package.xml and the recomposition. */
  parsed: Map<string, Record<string, unknown>>;
}

/** The inputs a package depends on (a PackagingJob's). */
interface PlainJob {
  workspace: string;
  sourceDirs: string[];
  manifest?: string;
}

/** Keys of sfdx-project.json that change how SDR resolves or converts a project. */
const PROJECT_VARIANTS = ['replacements', 'registryCustomizations', 'registryPresets', 'sourceBehaviorOptions'];
const META_XML = '-meta.xml';

/** Raised while resolving: the project is not plain; SDR builds it. */
class NotPlain extends Error {}

function notPlain(why: string): never {
  throw new NotPlain(why);
}

/** The registry's directory names, and the types this module converts, by their folder. */
const folders = (() => {
  const all = new Set<string>();
  const counts = new Map<string, number>();
  for (const type of Object.values(registry.types) as RegistryType[]) {
    all.add(type.directoryName);
    counts.set(type.directoryName, (counts.get(type.directoryName) ?? 0) + 1);
    for (const child of Object.values(type.children?.types ?? {})) all.add(child.directoryName);
  }
  const byFolder = new Map<string, RegistryType>();
  for (const type of Object.values(registry.types) as RegistryType[]) {
    if (counts.get(type.directoryName) !== 1 || type.isAddressable === false) continue;
    if (isCopiedType(type) || type.id === 'customobject' || type.id === 'customlabels') byFolder.set(type.directoryName, type);
  }
  return { all, byFolder };
})();

/** SDR copies this type's files (DefaultMetadataTransformer) and its adapter is one this module mirrors. */
function isCopiedType(type: RegistryType): boolean {
  const strategies = type.strategies;
  const transformer = strategies?.transformer ?? 'standard';
  if (transformer !== 'standard' || strategies?.decomposition || strategies?.recomposition) return false;
  if (type.children || type.inFolder || type.folderType || type.folderContentType) return false;
  const adapter = strategies?.adapter ?? 'default';
  if (adapter === 'bundle') return type.id === 'lightningcomponentbundle' || type.id === 'auradefinitionbundle';
  if (adapter === 'matchingContentFile') return Boolean(type.suffix) && registry.suffixes[type.suffix!] === type.id;
  return adapter === 'default' && Boolean(type.suffix) && registry.suffixes[type.suffix!] === type.id;
}

/** The rules of the .forceignore SDR applies to a package folder (the nearest one up). */
function forceIgnoreFor(packageDir: string): Denies {
  return forceIgnoreAt(searchUp(packageDir, '.forceignore'));
}

/** The folder's entries as SDR's tree lists them, each a file or a folder (a link or anything else: not plain). */
function entries(dir: string): Array<{ name: string; full: string; directory: boolean }> {
  return readdirSync(dir, { withFileTypes: true }).map((entry) => {
    if (!entry.isFile() && !entry.isDirectory()) notPlain(`${path.join(dir, entry.name)} is neither a file nor a folder`);
    return { name: entry.name, full: path.join(dir, entry.name), directory: entry.isDirectory() };
  });
}

/** SDR's walk of a component's folder: every file, forceignored entries (folders included) skipped. */
function walk(dir: string, denies: Denies): string[] {
  const files: string[] = [];
  for (const entry of entries(dir)) {
    if (denies(entry.full, entry.directory)) continue;
    if (entry.directory) {
      assertNoTypeFolder(entry.name);
      files.push(...walk(entry.full, denies));
    } else files.push(entry.full);
  }
  return files;
}

/** A path segment SDR could take for a type's folder, where this module does not expect one. */
function assertNoTypeFolder(...segments: string[]): void {
  for (const segment of segments) if (folders.all.has(segment)) notPlain(`a folder named ${segment}`);
}

/** A metadata file's root element's contents; not plain unless its only root is `typeName`. */
function parseRoot(file: string, typeName: string, cache?: Map<string, Record<string, unknown>>): Record<string, unknown> {
  const cached = cache?.get(file);
  if (cached) return cached;
  const text = readFileSync(file, 'utf8');
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    // XML the parser cannot read (an unclosed comment, CDATA …): SDR refuses it in its own words, naming the file.
    notPlain(`${file} cannot be parsed: ${(error as { message?: unknown }).message}`);
  }
  const keys = Object.keys(parsed);
  if (keys.length !== 1 || keys[0] !== typeName) notPlain(`${file} is not one ${typeName}`);
  const value = parsed[typeName];
  // A root holding only text (`<CustomField>F__c</CustomField>`): SDR spreads the string into its
  // characters' elements; an empty one is nothing, as here.
  if (typeof value === 'string' && value !== '') notPlain(`${file} holds only text`);
  const root = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  cache?.set(file, root);
  return root;
}

function withoutNamespace(root: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(root).filter(([key]) => key !== XML_NS_KEY));
}

/**
 * The components of a plain project, as SDR's ComponentSet.fromSource would resolve them; undefined
 * when the project is not plain (SDR then builds the package).
 */
export function resolvePlainPackage(job: PlainJob): PlainPackage | undefined {
  return explainPlainPackage(job).plan;
}

/** The plain package, or why the project is not plain. */
export function explainPlainPackage(job: PlainJob): { plan?: PlainPackage; reason?: string } {
  try {
    return { plan: resolve(job) };
  } catch (error) {
    if (error instanceof NotPlain) return { reason: error.message };
    // A folder SDR cannot read either (missing, not a folder): SDR reports it in its own words.
    // (Duck-typed: under jest, Node's errors come from another realm.)
    if (typeof error === 'object' && error !== null && 'syscall' in error && 'code' in error) return { reason: String((error as { message?: unknown }).message) };
    throw error;
  }
}

function resolve(job: PlainJob): PlainPackage {
  if (job.manifest) notPlain('a manifest');
  // SDR reads the project's variants from sfdx-project.json in the working directory's project
  // and replacements from the package's: both must have none.
  for (const project of new Set([path.join(job.workspace, 'sfdx-project.json'), searchUp(process.cwd(), 'sfdx-project.json')])) {
    if (!project || !existsSync(project)) continue;
    const config = JSON.parse(readFileSync(project, 'utf8')) as Record<string, unknown>;
    if (PROJECT_VARIANTS.some((key) => key in config)) notPlain(`${project} has variants or replacements`);
  }
  const components: PlainComponent[] = [];
  const parsed = new Map<string, Record<string, unknown>>();
  for (const dir of job.sourceDirs) {
    const root = path.resolve(job.workspace, dir);
    // SDR looks for a type's folder among every segment of a path, the workspace's included.
    assertNoTypeFolder(...root.split(path.sep));
    const denies = forceIgnoreFor(root);
    resolveFolder(root, denies, components, parsed);
  }
  if (components.length === 0) notPlain('no components');
  const seen = new Set<string>();
  for (const component of components) {
    for (const ref of [component, ...component.children]) {
      const key = `${ref.type.name}:${ref.fullName}`;
      if (seen.has(key)) notPlain(`${key} twice`);
      seen.add(key);
    }
  }
  if (components.filter((c) => c.kind === 'labels').length > 1) notPlain('several CustomLabels files');
  // Every file the conversion parses is parsed here (once: the conversion reads this cache), so a
  // file that makes the project not plain is found by every share alike. Found while converting,
  // it would send only the share holding it to SDR, whose split differs: components lost or doubled.
  for (const component of components) {
    if (component.kind !== 'decomposed') continue;
    if (component.xml) parseRoot(component.xml, component.type.name, parsed);
    for (const child of component.children) parseRoot(child.xml, child.type.name, parsed);
  }
  return { components, parsed };
}

/** A folder that is not a type's: only folders in it (files in it would be SDR's to resolve). */
function resolveFolder(dir: string, denies: Denies, components: PlainComponent[], parsed: PlainPackage['parsed']): void {
  for (const entry of entries(dir)) {
    if (!entry.directory) {
      if (!denies(entry.full, false)) notPlain(`${entry.full} outside a type's folder`);
      continue;
    }
    const type = folders.byFolder.get(entry.name);
    if (type) resolveTypeFolder(entry.full, type, denies, components, parsed);
    else if (folders.all.has(entry.name)) notPlain(`a ${entry.name} folder`);
    else resolveFolder(entry.full, denies, components, parsed);
  }
}

/** Files under `dir`, all of them forceignored (else not plain). */
function assertAllDenied(dir: string, denies: Denies): void {
  for (const entry of entries(dir)) {
    if (entry.directory) assertAllDenied(entry.full, denies);
    else if (!denies(entry.full, false)) notPlain(`${entry.full} in a nested folder`);
  }
}

function resolveTypeFolder(dir: string, type: RegistryType, denies: Denies, components: PlainComponent[], parsed: PlainPackage['parsed']): void {
  const adapter = type.strategies?.adapter ?? 'default';
  if (type.id === 'customobject') {
    for (const entry of entries(dir)) {
      if (!entry.directory) {
        if (!denies(entry.full, false)) notPlain(`${entry.full} directly in objects`);
        continue;
      }
      components.push(resolveObject(entry.full, entry.name, type, denies));
    }
    return;
  }
  if (type.id === 'customlabels') {
    for (const entry of entries(dir)) {
      if (denies(entry.full, entry.directory)) continue;
      if (entry.directory || entry.name !== `CustomLabels.${type.suffix}${META_XML}`) notPlain(`${entry.full} in labels`);
      components.push(resolveLabels(entry.full, type, parsed));
    }
    return;
  }
  if (adapter === 'bundle') {
    for (const entry of entries(dir)) {
      if (!entry.directory) {
        if (!denies(entry.full, false)) notPlain(`${entry.full} directly in ${type.directoryName}`);
        continue;
      }
      if (denies(entry.full, true)) continue;
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
      if (type.strictDirectoryName) assertAllDenied(entry.full, denies);
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
        if (!names.has(content)) notPlain(`${entry.full} without its ${contentSuffix}`);
        continue; // taken with its content file
      }
      if (!entry.name.endsWith(contentSuffix)) {
        if (denies(entry.full, false)) continue;
        notPlain(`${entry.full} in ${type.directoryName}`);
      }
      const fullName = entry.name.slice(0, -contentSuffix.length);
      const xml = `${entry.full}${META_XML}`;
      const contentDenied = denies(entry.full, false);
      const xmlDenied = denies(xml, false);
      if (contentDenied && xmlDenied) continue;
      if (contentDenied || xmlDenied || !names.has(`${entry.name}${META_XML}`)) notPlain(`${entry.full} without both of its files`);
      if (fullName.includes('.') || fullName === '') notPlain(`${entry.full}: a name with a dot`);
      components.push(plain({ type, fullName, xml, content: entry.full, files: [entry.full], children: [], kind: 'copy' }));
      continue;
    }
    if (denies(entry.full, false)) continue;
    if (!entry.name.endsWith(xmlSuffix)) notPlain(`${entry.full} in ${type.directoryName}`);
    const fullName = baseWithoutSuffixes(entry.name, type);
    if (fullName === '' || fullName !== entry.name.slice(0, -xmlSuffix.length)) notPlain(`${entry.full}: an unusual name`);
    if (type.legacySuffix && `${type.directoryName}/${entry.name}`.includes(type.legacySuffix)) notPlain(`${entry.full}: the legacy suffix`);
    components.push(plain({ type, fullName, xml: entry.full, files: [], children: [], kind: 'copy' }));
  }
}

/** SDR's baseWithoutSuffixes: the file name without -meta.xml and without the type's suffixes. */
function baseWithoutSuffixes(name: string, type: RegistryType): string {
  return name
    .replace(META_XML, '')
    .split('.')
    .filter((part) => part !== type.suffix && (!type.legacySuffix || part !== type.legacySuffix))
    .join('.');
}

/** An LWC or Aura bundle: its folder, its one `<name>.<ext>-meta.xml`, every other file in it. */
function resolveBundle(dir: string, name: string, type: RegistryType, denies: Denies): PlainComponent {
  assertNoTypeFolder(name);
  const top = entries(dir);
  const xmls = top.filter((e) => !e.directory && e.name.split('.')[0] === name && e.name.endsWith(META_XML));
  if (xmls.length !== 1 || denies(xmls[0]!.full, false)) notPlain(`${dir}: not one metadata file`);
  if (type.id === 'lightningcomponentbundle' && xmls[0]!.name !== `${name}.js${META_XML}`) notPlain(`${dir}: an unusual metadata file`);
  const xml = xmls[0]!.full;
  const files = walk(dir, denies).filter((file) => file !== xml);
  return plain({ type, fullName: name, xml, content: dir, files, children: [], kind: 'copy' });
}

/** A custom object's folder: `<Object>.object-meta.xml` and its children, each in its type's folder. */
function resolveObject(dir: string, name: string, type: RegistryType, denies: Denies): PlainComponent {
  assertNoTypeFolder(name);
  const xml = path.join(dir, `${name}.${type.suffix}${META_XML}`);
  const children: PlainComponent['children'] = [];
  let hasXml = false;
  for (const entry of entries(dir)) {
    if (denies(entry.full, entry.directory)) {
      if (entry.full === xml) notPlain(`${xml} is forceignored`);
      continue;
    }
    if (!entry.directory) {
      if (entry.full !== xml) notPlain(`${entry.full} beside the object's file`);
      hasXml = true;
      continue;
    }
    const childType = type.children!.types[type.children!.directories?.[entry.name] ?? ''];
    if (!childType) notPlain(`${entry.full}: not a child folder`);
    for (const file of entries(entry.full)) {
      if (denies(file.full, file.directory)) continue;
      const suffix = `.${childType.suffix}${META_XML}`;
      if (file.directory || !file.name.endsWith(suffix)) notPlain(`${file.full} in ${entry.name}`);
      const childName = file.name.slice(0, -suffix.length);
      if (childName === '' || childName.includes('.')) notPlain(`${file.full}: an unusual name`);
      children.push({ type: childType, fullName: `${name}.${childName}`, xml: file.full });
    }
  }
  // Without its own file (a standard object's fields), SDR writes the children alone and lists
  // only them in package.xml.
  if (!hasXml && children.length === 0) notPlain(`${dir}: nothing in it`);
  return plain({ type, fullName: name, ...(hasXml ? { xml } : {}), content: dir, files: children.map((c) => c.xml), children, kind: 'decomposed' });
}

/** Wires a component to the naming package-copy.ts gives SDR's (getPackageRelativePath). */
function plain(component: Omit<PlainComponent, 'getPackageRelativePath'>): PlainComponent {
  return {
    ...component,
    getPackageRelativePath: (fsPath: string) =>
      // SDR's calculateRelativePath for metadata format: a type without a suffix (a bundle) keeps
      // the path from its type's folder; any other, its type's folder and the file's name.
      component.type.suffix ? path.join(component.type.directoryName, path.basename(fsPath)) : trimUntil(fsPath, component.type.directoryName),
  };
}

/** SDR's trimUntil(fsPath, part, true): the path from the last segment named `part`. */
function trimUntil(fsPath: string, part: string): string {
  const parts = fsPath.split(path.sep);
  const index = parts.lastIndexOf(part);
  return index === -1 ? fsPath : parts.slice(index).join(path.sep);
}

/** One converted file: its name in the package and its bytes (or where to read them). */
export interface PlainFile {
  output: string;
  source?: string;
  data?: Buffer;
}

/** The files SDR writes for these components, in metadata format. */
export function plainFiles(plan: PlainPackage, components: PlainComponent[], copied: (component: PlainComponent) => Array<{ source: string; output: string }>): PlainFile[] {
  const files: PlainFile[] = [];
  for (const component of components) {
    if (component.kind === 'copy') files.push(...copied(component));
    else files.push({ output: path.join(component.type.directoryName, `${component.fullName}.${component.type.suffix}`), data: Buffer.from(recompose(plan, component)) });
  }
  return files;
}

/** SDR's RecompositionFinalizer and JsToXml: the parent's elements, then each child group sorted by name, as SDR writes them. */
function recompose(plan: PlainPackage, component: PlainComponent): string {
  // A label's elements are in its parent's file, by name (resolveLabels made sure each has one, once).
  const labels = component.kind === 'labels' ? labelsByName(parseRoot(component.xml!, component.type.name, plan.parsed), component.type) : undefined;
  const children = component.children.map((child) => ({ child, xml: childXml(plan, labels, child) }));
  const start = component.kind === 'labels' || !component.xml ? {} : withoutNamespace(parseRoot(component.xml, component.type.name, plan.parsed));
  const groupNames = [...new Set(children.map(({ child }) => child.type.xmlElementName ?? child.type.directoryName))].sort();
  const groups = Object.fromEntries(
    groupNames.map((group) => [
      group,
      children
        .filter(({ child }) => (child.type.xmlElementName ?? child.type.directoryName) === group)
        .sort((a, b) => uniqueValue(a.xml, a.child.type).localeCompare(uniqueValue(b.xml, b.child.type)))
        .map(({ xml }) => xml),
    ]),
  );
  return sdrXml({ [component.type.name]: { [XML_NS_KEY]: XML_NS_URL, ...start, ...groups } });
}

/** A child's elements: its element in the parent's labels file (a label), or its own file's root (an object's field). */
function childXml(plan: PlainPackage, labels: Map<string, Record<string, unknown>> | undefined, child: PlainComponent['children'][number]): Record<string, unknown> {
  return labels ? labels.get(child.fullName)! : withoutNamespace(parseRoot(child.xml, child.type.name, plan.parsed));
}

/** A labels file's label elements by name. */
function labelsByName(root: Record<string, unknown>, type: RegistryType): Map<string, Record<string, unknown>> {
  const { childType, list } = labelList(root, type);
  return new Map(list.map((element) => [element[childType.uniqueIdElement!] as string, element]));
}

/** A labels file's label elements, and the type they are. */
function labelList(root: Record<string, unknown>, type: RegistryType): { childType: RegistryType; list: Array<Record<string, unknown>> } {
  const childType = Object.values(type.children!.types)[0]!;
  const elements = root[childType.xmlElementName!];
  return { childType, list: (Array.isArray(elements) ? elements : elements === undefined ? [] : [elements]) as Array<Record<string, unknown>> };
}

/** SDR's extractUniqueElementValue. */
function uniqueValue(xml: Record<string, unknown>, type: RegistryType): string {
  const value = (key: string) => (typeof xml[key] === 'string' ? (xml[key] as string) : undefined);
  return (type.uniqueIdElement ? value(type.uniqueIdElement) : undefined) ?? value('fullName') ?? value('name') ?? '';
}

/**
 * Labels are read from their file when the package is resolved: their names are what package.xml
 * lists. Not plain when a label has no name or two share one.
 */
function resolveLabels(file: string, type: RegistryType, parsed: PlainPackage['parsed']): PlainComponent {
  const { childType, list } = labelList(parseRoot(file, type.name, parsed), type);
  if (list.length === 0) notPlain(`${file} has no labels`);
  const names = list.map((element) => element[childType.uniqueIdElement!]);
  if (names.some((name) => typeof name !== 'string' || name === '') || new Set(names).size !== names.length) notPlain(`${file}: a label without a name, or twice`);
  return plain({ type, fullName: path.basename(file).slice(0, -`.${type.suffix}${META_XML}`.length), xml: file, files: [], children: (names as string[]).map((fullName) => ({ type: childType, fullName, xml: file })), kind: 'labels' });
}

/**
 * package.xml as SDR's ComponentSet.getPackageXml writes it: every component and child, a
 * decomposed parent with nothing but its namespace left out.
 */
export function plainPackageXml(plan: PlainPackage, apiVersion: string): string {
  const { components } = plan;
  const refs: ComponentRef[] = [];
  for (const component of components) {
    for (const child of component.children) if (child.type.isAddressable !== false) refs.push({ type: child.type.name, fullName: child.fullName });
    if (component.kind === 'decomposed' && (!component.xml || Object.keys(parseRoot(component.xml, component.type.name, plan.parsed)).length <= 1)) continue;
    refs.push({ type: component.type.name, fullName: component.fullName });
  }
  return writePackageXml(refs, apiVersion);
}
