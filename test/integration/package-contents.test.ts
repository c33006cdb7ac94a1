// buildPackage on a metadata-format folder with what a repository root holds next to its
// metadata: the zip carries the metadata, never a dot-folder such as .git (whose config can
// hold a token), and a link out of the folder is refused even if it appeared after the inputs
// were checked.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@jest/globals';
import { unzipSync } from 'fflate';
import { InputError } from '../../src/errors.js';
import { buildPackage } from '../../src/salesforce/package.js';

const PACKAGE_XML = '<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n    <types>\n        <members>Greeting</members>\n        <name>ApexClass</name>\n    </types>\n    <version>62.0</version>\n</Package>\n';

function metadataRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'metadata-root-'));
  mkdirSync(path.join(root, 'classes'));
  mkdirSync(path.join(root, '.git'));
  mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
  writeFileSync(path.join(root, 'package.xml'), PACKAGE_XML);
  writeFileSync(path.join(root, 'classes/Greeting.cls'), 'public class Greeting {}');
  writeFileSync(path.join(root, 'classes/Greeting.cls-meta.xml'), '<ApexClass/>');
  writeFileSync(path.join(root, '.git/config'), '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n');
  writeFileSync(path.join(root, '.github/workflows/release.yml'), 'on: push\n');
  writeFileSync(path.join(root, '.env'), 'TOKEN=secret\n');
  return root;
}

test('a manifest at a metadata-format repository root zips the metadata, never .git or another dot-entry', async () => {
  const root = metadataRoot();
  const pkg = await buildPackage({ workspace: root, sourceDirs: [], manifest: 'package.xml', apiVersion: '62.0' });
  const names = Object.keys(unzipSync(pkg.zip)).sort();
  assert.deepEqual(names, ['classes/Greeting.cls', 'classes/Greeting.cls-meta.xml', 'package.xml']);
});

test('a symbolic link out of the metadata folder is refused while zipping, naming it', async () => {
  const root = metadataRoot();
  symlinkSync('/proc/self/environ', path.join(root, 'classes/Env.cls'));
  await assert.rejects(buildPackage({ workspace: root, sourceDirs: [], manifest: 'package.xml', apiVersion: '62.0' }), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /Input 'manifest': classes\/Env\.cls is a symbolic link to a path outside the metadata folder/);
    return true;
  });
});

/** An SFDX project with no .forceignore (so source-deploy-retrieve skips no dot-entry), one class, and `extra` files. */
function sourceProject(extra: (classes: string) => void): string {
  const root = mkdtempSync(path.join(tmpdir(), 'source-project-'));
  const classes = path.join(root, 'force-app/main/default/classes');
  mkdirSync(classes, { recursive: true });
  writeFileSync(path.join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '62.0' }));
  writeFileSync(path.join(classes, 'Greeting.cls'), 'public class Greeting {}');
  writeFileSync(path.join(classes, 'Greeting.cls-meta.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>62.0</apiVersion><status>Active</status></ApexClass>');
  extra(classes);
  return root;
}

test('a class source-deploy-retrieve finds in a dot-folder of a project without .forceignore is refused, naming it', async () => {
  const root = sourceProject((classes) => {
    mkdirSync(path.join(classes, '.hidden'));
    writeFileSync(path.join(classes, '.hidden/Secret.cls'), 'public class Secret {}');
    writeFileSync(path.join(classes, '.hidden/Secret.cls-meta.xml'), readFileSync(path.join(classes, 'Greeting.cls-meta.xml')));
  });
  await assert.rejects(buildPackage({ workspace: root, sourceDirs: ['force-app'], apiVersion: '62.0' }), (error: unknown) => {
    assert.ok(error instanceof InputError, String(error));
    assert.match(error.message, /ApexClass Secret: force-app\/main\/default\/classes\/\.hidden\/Secret\.cls(-meta\.xml)? is in a dot-folder/);
    return true;
  });
});

test('a class whose file is a link out of the package directory is refused by what source-deploy-retrieve resolved, too', async () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'outside-'));
  writeFileSync(path.join(outside, 'Leak.cls'), 'public class Leak {}');
  const root = sourceProject((classes) => {
    symlinkSync(path.join(outside, 'Leak.cls'), path.join(classes, 'Leak.cls'));
    writeFileSync(path.join(classes, 'Leak.cls-meta.xml'), readFileSync(path.join(classes, 'Greeting.cls-meta.xml')));
  });
  await assert.rejects(buildPackage({ workspace: root, sourceDirs: ['force-app'], apiVersion: '62.0' }), /ApexClass Leak: force-app\/main\/default\/classes\/Leak\.cls resolves outside the package directories/);
});

test('a folder that is a link out of the package directory is refused for every file in it', async () => {
  // Each folder's real path is resolved once (package-contents.ts realpaths): a file in a linked
  // folder is outside even though the file itself is no link.
  const outside = mkdtempSync(path.join(tmpdir(), 'outside-lwc-'));
  writeFileSync(path.join(outside, 'leak.js'), 'export default class Leak {}');
  writeFileSync(path.join(outside, 'leak.js-meta.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>62.0</apiVersion><isExposed>false</isExposed></LightningComponentBundle>');
  const root = sourceProject((classes) => {
    mkdirSync(path.join(classes, '../lwc'));
    symlinkSync(outside, path.join(classes, '../lwc/leak'));
  });
  await assert.rejects(buildPackage({ workspace: root, sourceDirs: ['force-app'], apiVersion: '62.0' }), (error: unknown) => {
    assert.ok(error instanceof InputError, String(error));
    assert.match(error.message, /LightningComponentBundle leak: force-app\/main\/default\/lwc\/leak\/leak\.js resolves outside the package directories/);
    assert.match(error.message, /leak\.js-meta\.xml resolves outside the package directories/);
    return true;
  });
});

test('a link that stays inside the package directory is packaged with the bytes it points to', async () => {
  const root = sourceProject((classes) => {
    writeFileSync(path.join(classes, 'Shared.txt'), 'public class Alias {}');
    symlinkSync(path.join(classes, 'Shared.txt'), path.join(classes, 'Alias.cls'));
    writeFileSync(path.join(classes, 'Alias.cls-meta.xml'), readFileSync(path.join(classes, 'Greeting.cls-meta.xml')));
  });
  const pkg = await buildPackage({ workspace: root, sourceDirs: ['force-app'], apiVersion: '62.0' });
  const files = unzipSync(pkg.zip);
  assert.equal(Buffer.from(files['classes/Alias.cls']!).toString(), 'public class Alias {}');
  assert.ok(files['classes/Greeting.cls-meta.xml']);
});
