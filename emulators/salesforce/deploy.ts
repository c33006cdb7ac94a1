import { strFromU8, unzipSync } from 'fflate';
import { COMPILE_ERROR_MARKER, markersIn, mentions, referencedClasses, type ApexUnit, type SourceProblem } from './apex.js';
import {
  componentsFromFiles,
  parentOfChildType,
  typeInfo,
  type ComponentContent,
  type ComponentRef,
  type MetadataStore,
} from './metadata-store.js';
import { countTests, runApexTests, type RunTestsResult, type ScriptedTestFailure } from './test-run.js';
import { parseXml } from './xml.js';

/** DeployOptions, as the Metadata API WSDL defines them; `testLevel` is any string so new levels pass. */
export interface DeployOptions {
  allowMissingFiles?: boolean;
  autoUpdatePackage?: boolean;
  checkOnly?: boolean;
  ignoreWarnings?: boolean;
  performRetrieve?: boolean;
  purgeOnDelete?: boolean;
  rollbackOnError?: boolean;
  runTests?: string[];
  singlePackage?: boolean;
  testLevel?: string;
}

/** DeployMessage, one entry of `componentSuccesses` / `componentFailures`. */
export interface DeployMessage {
  changed: boolean;
  columnNumber?: number;
  componentType: string;
  created: boolean;
  createdDate: string;
  deleted: boolean;
  fileName: string;
  fullName: string;
  id?: string;
  lineNumber?: number;
  problem?: string;
  problemType?: 'Error' | 'Warning';
  success: boolean;
}

/** One change applying a deploy makes to the org, in order. */
export type DeployStep = { kind: 'put'; content: ComponentContent } | { kind: 'delete'; ref: ComponentRef };

/** What a deploy does and reports, worked out when it starts and applied when it completes. */
export interface DeployEvaluation {
  componentSuccesses: DeployMessage[];
  componentFailures: DeployMessage[];
  steps: DeployStep[];
  /** Components the package deploys or deletes. */
  components: ComponentRef[];
  numberComponentsTotal: number;
  numberComponentErrors: number;
  testLevel: string;
  runTestsEnabled: boolean;
  numberTestsTotal: number;
  numberTestErrors: number;
  runTestResult?: RunTestsResult;
  status: 'Succeeded' | 'SucceededPartial' | 'Failed';
}

/** A deploy zip taken apart: metadata files relative to the package root, and its manifests. */
export interface DeployPackage {
  /** Folder of package.xml inside the zip (`''` or `unpackaged/`), prefixed to DeployMessage file names. */
  root: string;
  manifest?: Map<string, string[]>;
  destructive: Array<{ fileName: string; when: 'pre' | 'post'; refs: ComponentRef[] }>;
  files: Map<string, Uint8Array>;
}

/** The org facts a deploy is judged against. */
export interface DeployContext {
  store: MetadataStore;
  isSandbox: boolean;
  coverage: number;
  compileErrors: ReadonlyMap<string, SourceProblem[]>;
  testFailures: ReadonlyMap<string, ScriptedTestFailure>;
  now: string;
}

const MANIFEST_ARRAYS = new Set(['types', 'members']);
const DESTRUCTIVE = /^destructiveChanges(Pre|Post)?\.xml$/;

/** Reads package.xml, the destructive manifests and the metadata files of a deploy zip. */
export function readDeployZip(zip: Uint8Array): DeployPackage {
  const entries = unzipSync(zip);
  const manifestPath = Object.keys(entries)
    .filter((path) => path === 'package.xml' || path.endsWith('/package.xml'))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  const root = manifestPath ? manifestPath.slice(0, -'package.xml'.length) : '';
  const files = new Map<string, Uint8Array>();
  const destructive: DeployPackage['destructive'] = [];
  for (const [path, bytes] of Object.entries(entries)) {
    if (!path.startsWith(root) || path.endsWith('/')) continue;
    const relative = path.slice(root.length);
    const destructiveMatch = DESTRUCTIVE.exec(relative);
    if (destructiveMatch) {
      const when = destructiveMatch[1] === 'Post' ? 'post' : 'pre';
      destructive.push({ fileName: relative, when, refs: manifestRefs(parseManifest(strFromU8(bytes))) });
    } else if (relative !== 'package.xml') files.set(relative, bytes);
  }
  const manifest = manifestPath ? parseManifest(strFromU8(entries[manifestPath]!)) : undefined;
  return { root, manifest, destructive, files };
}

/** Parses a package.xml (or destructiveChanges.xml) into members by type. */
export function parseManifest(xml: string): Map<string, string[]> {
  const parsed = parseXml(xml, MANIFEST_ARRAYS);
  const pkg = (parsed.Package ?? {}) as { types?: Array<{ name?: string; members?: string[] }> };
  const manifest = new Map<string, string[]>();
  for (const types of pkg.types ?? []) {
    if (!types.name) continue;
    manifest.set(types.name, [...(manifest.get(types.name) ?? []), ...(types.members ?? [])]);
  }
  return manifest;
}

/** Writes a package.xml listing the given members by type. */
export function writeManifest(manifest: ReadonlyMap<string, readonly string[]>, version: string): string {
  const types = [...manifest]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, members]) => {
      const lines = [...members].sort().map((member) => `        <members>${escapeText(member)}</members>\n`);
      return `    <types>\n${lines.join('')}        <name>${escapeText(name)}</name>\n    </types>\n`;
    });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
    types.join('') +
    `    <version>${version}</version>\n</Package>\n`
  );
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function manifestRefs(manifest: Map<string, string[]>): ComponentRef[] {
  return [...manifest].flatMap(([type, members]) => members.map((fullName) => ({ type, fullName })));
}

/**
 * Works out what a deploy does to the org and what it reports: the components package.xml
 * names (each must be in the zip), destructive changes (a missing component is a Warning, which
 * fails the deploy unless ignoreWarnings), compile errors, then the tests of the test level and
 * the coverage check. Nothing is applied here.
 */
export function evaluateDeploy(pkg: DeployPackage, options: DeployOptions, context: DeployContext): DeployEvaluation {
  const successes: DeployMessage[] = [];
  const failures: DeployMessage[] = [];
  const message = (ref: ComponentRef, fileName: string, fields: Partial<DeployMessage>): DeployMessage => ({
    changed: false,
    componentType: ref.type,
    created: false,
    createdDate: context.now,
    deleted: false,
    fileName: pkg.root + fileName,
    fullName: ref.fullName,
    success: true,
    ...fields,
  });
  const failed = (ref: ComponentRef, fileName: string, problem: string, fields: Partial<DeployMessage> = {}): void => {
    failures.push(message(ref, fileName, { problem, problemType: 'Error', success: false, ...fields }));
  };

  if (!pkg.manifest) {
    failed({ type: '', fullName: 'package.xml' }, 'package.xml', 'No package.xml found');
    return finish(options, context, { successes, failures, steps: [], components: [], units: [], hasApex: false });
  }

  const hints = new Map<string, string>();
  for (const [type, members] of pkg.manifest) {
    if (!typeInfo(type) && !parentOfChildType(type)) for (const member of members) hints.set(member, type);
  }
  const inZip = componentsFromFiles(pkg.files, hints);
  const deploying = new Map<string, ComponentContent>();
  const include = (content: ComponentContent): void => {
    deploying.set(`${content.type}\u0000${content.fullName}`, content);
    if (typeInfo(content.type)?.children) {
      // A deployed parent file deploys every child it holds (an object's fields).
      for (const child of inZip) if (child.fileName === content.fileName && child !== content) include(child);
    }
  };
  for (const [type, members] of pkg.manifest) {
    for (const member of members) {
      const found = inZip.filter((content) => content.type === type && (member === '*' || content.fullName === member));
      if (found.length === 0 && member !== '*' && !options.allowMissingFiles) {
        failed(
          { type, fullName: member },
          'package.xml',
          `An object '${member}' of type ${type} was named in package.xml, but was not found in zipped directory`,
        );
      }
      found.forEach(include);
    }
  }

  const failedNames = new Set<string>();
  for (const content of deploying.values()) {
    if (content.type !== 'ApexClass' && content.type !== 'ApexTrigger') continue;
    const body = apexBody(content) ?? '';
    const problems = [
      ...markersIn(body, COMPILE_ERROR_MARKER),
      ...(context.compileErrors.get(content.fullName.toLowerCase()) ?? []),
    ];
    for (const problem of problems) {
      failed(content, content.fileName, problem.message, { lineNumber: problem.line, columnNumber: problem.column ?? 1 });
      failedNames.add(`${content.type}\u0000${content.fullName}`);
    }
  }

  // Dependencies, as a real org checks them when it compiles and saves the package.
  const deployed = (type: string, name: string): boolean => deploying.has(`${type}\u0000${name}`) || [...deploying.values()].some((c) => c.type === type && c.fullName.toLowerCase() === name.toLowerCase());
  const deletedRefs = pkg.destructive.flatMap((manifest) => manifest.refs);
  const isDeleted = (type: string, name: string): boolean => deletedRefs.some((ref) => ref.type === type && ref.fullName.toLowerCase() === name.toLowerCase());
  const objectExists = (name: string): boolean => deployed('CustomObject', name) || context.store.has('CustomObject', name);
  for (const content of deploying.values()) {
    if (content.type === 'CustomField') {
      const object = content.fullName.split('.')[0]!;
      if (!objectExists(object)) {
        failed(content, content.fileName, `In field: ${content.fullName.slice(object.length + 1)} - no CustomObject named ${object} found`);
        failedNames.add(`${content.type}\u0000${content.fullName}`);
      }
    } else if (content.type === 'CustomObject' && !context.store.has('CustomObject', content.fullName) && !(content.elements ?? []).some((e) => e.name === 'label')) {
      // A new object needs its label (the real "Must specify a non-empty label for the CustomObject").
      failed(content, content.fileName, 'Must specify a non-empty label for the CustomObject');
      failedNames.add(`${content.type}\u0000${content.fullName}`);
    } else if ((content.type === 'ApexClass' || content.type === 'ApexTrigger') && !failedNames.has(`${content.type}\u0000${content.fullName}`)) {
      const missing = referencedClasses(apexBody(content) ?? '', objectExists).filter(
        (ref) => !deployed('ApexClass', ref.name) && (!context.store.has('ApexClass', ref.name) || isDeleted('ApexClass', ref.name)),
      );
      for (const ref of missing) failed(content, content.fileName, `Invalid type: ${ref.name}`, { lineNumber: ref.line, columnNumber: ref.column });
      if (missing.length) failedNames.add(`${content.type}\u0000${content.fullName}`);
    }
  }
  // Deleting a class that remaining Apex uses fails (the real message below).
  for (const ref of deletedRefs.filter((r) => r.type === 'ApexClass' && context.store.has(r.type, r.fullName))) {
    const users = [...context.store.list('ApexClass'), ...context.store.list('ApexTrigger')]
      .filter((unit) => unit.fullName.toLowerCase() !== ref.fullName.toLowerCase() && !isDeleted(unit.type, unit.fullName) && !deployed(unit.type, unit.fullName))
      .map((unit) => ({ name: unit.fullName, body: apexBody(unit) ?? '' }))
      .concat([...deploying.values()].filter((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger').map((c) => ({ name: c.fullName, body: apexBody(c) ?? '' })))
      .filter((unit) => mentions(unit.body, ref.fullName));
    if (users.length) {
      const stored = context.store.get(ref.type, ref.fullName)!;
      failed(ref, stored.fileName.replace(/-meta\.xml$/, ''), `This apex class is referenced elsewhere in salesforce.com. Remove the usage and try again.: ${users.map((u) => `Class.${u.name}`).join(', ')}`);
    }
  }

  const steps: DeployStep[] = [];
  const deletions = (when: 'pre' | 'post'): void => {
    for (const destructive of pkg.destructive.filter((manifest) => manifest.when === when)) {
      for (const ref of destructive.refs) {
        const stored = context.store.get(ref.type, ref.fullName);
        if (stored?.standard) {
          failed(ref, destructive.fileName, `Cannot delete the standard ${ref.type === 'CustomField' ? 'field' : 'object'} ${ref.fullName}`);
        } else if (context.store.has(ref.type, ref.fullName)) {
          steps.push({ kind: 'delete', ref });
          successes.push(message(ref, stored?.fileName ?? destructive.fileName, { deleted: true, id: stored?.id }));
        } else {
          // The real shape: SDR recognises it by fullName = the manifest's name and this exact problem text.
          failures.push(
            message({ type: ref.type, fullName: destructive.fileName }, destructive.fileName, {
              problem: `No ${ref.type} named: ${ref.fullName} found`,
              problemType: 'Warning',
              success: false,
            }),
          );
        }
      }
    }
  };
  deletions('pre');
  for (const content of deploying.values()) {
    if (failedNames.has(`${content.type}\u0000${content.fullName}`)) continue;
    const outcome = context.store.outcomeOf(content);
    const id = context.store.idFor(content);
    steps.push({ kind: 'put', content });
    // A created component reports created and changed (captured real DeployMessages).
    successes.push(message(content, content.fileName, { created: outcome === 'created', changed: outcome !== 'unchanged', id }));
  }
  deletions('post');
  successes.unshift(message({ type: '', fullName: 'package.xml' }, 'package.xml', { changed: true }));

  const components = [
    ...[...deploying.values()].map(({ type, fullName }) => ({ type, fullName })),
    ...pkg.destructive.flatMap((manifest) => manifest.refs),
  ];
  const hasApex = [...deploying.values()].some((content) => content.type === 'ApexClass' || content.type === 'ApexTrigger');
  return finish(options, context, { successes, failures, steps, components, units: apexAfter(context.store, steps), hasApex });
}

interface Outcome {
  successes: DeployMessage[];
  failures: DeployMessage[];
  steps: DeployStep[];
  components: ComponentRef[];
  units: ApexUnit[];
  hasApex: boolean;
}

function finish(options: DeployOptions, context: DeployContext, outcome: Outcome): DeployEvaluation {
  const { successes, failures, steps, components, units, hasApex } = outcome;
  const blocking = failures.filter((failure) => failure.problemType === 'Error' || !options.ignoreWarnings);
  const rollbackOnError = options.rollbackOnError ?? true;
  // Without a test level Salesforce decides: production runs local tests when the package has Apex.
  const testLevel = options.testLevel ?? (!context.isSandbox && hasApex ? 'RunLocalTests' : 'NoTestRun');
  const runTests = options.runTests ?? [];
  const componentsOk = blocking.length === 0 || (!rollbackOnError && steps.length > 0);
  const base = {
    componentSuccesses: successes,
    componentFailures: failures,
    steps,
    components,
    numberComponentsTotal: components.length,
    numberComponentErrors: blocking.length,
    testLevel,
    runTestsEnabled: testLevel !== 'NoTestRun',
    numberTestsTotal: 0,
    numberTestErrors: 0,
  };
  // A DeployResult's details carry a runTestResult even when no test ran (captured real results:
  // numTestsRun 0, empty lists).
  const noTests: RunTestsResult = { codeCoverage: [], codeCoverageWarnings: [], failures: [], flowCoverage: [], flowCoverageWarnings: [], numFailures: 0, numTestsRun: 0, successes: [], totalTime: 0 };
  if (!componentsOk) return { ...base, runTestResult: noTests, status: 'Failed' };
  if (testLevel === 'NoTestRun') return { ...base, runTestResult: noTests, status: blocking.length ? 'SucceededPartial' : 'Succeeded' };

  const numberTestsTotal = countTests(testLevel, runTests, units);
  const { result, coverageMet } = runApexTests({
    units,
    testLevel,
    runTests,
    deployedUnits: new Set(
      steps.flatMap((step) =>
        step.kind === 'put' && (step.content.type === 'ApexClass' || step.content.type === 'ApexTrigger')
          ? [step.content.fullName]
          : [],
      ),
    ),
    scriptedFailures: context.testFailures,
    coverage: context.coverage,
    // A sandbox reports coverage but does not require 75 % (Apex Developer Guide, "Deploying
    // Apex": the requirement applies to deployments to a production org).
    enforceCoverage: !context.isSandbox,
  });
  const testsOk = result.numFailures === 0 && coverageMet;
  return {
    ...base,
    numberTestsTotal,
    numberTestErrors: result.numFailures,
    runTestResult: result,
    status: !testsOk ? 'Failed' : blocking.length ? 'SucceededPartial' : 'Succeeded',
  };
}

/** The Apex source of a class or trigger component (the `.cls` / `.trigger` file). */
export function apexBody(content: ComponentContent): string | undefined {
  const suffix = typeInfo(content.type)?.suffix;
  for (const [path, bytes] of content.files ?? []) if (path.endsWith(`.${suffix}`)) return strFromU8(bytes);
  return undefined;
}

/** Apex classes and triggers the org would hold once the steps are applied. */
function apexAfter(store: MetadataStore, steps: readonly DeployStep[]): ApexUnit[] {
  const units = new Map<string, ApexUnit>();
  for (const type of ['ApexClass', 'ApexTrigger'] as const) {
    for (const component of store.list(type)) {
      units.set(`${type}\u0000${component.fullName}`, { type, name: component.fullName, id: component.id, body: apexBody(component) ?? '' });
    }
  }
  for (const step of steps) {
    const ref = step.kind === 'put' ? step.content : step.ref;
    if (ref.type !== 'ApexClass' && ref.type !== 'ApexTrigger') continue;
    const unitKey = `${ref.type}\u0000${ref.fullName}`;
    if (step.kind === 'delete') units.delete(unitKey);
    else {
      units.set(unitKey, { type: ref.type, name: ref.fullName, id: store.idFor(step.content), body: apexBody(step.content) ?? '' });
    }
  }
  return [...units.values()];
}
