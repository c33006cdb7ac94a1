// The yardstick of the action's packaging: source-deploy-retrieve's own single-threaded conversion
// (`sf project convert source`, the zip `sf project deploy` sends), and the comparison of a
// package with it entry by entry. Used by test/integration/package-convert.test.ts and
// package-real-metadata.test.ts.
import assert from 'node:assert/strict';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { readPackageXml } from '../../src/salesforce/manifest.js';

/** SDR's conversion of the package directories, as `sf project convert source --output-dir` / a deploy zip. */
export async function sdrZip(workspace: string, sourceDirs: string[] = ['force-app'], apiVersion = '62.0'): Promise<{ zip: Buffer; count: number }> {
  process.env.SF_DISABLE_LOG_FILE = 'true';
  const { ComponentSet, MetadataConverter } = await import('@salesforce/source-deploy-retrieve');
  const set = ComponentSet.fromSource({ fsPaths: sourceDirs.map((dir) => path.join(workspace, dir)) });
  set.sourceApiVersion = apiVersion;
  set.apiVersion = apiVersion;
  const converted = await new MetadataConverter().convert(set, 'metadata', { type: 'zip' });
  return { zip: converted.zipBuffer!, count: converted.zipFileCount ?? 0 };
}

/** Every entry's name and bytes (base64; folders as names only), names sorted. */
export function zipEntries(zip: Buffer): Map<string, string> {
  const files = unzipSync(zip);
  return new Map(Object.keys(files).sort().map((name) => [name, Buffer.from(files[name]!).toString('base64')]));
}

/** The package.xml members of a zip, as sorted `Type:fullName`. */
export function packageMembers(zip: Buffer): string[] {
  const packageXml = unzipSync(zip, { filter: (file) => file.name === 'package.xml' })['package.xml'];
  assert.ok(packageXml, 'the zip has a package.xml');
  return readPackageXml(Buffer.from(packageXml).toString('utf8')).map((c) => `${c.type}:${c.fullName}`).sort();
}

/** The same entry names (sorted) with the same bytes, entry by entry. */
export function assertSameEntries(ours: Buffer, theirs: Buffer, what = ''): void {
  const a = zipEntries(ours);
  const b = zipEntries(theirs);
  const prefix = what ? `${what}: ` : '';
  assert.deepEqual([...a.keys()], [...b.keys()], `${prefix}entry names`);
  for (const [name, bytes] of b) assert.ok(a.get(name) === bytes, `${prefix}${name}: different bytes`);
}
