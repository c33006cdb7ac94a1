// Pure decisions of a delta: what identifies a component, which components Salesforce can delete,
// and how deleted components turn into destructiveChangesPost.xml members. No git, no files.
import type { ComponentRef } from './manifest.js';

/** What the rules need of a source-deploy-retrieve SourceComponent (kept structural so tests can pass plain data). */
export interface DeltaComponent {
  type: { name: string; isAddressable?: boolean; unaddressableWithoutParent?: boolean; directoryName?: string; strategies?: { transformer?: string } };
  fullName: string;
  xml?: string;
  parent?: DeltaComponent;
  getChildren(): DeltaComponent[];
}

/**
 * The identity of a component. Salesforce's metadata names are case-insensitive (an org cannot hold
 * both `Invoice__c.accountId__c` and `Invoice__c.AccountId__c`; listMetadata and destructive
 * changes match either spelling), so the key folds case: a file renamed only in letter case is the
 * same component changed, never a deletion of the old spelling plus a creation of the new one.
 */
export function componentKey(component: { type: { name: string } | string; fullName: string }): string {
  const type = typeof component.type === 'string' ? component.type : component.type.name;
  return `${type}:${component.fullName.toLowerCase()}`;
}

/**
 * Types whose file is only a container of children (labels, workflow rules, sharing rules …):
 * Salesforce deletes the children, never the container, so a deleted container file lists its
 * children in destructiveChanges.
 */
export const CONTAINER_TYPES = new Set(['CustomLabels', 'Workflow', 'SharingRules', 'AssignmentRules', 'AutoResponseRules', 'EscalationRules', 'MatchingRules', 'ManagedTopics']);

/** Deleting these deletes data with them; the summary must say so. */
export const DATA_TYPES = new Set(['CustomObject', 'CustomField']);

/** Types Salesforce defines and never deletes, whatever their name. */
const NEVER_DELETED_TYPES = new Set(['StandardValueSet', 'StandardValueSetTranslation']);

/**
 * The suffixes of API names Salesforce gives to things an org defines itself (custom objects,
 * metadata types, platform events, big and external objects, knowledge): anything else named as
 * a CustomObject is a standard object (Account, Case, Opportunity …).
 * Source: Salesforce Object Reference, "Custom Objects" and "Object Name Suffixes".
 */
const CUSTOM_OBJECT = /__(c|mdt|e|b|x|kav|ka|xo|chn|dlm|dll|hd)$/i;

/**
 * Whether Salesforce can delete the component through destructiveChanges: standard objects, their
 * standard fields (Account.Phone, Case.Status), standard value sets and org settings cannot be
 * deleted; the custom children of a standard object (a list view, a custom field, a record type)
 * can.
 */
export function isDeletable(component: DeltaComponent): boolean {
  const type = component.type.name;
  if (NEVER_DELETED_TYPES.has(type) || component.type.directoryName === 'settings') return false;
  if (type === 'CustomObject') return CUSTOM_OBJECT.test(component.fullName);
  if (type === 'CustomField') return /__c$/i.test(component.fullName.slice(component.fullName.indexOf('.') + 1));
  return true;
}

/** Whether Salesforce addresses the component alone in a package (a field translation only goes with its object translation). */
export function isAddressable(component: DeltaComponent): boolean {
  return component.type.isAddressable !== false && !component.type.unaddressableWithoutParent;
}

const children = new WeakMap<DeltaComponent, DeltaComponent[]>();

/**
 * A component's children, read once: source-deploy-retrieve parses a container's whole file on
 * every getChildren() call (300 labels, each time), and a delta asks many times.
 */
export function childrenOf<T extends DeltaComponent>(component: T): T[] {
  let known = children.get(component);
  if (!known) children.set(component, (known = component.getChildren()));
  return known as T[];
}

/** Records children read some other way (one parse of a labels file), so childrenOf() does not parse the file again. */
export function rememberChildren<T extends DeltaComponent>(component: T, known: T[]): void {
  children.set(component, known);
}

/**
 * A labels file: a container whose children (labels) live in it and which source-deploy-retrieve
 * recomposes from just the children it is given (its `nonDecomposed` transformer), so a package can
 * hold some labels of the file and not the others, as `sf project deploy start --metadata
 * CustomLabel:Name` sends them. Other containers (workflows, sharing rules) ship their file whole.
 */
export function isLabelsFile(component: DeltaComponent & { content?: string }): boolean {
  return !component.parent && Boolean(component.xml) && !component.content && component.type.strategies?.transformer === 'nonDecomposed';
}

/** Children stored in the component's own file (labels in CustomLabels), not in files of their own (fields). */
export function hasInFileChildren(component: DeltaComponent): boolean {
  return childrenOf(component).some((child) => child.xml === component.xml);
}

/** What the deleted components of a range become. */
export interface DestructivePlan {
  /** destructiveChangesPost.xml members. */
  destructive: ComponentRef[];
  /** Surviving parents to deploy, since their deleted child cannot be deleted alone (a field translation). */
  redeployParents: DeltaComponent[];
  /** Things the run summary should say. */
  notes: string[];
}

/**
 * Turns deleted components into destructiveChangesPost.xml members: containers are replaced by
 * their children, children of a deleted parent are dropped (deleting the object deletes its
 * fields), what Salesforce cannot delete (standard objects and fields) is left alone while its
 * deleted custom children are still listed, and children Salesforce cannot address alone turn
 * into a deploy of their surviving parent.
 *
 * `survivor` says whether a component (by key) is still in the head commit, and returns it.
 */
export function planDestructive(deleted: DeltaComponent[], survivor: (component: DeltaComponent) => DeltaComponent | undefined): DestructivePlan {
  const notes: string[] = [];
  const expanded = new Map<string, DeltaComponent>();
  for (const component of deleted) {
    if (CONTAINER_TYPES.has(component.type.name)) {
      for (const child of childrenOf(component)) if (!survivor(child)) expanded.set(componentKey(child), child);
    } else {
      expanded.set(componentKey(component), component);
    }
  }
  const destructive: ComponentRef[] = [];
  const redeployParents = new Map<string, DeltaComponent>();
  const standard: string[] = [];
  for (const component of expanded.values()) {
    const parent = component.parent;
    const parentDeleted = parent && !CONTAINER_TYPES.has(parent.type.name) && expanded.has(componentKey(parent)) && isDeletable(parent);
    if (parentDeleted) continue;
    if (!isAddressable(component)) {
      const kept = parent && survivor(parent);
      if (kept) redeployParents.set(componentKey(kept), kept);
      else if (!parent) notes.push(`${component.type.name} ${component.fullName} was deleted, but Salesforce cannot delete it through destructiveChanges; remove it in the org by hand.`);
      continue;
    }
    if (!isDeletable(component)) {
      standard.push(`${component.type.name} ${component.fullName}`);
      continue;
    }
    destructive.push({ type: component.type.name, fullName: component.fullName });
  }
  if (standard.length) {
    notes.push(`${standard.sort().join(', ')} ${standard.length === 1 ? 'was' : 'were'} removed from the source, but Salesforce defines ${standard.length === 1 ? 'it' : 'them'} and cannot delete ${standard.length === 1 ? 'it' : 'them'}: left alone in the org (custom children removed with ${standard.length === 1 ? 'it are' : 'them are'} still deleted).`);
  }
  for (const ref of destructive) {
    if (ref.type === 'Flow') {
      notes.push(`Flow ${ref.fullName} is deleted by destructiveChangesPost.xml: Salesforce deletes a flow only once it is deactivated and no interview is paused, so deactivate it in the target org first or the deploy fails.`);
    } else if (DATA_TYPES.has(ref.type)) {
      notes.push(`${ref.type} ${ref.fullName} is deleted with its data; Salesforce keeps deleted fields and objects restorable from Setup for 15 days only.`);
    }
  }
  return { destructive: sortRefs(destructive), redeployParents: [...redeployParents.values()], notes };
}

export function sortRefs(refs: ComponentRef[]): ComponentRef[] {
  return refs.sort((a, b) => a.type.localeCompare(b.type) || a.fullName.localeCompare(b.fullName));
}
