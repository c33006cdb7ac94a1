import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { zipSync } from 'fflate';
import { ArchiveRefused, ROLLBACK_ARTIFACT_LIMITS, extractZipFile, inspectZip, type ArchiveLimits } from '../../src/github/artifact-zip.js';
import { deflatedEntry, writeZip, zerosDeflated } from '../support/zip-bomb.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'artifact-zip-test-'));
  roots.push(dir);
  return dir;
}
const inspect = (zip: Buffer, limits: ArchiveLimits = ROLLBACK_ARTIFACT_LIMITS) =>
  inspectZip(zip.length, (offset, length) => zip.subarray(offset, offset + length), limits, 'Artifact 1 of run 2');

function extract(zip: Buffer, limits: ArchiveLimits = ROLLBACK_ARTIFACT_LIMITS): { dir: string; result: { files: number; bytes: number } } {
  const root = tempDir();
  const file = path.join(root, 'a.zip');
  writeFileSync(file, zip);
  const dir = path.join(root, 'out');
  return { dir, result: extractZipFile(file, dir, limits, 'Artifact 1 of run 2') };
}

describe('bounded artifact zips', () => {
  it('extracts an ordinary zip (written by fflate, as @actions/artifact writes one) with its folders', () => {
    const zip = Buffer.from(zipSync({ 'package.xml': new TextEncoder().encode('<Package/>'), 'classes/A.cls': new TextEncoder().encode('public class A {}'), 'lwc/x/': new Uint8Array() }));
    const { dir, result } = extract(zip);
    assert.equal(result.files, 2);
    assert.equal(readFileSync(path.join(dir, 'classes/A.cls'), 'utf8'), 'public class A {}');
  });

  it('refuses by declared size, count and ratio before inflating anything', () => {
    const zeros = zerosDeflated(700);
    assert.throws(() => inspect(writeZip([{ name: 'a.bin', deflated: zeros.deflated, crc: zeros.crc, declaredSize: zeros.size }])), (e: unknown) =>
      e instanceof ArchiveRefused && /declares 734,003,200 bytes uncompressed, over the limit of 629,145,600/.test(e.message));
    const small = zerosDeflated(20);
    assert.throws(() => inspect(writeZip([{ name: 'a.bin', deflated: small.deflated, crc: small.crc, declaredSize: small.size }])), /a ratio of \d+ to 1, over the limit of 100 to 1/);
    const many = writeZip(Array.from({ length: 5 }, (_, i) => deflatedEntry(`f${i}`, 'x')));
    assert.throws(() => inspect(many, { ...ROLLBACK_ARTIFACT_LIMITS, files: 4 }), /declares 5 entries, over the limit of 4 files/);
    assert.throws(() => inspect(many, { ...ROLLBACK_ARTIFACT_LIMITS, zipBytes: 10 }), /its zip is \d+ bytes, over the limit of 10 bytes/);
  });

  it('refuses unsafe and duplicate paths, and what is not a zip', () => {
    assert.throws(() => inspect(writeZip([deflatedEntry('../evil', 'x')])), /unsafe path/);
    assert.throws(() => inspect(writeZip([deflatedEntry('/etc/passwd', 'x')])), /unsafe path/);
    assert.throws(() => inspect(writeZip([deflatedEntry('a/B.cls', 'x'), deflatedEntry('a/b.cls', 'y')])), /appears twice/);
    assert.throws(() => inspect(Buffer.from('not a zip at all, just text')), /not a zip file/);
  });

  it('stops an entry that inflates past its declared size, and one whose CRC does not match', () => {
    const zeros = zerosDeflated(64);
    assert.throws(() => extract(writeZip([{ name: 'a.cls', deflated: zeros.deflated, crc: zeros.crc, declaredSize: 10 }])), /inflates past the 10 bytes/);
    const honest = deflatedEntry('b.cls', 'hello');
    assert.throws(() => extract(writeZip([{ ...honest, crc: 1 }])), /does not match its CRC-32/);
  });
});
