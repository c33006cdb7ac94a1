import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { SalesforceError } from '../errors.js';
import { readPackageXml, type ComponentRef } from './manifest.js';

/** A Metadata API deploy package built from the repository, plus what reports need to map results back. */
export interface DeployPackage {
  /** The zip sent to Salesforce: metadata format with its package.xml. */
  zip: Buffer;
  /** Every component the package.xml lists, children (CustomField, CustomLabel …) included. */
  components: ComponentRef[];
  /** The source the package came from, so DeployResult failures map back to files (absent for a metadata-format folder). */
  componentSet?: ComponentSet;
  /** Files in the zip. */
  fileCount: number;
  /** Whether Apex is deployed, which decides whether tests run by default. */
  hasApex: boolean;
}

/** Where the components come from. */
export interface PackageSource {
  workspace: string;
  sourceDirs: string[];
  manifest?: string;
  apiVersion: string;
}

/**
 * Builds the deploy zip with source-deploy-retrieve (its conversion, .forceignore handling and
 * child-component recomposition are Salesforce's own), from the source folders or a manifest.
 */
export async function buildPackage(source: PackageSource): Promise<DeployPackage> {
  process.env.SF_DISABLE_LOG_FILE ??= 'true';
  // Loaded here, not at the top: it is the largest module, and authentication need not wait for it.
  const { ComponentSet, MetadataConverter } = await import('@salesforce/source-deploy-retrieve');
  const fsPaths = source.sourceDirs.map((dir) => path.resolve(source.workspace, dir));
  if (source.manifest && fsPaths.length === 0) return metadataFolderPackage(path.resolve(source.workspace, source.manifest));

  const componentSet = source.manifest
    ? await ComponentSet.fromManifest({ manifestPath: path.resolve(source.workspace, source.manifest), resolveSourcePaths: fsPaths, forceAddWildcards: true })
    : ComponentSet.fromSource({ fsPaths });
  componentSet.sourceApiVersion = source.apiVersion;
  componentSet.apiVersion = source.apiVersion;
  if (componentSet.size === 0) {
    throw new SalesforceError(`Nothing to deploy: no metadata found in ${source.manifest ?? fsPaths.map((p) => path.relative(source.workspace, p) || '.').join(', ')}.`);
  }
  const converted = await new MetadataConverter().convert(componentSet, 'metadata', { type: 'zip' });
  if (!converted.zipBuffer) throw new SalesforceError('source-deploy-retrieve produced no zip.');
  const components = readPackageXml(await componentSet.getPackageXml());
  return {
    zip: converted.zipBuffer,
    components,
    componentSet,
    fileCount: converted.zipFileCount ?? 0,
    hasApex: components.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger'),
  };
}

/** A manifest next to a metadata-format folder (no SFDX project): the folder is zipped as it is. */
async function metadataFolderPackage(manifestPath: string): Promise<DeployPackage> {
  const { readdirSync, statSync } = await import('node:fs');
  const root = path.dirname(manifestPath);
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full);
    }
  };
  walk(root);
  if (!existsSync(path.join(root, 'package.xml'))) files['package.xml'] = readFileSync(manifestPath);
  const components = readPackageXml(readFileSync(manifestPath, 'utf8'));
  return {
    zip: Buffer.from(zipSync(files)),
    components,
    fileCount: Object.keys(files).length,
    hasApex: components.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger'),
  };
}
