// appendToZip: one more entry in a zip, the others' bytes copied as they are. Read back by fflate
// (what the tests and the emulator use) and by the system's unzip, when there is one.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from '@jest/globals';
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { appendToZip } from '../../src/salesforce/delta-zip.js';

const files = {
  'package.xml': strToU8('<Package/>'),
  'classes/': new Uint8Array(),
  'classes/A.cls': strToU8('public class A {}\n'.repeat(50)),
  'classes/A.cls-meta.xml': strToU8('<ApexClass/>'),
};
const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('appendToZip', () => {
  it('adds the entry after the others, which are copied byte for byte', () => {
    const zip = zipSync(files, { level: 6 });
    const out = appendToZip(zip, 'destructiveChangesPost.xml', strToU8('<Package>gone</Package>'))!;
    assert.ok(out);
    // The existing entries' local headers and data are unchanged, at the same offsets.
    const directory = new DataView(zip.buffer, zip.byteOffset).getUint32(zip.length - 6, true);
    assert.deepEqual(out.subarray(0, directory), zip.subarray(0, directory));
    const read = unzipSync(out);
    assert.deepEqual(Object.keys(read), [...Object.keys(files), 'destructiveChangesPost.xml']);
    for (const [name, data] of Object.entries(files)) assert.deepEqual(read[name], data, name);
    assert.equal(strFromU8(read['destructiveChangesPost.xml']!), '<Package>gone</Package>');
    if (hasUnzip) {
      const dir = mkdtempSync(path.join(tmpdir(), 'delta-zip-'));
      try {
        writeFileSync(path.join(dir, 'out.zip'), out);
        assert.match(execFileSync('unzip', ['-t', path.join(dir, 'out.zip')], { encoding: 'utf8' }), /No errors detected/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('declines a zip it cannot extend safely: a comment, bytes after the directory, not a zip', () => {
    const zip = zipSync(files);
    // An archive comment: its length is the end record's last field (APPNOTE 4.3.16).
    const commented = new Uint8Array([...zip, ...strToU8('built by hand')]);
    new DataView(commented.buffer).setUint16(zip.length - 2, 'built by hand'.length, true);
    assert.equal(Object.keys(unzipSync(commented)).length, Object.keys(files).length, 'a valid zip');
    assert.equal(appendToZip(commented, 'x.xml', strToU8('x')), undefined);
    assert.equal(appendToZip(new Uint8Array([...zip, 0, 0, 0]), 'x.xml', strToU8('x')), undefined);
    assert.equal(appendToZip(strToU8('not a zip at all, but long enough'), 'x.xml', strToU8('x')), undefined);
  });
});
