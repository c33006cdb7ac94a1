import { createHash } from 'node:crypto';
import { strFromU8, strToU8 } from 'fflate';
import type { IdFactory } from './ids.js';
import { isPermissionContainer, mergePermissionFile } from './profiles.js';
import { fullNameOf, joinRootElements, splitRootElements, type XmlElement } from './xml.js';

/** How a metadata type is laid out in a Metadata API (metadata-format) zip. */
export interface MetadataTypeInfo {
  name: string;
  directoryName: string;
  /** File suffix without the dot; absent for bundles. */
  suffix?: string;
  /** Whether each file has a `-meta.xml` companion (code and binary types). */
  metaFile?: boolean;
  /** Whether a component is a folder of files (`lwc/myCmp/...`). */
  bundle?: boolean;
  /** Child types stored inside the parent file, keyed by their XML element name. */
  children?: Record<string, string>;
  /** Whether child fullNames carry the parent's name (`Widget__c.Size__c`); CustomLabel's do not. */
  childNamesQualified?: boolean;
  /** Key prefix of the ids Salesforce gives components of this type. */
  idPrefix: string;
  /**
   * Components live in folders (`reports/NPSP_Health_Check/Open_Cases.report`); the folder is a
   * component of the same type named after it, with its `reports/NPSP_Health_Check-meta.xml`.
   */
  inFolder?: boolean;
  /** Bundles whose definition file sits beside the bundle folder (`experiences/Site1.site-meta.xml`). */
  bundleMetaSuffix?: string;
}

/** The types the emulator knows the layout of; files in other folders are kept as opaque components. */
export const METADATA_TYPES: readonly MetadataTypeInfo[] = [
  { name: 'ApexClass', directoryName: 'classes', suffix: 'cls', metaFile: true, idPrefix: '01p' },
  { name: 'ApexTrigger', directoryName: 'triggers', suffix: 'trigger', metaFile: true, idPrefix: '01q' },
  { name: 'ApexPage', directoryName: 'pages', suffix: 'page', metaFile: true, idPrefix: '066' },
  { name: 'ApexComponent', directoryName: 'components', suffix: 'component', metaFile: true, idPrefix: '099' },
  { name: 'StaticResource', directoryName: 'staticresources', suffix: 'resource', metaFile: true, idPrefix: '081' },
  {
    name: 'CustomObject',
    directoryName: 'objects',
    suffix: 'object',
    idPrefix: '01I',
    childNamesQualified: true,
    children: {
      fields: 'CustomField',
      validationRules: 'ValidationRule',
      listViews: 'ListView',
      recordTypes: 'RecordType',
      webLinks: 'WebLink',
      fieldSets: 'FieldSet',
      compactLayouts: 'CompactLayout',
      businessProcesses: 'BusinessProcess',
      sharingReasons: 'SharingReason',
      indexes: 'Index',
    },
  },
  { name: 'CustomLabels', directoryName: 'labels', suffix: 'labels', idPrefix: '000', children: { labels: 'CustomLabel' } },
  { name: 'LightningComponentBundle', directoryName: 'lwc', bundle: true, idPrefix: '0Rb' },
  { name: 'AuraDefinitionBundle', directoryName: 'aura', bundle: true, idPrefix: '0Ab' },
  { name: 'PermissionSet', directoryName: 'permissionsets', suffix: 'permissionset', idPrefix: '0PS' },
  { name: 'PermissionSetGroup', directoryName: 'permissionsetgroups', suffix: 'permissionsetgroup', idPrefix: '0PG' },
  { name: 'Profile', directoryName: 'profiles', suffix: 'profile', idPrefix: '00e' },
  { name: 'Layout', directoryName: 'layouts', suffix: 'layout', idPrefix: '00h' },
  { name: 'Flow', directoryName: 'flows', suffix: 'flow', idPrefix: '301' },
  { name: 'FlexiPage', directoryName: 'flexipages', suffix: 'flexipage', idPrefix: '0M0' },
  { name: 'CustomTab', directoryName: 'tabs', suffix: 'tab', idPrefix: '01r' },
  { name: 'CustomApplication', directoryName: 'applications', suffix: 'app', idPrefix: '02u' },
  { name: 'CustomPermission', directoryName: 'customPermissions', suffix: 'customPermission', idPrefix: '0CP' },
  { name: 'CustomMetadata', directoryName: 'customMetadata', suffix: 'md', idPrefix: 'm00' },
  { name: 'GlobalValueSet', directoryName: 'globalValueSets', suffix: 'globalValueSet', idPrefix: '0Nt' },
  // Workflow and MatchingRules are decomposed like objects: Metadata API Developer Guide,
  // "Workflow" (child types WorkflowAlert, WorkflowFieldUpdate, WorkflowRule, ...) and
  // "MatchingRules" (child MatchingRule, named Object.Rule).
  {
    name: 'Workflow',
    directoryName: 'workflows',
    suffix: 'workflow',
    idPrefix: '000',
    childNamesQualified: true,
    children: {
      alerts: 'WorkflowAlert',
      fieldUpdates: 'WorkflowFieldUpdate',
      flowActions: 'WorkflowFlowAction',
      knowledgePublishes: 'WorkflowKnowledgePublish',
      outboundMessages: 'WorkflowOutboundMessage',
      rules: 'WorkflowRule',
      send: 'WorkflowSend',
      tasks: 'WorkflowTask',
    },
  },
  { name: 'MatchingRules', directoryName: 'matchingRules', suffix: 'matchingRule', idPrefix: '0JD', childNamesQualified: true, children: { matchingRules: 'MatchingRule' } },
  { name: 'DuplicateRule', directoryName: 'duplicateRules', suffix: 'duplicateRule', idPrefix: '0Bm' },
  { name: 'Report', directoryName: 'reports', suffix: 'report', idPrefix: '00O', inFolder: true },
  { name: 'Dashboard', directoryName: 'dashboards', suffix: 'dashboard', idPrefix: '01Z', inFolder: true },
  { name: 'EmailTemplate', directoryName: 'email', suffix: 'email', metaFile: true, idPrefix: '00X', inFolder: true },
  { name: 'Document', directoryName: 'documents', metaFile: true, idPrefix: '015', inFolder: true },
  // ExperienceBundle: Metadata API Developer Guide, "ExperienceBundle": a folder per site
  // (`experiences/Site1/config/…json`, `…/views/…json`) plus `experiences/Site1.site-meta.xml`.
  { name: 'ExperienceBundle', directoryName: 'experiences', bundle: true, bundleMetaSuffix: '.site-meta.xml', idPrefix: '0ED' },
  { name: 'ExternalDataSource', directoryName: 'dataSources', suffix: 'dataSource', idPrefix: '0XC' },
];

const CHILD_ID_PREFIXES: Record<string, string> = {
  CustomField: '00N',
  ValidationRule: '03d',
  ListView: '00B',
  RecordType: '012',
  WebLink: '00b',
  FieldSet: '0Ix',
  CompactLayout: '0AH',
  BusinessProcess: '019',
  CustomLabel: '101',
  WorkflowRule: '01Q',
  WorkflowFieldUpdate: '04Y',
  WorkflowAlert: '01W',
  WorkflowTask: '01V',
  WorkflowOutboundMessage: '04k',
  MatchingRule: '0JD',
};

const TYPES_BY_NAME = new Map(METADATA_TYPES.map((info) => [info.name, info]));
const TYPES_BY_DIRECTORY = new Map(METADATA_TYPES.map((info) => [info.directoryName, info]));
const PARENTS_BY_CHILD = new Map(
  METADATA_TYPES.flatMap((parent) =>
    Object.entries(parent.children ?? {}).map(([element, child]) => [child, { parent, element }] as const),
  ),
);

/** Layout of a known type, by type name. */
export function typeInfo(type: string): MetadataTypeInfo | undefined {
  return TYPES_BY_NAME.get(type);
}

/** For a child type (CustomField, CustomLabel, ...), its parent type and XML element name. */
export function parentOfChildType(type: string): { parent: MetadataTypeInfo; element: string } | undefined {
  return PARENTS_BY_CHILD.get(type);
}

/** Identifies a component: its type and full name. */
export interface ComponentRef {
  type: string;
  fullName: string;
}

/** Component content as read from a metadata-format zip or folder, before it is stored. */
export interface ComponentContent extends ComponentRef {
  /** File-based types: metadata-format path (no package root) to bytes. */
  files?: Map<string, Uint8Array>;
  /** Decomposed parents: their own top-level elements; children: their single element. */
  elements?: XmlElement[];
  /** The metadata-format path a DeployMessage names for this component. */
  fileName: string;
  /** Id reserved for a component the org does not have yet, so test results and the stored component agree. */
  id?: string;
}

/** A component held by an org, with the audit fields FileProperties report. */
export interface StoredComponent extends ComponentContent {
  id: string;
  digest: string;
  createdDate: string;
  createdById: string;
  createdByName: string;
  lastModifiedDate: string;
  lastModifiedById: string;
  lastModifiedByName: string;
  /** A standard object or field every org has; it cannot be deleted. */
  standard?: boolean;
}

/** Who changes the org's metadata, for the audit fields. */
export interface MetadataAuthor {
  id: string;
  name: string;
}

/** What storing a component did, as a DeployMessage reports it. */
export type PutOutcome = 'created' | 'changed' | 'unchanged';

/**
 * Components are keyed case-insensitively: Salesforce API names are unique regardless of case
 * (Metadata API Developer Guide, "Metadata": fullName; an org cannot hold both `accountId__c`
 * and `AccountId__c`), so a deploy of either spelling updates the one component.
 */
const key = (type: string, fullName: string): string => `${type}\u0000${fullName.toLowerCase()}`;

/** Orders strings by code point, as Salesforce sorts names (locale rules would reorder `_`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits metadata-format files into components; `typeHints` names the type of files in unknown folders. */
export function componentsFromFiles(
  files: ReadonlyMap<string, Uint8Array>,
  typeHints: ReadonlyMap<string, string> = new Map(),
): ComponentContent[] {
  const components = new Map<string, ComponentContent>();
  const add = (content: ComponentContent): void => {
    const existing = components.get(key(content.type, content.fullName));
    if (!existing) {
      components.set(key(content.type, content.fullName), content);
      return;
    }
    for (const [path, bytes] of content.files ?? []) existing.files?.set(path, bytes);
    if (!isMetaPath(content.fileName) && isMetaPath(existing.fileName)) existing.fileName = content.fileName;
  };
  for (const [path, bytes] of [...files].sort(([a], [b]) => compareText(a, b))) {
    const slash = path.indexOf('/');
    if (slash < 0 || path.endsWith('/')) continue;
    const directory = path.slice(0, slash);
    const rest = path.slice(slash + 1);
    const info = TYPES_BY_DIRECTORY.get(directory);
    if (info?.children && rest.endsWith(`.${info.suffix}`)) {
      for (const content of decompose(info, path, rest.slice(0, -(info.suffix!.length + 1)), strFromU8(bytes))) add(content);
    } else if (info?.bundle) {
      const bundleName =
        info.bundleMetaSuffix && !rest.includes('/') && rest.endsWith(info.bundleMetaSuffix)
          ? rest.slice(0, -info.bundleMetaSuffix.length)
          : rest.split('/')[0]!;
      add({ type: info.name, fullName: bundleName, files: new Map([[path, bytes]]), fileName: `${directory}/${bundleName}` });
    } else {
      // A Document keeps its extension in its name (`Logos/acme.png`).
      const fullName = info && !info.suffix ? rest.replace(/-meta\.xml$/, '') : stripSuffix(rest, info?.suffix);
      const type = info?.name ?? typeHints.get(fullName) ?? `Unknown:${directory}`;
      add({ type, fullName, files: new Map([[path, bytes]]), fileName: path });
    }
  }
  return [...components.values()];
}

function decompose(info: MetadataTypeInfo, path: string, parentName: string, xml: string): ComponentContent[] {
  const { elements } = splitRootElements(xml);
  const own: XmlElement[] = [];
  const children: ComponentContent[] = [];
  for (const element of elements) {
    const childType = info.children?.[element.name];
    const childName = childType ? fullNameOf(element) : undefined;
    if (!childType || !childName) {
      own.push(element);
      continue;
    }
    const fullName = info.childNamesQualified ? `${parentName}.${childName}` : childName;
    children.push({ type: childType, fullName, elements: [element], fileName: path });
  }
  return [{ type: info.name, fullName: parentName, elements: own, fileName: path }, ...children];
}

function stripSuffix(rest: string, suffix: string | undefined): string {
  const withoutMeta = rest.endsWith('-meta.xml') ? rest.slice(0, -'-meta.xml'.length) : rest;
  if (suffix && withoutMeta.endsWith(`.${suffix}`)) return withoutMeta.slice(0, -(suffix.length + 1));
  const dot = withoutMeta.lastIndexOf('.');
  return dot > withoutMeta.lastIndexOf('/') ? withoutMeta.slice(0, dot) : withoutMeta;
}

function isMetaPath(path: string): boolean {
  return path.endsWith('-meta.xml');
}

function idPrefixOf(type: string): string {
  return CHILD_ID_PREFIXES[type] ?? typeInfo(type)?.idPrefix ?? '000';
}

function digestOf(content: ComponentContent): string {
  const hash = createHash('sha256');
  for (const [path, bytes] of [...(content.files ?? [])].sort(([a], [b]) => compareText(a, b))) {
    hash.update(path).update('\u0000').update(bytes).update('\u0000');
  }
  for (const element of content.elements ?? []) hash.update(element.raw).update('\u0000');
  return hash.digest('hex');
}

/** One org's metadata: components keyed by type and full name, in metadata format. */
export class MetadataStore {
  private readonly components = new Map<string, StoredComponent>();

  constructor(private readonly ids: IdFactory) {}

  /** The stored component, if the org has it. */
  get(type: string, fullName: string): StoredComponent | undefined {
    return this.components.get(key(type, fullName));
  }

  /**
   * Whether the org has the component. A standard object (no `__` suffix) counts as present
   * when it has any stored child, as Account exists in every org without being deployed.
   */
  has(type: string, fullName: string): boolean {
    if (this.components.has(key(type, fullName))) return true;
    const info = typeInfo(type);
    return Boolean(info?.children && !fullName.includes('__') && this.childrenOf(type, fullName).length > 0);
  }

  /** All stored components, optionally of one type, sorted by type and name. */
  list(type?: string): StoredComponent[] {
    return [...this.components.values()]
      .filter((component) => !type || component.type === type)
      .sort((a, b) => compareText(a.type, b.type) || compareText(a.fullName, b.fullName));
  }

  /** What storing the content would do, without storing it. */
  outcomeOf(content: ComponentContent): PutOutcome {
    const existing = this.get(content.type, content.fullName);
    if (!existing) return 'created';
    return existing.digest === digestOf(this.overlay(content, existing)) ? 'unchanged' : 'changed';
  }

  /** A profile or permission set deployed over a stored one is merged into it (see profiles.ts). */
  private overlay(content: ComponentContent, existing: StoredComponent | undefined): ComponentContent {
    if (!existing || !isPermissionContainer(content.type) || !content.files || !existing.files) return content;
    const files = new Map<string, Uint8Array>();
    for (const [path, bytes] of content.files) {
      const old = [...existing.files.values()][0];
      files.set(path, old ? strToU8(mergePermissionFile(strFromU8(old), strFromU8(bytes))) : bytes);
    }
    return { ...content, files };
  }

  /** The component's id: the stored one, else one reserved on the content for when it is stored. */
  idFor(content: ComponentContent): string {
    content.id ??= this.get(content.type, content.fullName)?.id ?? this.ids.next(idPrefixOf(content.type));
    return content.id;
  }

  /** Stores a component, replacing its previous content; a parent keeps children the content does not mention. */
  put(content: ComponentContent, author: MetadataAuthor, now: string): PutOutcome {
    const existing = this.get(content.type, content.fullName);
    const merged = this.overlay(content, existing);
    const digest = digestOf(merged);
    if (existing?.digest === digest) return 'unchanged';
    this.components.set(key(content.type, content.fullName), {
      ...merged,
      files: merged.files ? new Map(merged.files) : undefined,
      id: existing?.id ?? content.id ?? this.ids.next(idPrefixOf(content.type)),
      digest,
      createdDate: existing?.createdDate ?? now,
      createdById: existing?.createdById ?? author.id,
      createdByName: existing?.createdByName ?? author.name,
      lastModifiedDate: now,
      lastModifiedById: author.id,
      lastModifiedByName: author.name,
      ...(existing?.standard ? { standard: true } : {}),
    });
    return existing ? 'changed' : 'created';
  }

  /** Stores a standard object or field, which every org has from its creation. */
  putStandard(content: ComponentContent, author: MetadataAuthor, now: string): void {
    this.put(content, author, now);
    this.components.get(key(content.type, content.fullName))!.standard = true;
  }

  /** Deletes a component and, for a parent, its children; false when the org did not have it. */
  delete(type: string, fullName: string): boolean {
    const children = this.childrenOf(type, fullName);
    const existed = this.components.delete(key(type, fullName)) || children.length > 0;
    for (const child of children) this.components.delete(key(child.type, child.fullName));
    return existed;
  }

  /** The stored children of a decomposed parent (an object's fields, the org's labels). */
  childrenOf(type: string, fullName: string): StoredComponent[] {
    const info = typeInfo(type);
    if (!info?.children) return [];
    const childTypes = new Set(Object.values(info.children));
    return this.list().filter(
      (component) =>
        childTypes.has(component.type) &&
        (!info.childNamesQualified || component.fullName.toLowerCase().startsWith(`${fullName.toLowerCase()}.`)),
    );
  }

  /**
   * Writes the metadata-format files of the selected components. A decomposed parent is written
   * whole; children selected without their parent are written alone into the parent's file, as a
   * retrieve of one CustomField returns an `.object` holding only that field.
   */
  render(selection: readonly ComponentRef[]): Map<string, Uint8Array> {
    const files = new Map<string, Uint8Array>();
    const decomposed = new Map<string, { root: string; parts: Map<string, StoredComponent> }>();
    const addPart = (path: string, root: string, component?: StoredComponent): void => {
      const file = decomposed.get(path) ?? { root, parts: new Map() };
      decomposed.set(path, file);
      if (component) file.parts.set(key(component.type, component.fullName), component);
    };
    for (const ref of selection) {
      const info = typeInfo(ref.type);
      const childOf = parentOfChildType(ref.type);
      if (info?.children) {
        const path = `${info.directoryName}/${ref.fullName}.${info.suffix}`;
        const parent = this.get(ref.type, ref.fullName);
        const children = this.childrenOf(ref.type, ref.fullName);
        if (parent || children.length > 0) addPart(path, info.name, parent);
        for (const child of children) addPart(path, info.name, child);
      } else if (childOf) {
        const child = this.get(ref.type, ref.fullName);
        if (child) addPart(child.fileName, childOf.parent.name, child);
      } else {
        for (const [path, bytes] of this.get(ref.type, ref.fullName)?.files ?? []) files.set(path, bytes);
      }
    }
    for (const [path, file] of decomposed) {
      // Salesforce writes elements sorted by name, children of one kind by their fullName.
      const elements = [...file.parts.values()]
        .flatMap((component) => component.elements ?? [])
        .map((element, index) => ({ element, sortKey: `${element.name}\u0000${fullNameOf(element) ?? ''}`, index }))
        .sort((a, b) => compareText(a.sortKey, b.sortKey) || a.index - b.index)
        .map(({ element }) => element);
      files.set(path, strToU8(joinRootElements(file.root, elements)));
    }
    return files;
  }
}
