import { closeSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { ActionError } from '../errors.js';
import { METADATA_LIMITS } from '../salesforce/limits.js';
import { CENTRAL_HEADER_SIGNATURE, END_SIZE, LOCAL_HEADER_SIGNATURE, readEndRecord, type EndRecord } from '../zip-format.js';

/** How large an artifact's zip may be, and what it may expand to, before anything is extracted. */
export interface ArchiveLimits {
  /** Bytes of the zip itself (GitHub's `size_in_bytes`, and the file downloaded). */
  zipBytes: number;
  /** Entries of the zip (files; folders count too, since each is an entry to process). */
  files: number;
  /** Sum of the uncompressed sizes the central directory declares, and of what inflating really gives. */
  uncompressedBytes: number;
  /** Declared uncompressed bytes per compressed byte of the whole zip (checked above `ratioFloorBytes`). */
  ratio: number;
  /** Below this many uncompressed bytes the ratio is not checked: a small zip cannot hurt. */
  ratioFloorBytes: number;
}

/**
 * Bounds of a rollback artifact, derived from the Metadata API's limits (Metadata API Developer
 * Guide, "Metadata API Limits" / Salesforce App Limits, "Platform Metadata": 10,000 files and a
 * 39 MB zip per deploy or retrieve, 600 MB = 629,145,600 bytes uncompressed). A snapshot is
 * retrieved in batches under those limits and restored in deploys under them, so a legitimate
 * bundle may hold several retrieves' worth of files; four is far above any real release (a release
 * package is itself refused above one deploy's limits; NPSP, 14k files, is a fraction of it). The
 * uncompressed total stays at one deploy's 600 MiB: metadata is XML and source, tens of MB for a
 * large org. Metadata compresses 5–20 to 1; deflate can reach ~1,000 to 1, only a bomb does.
 */
export const ROLLBACK_ARTIFACT_LIMITS: ArchiveLimits = {
  zipBytes: 4 * METADATA_LIMITS.zipBytes,
  files: 4 * METADATA_LIMITS.files + 10,
  uncompressedBytes: 600 * 1024 * 1024,
  ratio: 100,
  ratioFloorBytes: 10 * 1024 * 1024,
};

/** An artifact refused for its size or shape; nothing beyond the limits was written. */
export class ArchiveRefused extends ActionError {}

/** One file of a zip, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  directory: boolean;
}

const STORED = 0;
const DEFLATED = 8;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Reads a zip's central directory and refuses, before anything is inflated, a zip over the limits:
 * its own size, the number of entries, the declared uncompressed total, the declared ratio; and
 * entries no bundle has (encrypted, ZIP64, a method other than stored/deflate, a symlink, an
 * unsafe path, a name twice). `readAt` reads bytes of the zip at an offset (pure over those bytes).
 */
export function inspectZip(size: number, readAt: (offset: number, length: number) => Buffer, limits: ArchiveLimits, what: string): ZipEntry[] {
  const refuse = (reason: string): never => {
    throw new ArchiveRefused(`${what} was refused before extraction: ${reason}. Nothing was extracted.`);
  };
  if (size > limits.zipBytes) refuse(`its zip is ${count(size)} bytes, over the limit of ${count(limits.zipBytes)} bytes for a rollback artifact`);
  // The record ends the file, followed only by its comment (at most 65,535 bytes): search back for it.
  const tailLength = Math.min(size, END_SIZE + 0xffff);
  const tail = readAt(size - tailLength, tailLength);
  let end: EndRecord | undefined;
  for (let i = tail.length - END_SIZE; i >= 0 && !end; i--) end = readEndRecord(tail, i);
  if (!end) return refuse('it is not a zip file (no end of central directory)');
  const { entries, directorySize: cdSize, directoryOffset: cdOffset } = end;
  // ZIP64 is needed only above 65,535 entries or 4 GiB, both far over the limits.
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) refuse('it is a ZIP64 archive, which only a zip far over the limits needs');
  if (entries > limits.files) refuse(`its zip declares ${count(entries)} entries, over the limit of ${count(limits.files)} files`);
  if (cdOffset + cdSize > size) refuse('its central directory lies outside the file');
  const cd = readAt(cdOffset, cdSize);

  const list: ZipEntry[] = [];
  const names = new Set<string>();
  let declared = 0;
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) refuse('its central directory is malformed');
    const madeBy = cd.readUInt16LE(at + 4) >> 8;
    const flags = cd.readUInt16LE(at + 8);
    const method = cd.readUInt16LE(at + 10);
    const crc = cd.readUInt32LE(at + 16);
    const compressedSize = cd.readUInt32LE(at + 20);
    const uncompressedSize = cd.readUInt32LE(at + 24);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    const external = cd.readUInt32LE(at + 38);
    const localHeaderOffset = cd.readUInt32LE(at + 42);
    const name = cd.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;

    const shown = JSON.stringify(name.slice(0, 200));
    if (flags & 1) refuse(`entry ${shown} is encrypted`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) refuse(`entry ${shown} needs ZIP64 sizes, far over the limits`);
    const directory = name.endsWith('/');
    if (!safeEntryName(directory ? name.slice(0, -1) : name)) refuse(`entry ${shown} has an unsafe path`);
    // Unix mode in the high half of the external attributes (made by 3 = Unix): a symlink could point anywhere.
    if (madeBy === 3 && ((external >>> 16) & 0o170000) === 0o120000) refuse(`entry ${shown} is a symbolic link`);
    if (!directory && method !== STORED && method !== DEFLATED) refuse(`entry ${shown} uses compression method ${method} (only stored and deflate are expected)`);
    if (method === STORED && compressedSize !== uncompressedSize) refuse(`entry ${shown} is stored but declares different sizes`);
    const key = name.toLowerCase();
    if (names.has(key)) refuse(`entry ${shown} appears twice`);
    names.add(key);
    declared += uncompressedSize;
    list.push({ name, method, crc, compressedSize, uncompressedSize, localHeaderOffset, directory });
  }
  if (declared > limits.uncompressedBytes) {
    refuse(`its zip declares ${count(declared)} bytes uncompressed, over the limit of ${count(limits.uncompressedBytes)} bytes for a rollback artifact (the Metadata API's limit on one deploy's uncompressed files)`);
  }
  if (declared > limits.ratioFloorBytes && declared > limits.ratio * Math.max(1, size)) {
    refuse(`its zip declares ${count(declared)} bytes uncompressed from ${count(size)} bytes, a ratio of ${Math.round(declared / Math.max(1, size))} to 1, over the limit of ${limits.ratio} to 1 (metadata compresses 5 to 20 to 1)`);
  }
  return list;
}

/**
 * Extracts a zip file into `dir` within the limits: the central directory is checked first
 * (inspectZip), then every entry is inflated with its declared size as a hard cap (a lying
 * directory is caught the moment an entry inflates past it) and checked against its CRC. Returns
 * the files written and their bytes; on a refusal the files written so far stay within the limits.
 */
export function extractZipFile(zipPath: string, dir: string, limits: ArchiveLimits, what: string): { files: number; bytes: number } {
  const fd = openSync(zipPath, 'r');
  try {
    const size = statSync(zipPath).size;
    const readAt = (offset: number, length: number): Buffer => {
      const buffer = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return buffer.subarray(0, done);
    };
    const entries = inspectZip(size, readAt, limits, what);
    const refuse = (reason: string): never => {
      throw new ArchiveRefused(`${what} was refused while extracting: ${reason}. Extraction stopped there.`);
    };
    let files = 0;
    let bytes = 0;
    for (const entry of entries) {
      const shown = JSON.stringify(entry.name.slice(0, 200));
      const target = path.join(dir, ...entry.name.split('/').filter(Boolean));
      if (entry.directory) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      const header = readAt(entry.localHeaderOffset, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) refuse(`entry ${shown} has no local header where the central directory says`);
      const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      if (dataStart + entry.compressedSize > size) refuse(`entry ${shown} runs past the end of the zip`);
      const compressed = readAt(dataStart, entry.compressedSize);
      let content: Buffer;
      if (entry.method === STORED) {
        content = compressed;
      } else {
        try {
          // The declared size is the cap: a bomb whose directory lies stops at it.
          content = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
            refuse(`entry ${shown} inflates past the ${count(entry.uncompressedSize)} bytes its central directory declares`);
          }
          content = refuse(`entry ${shown} could not be inflated (${(error as Error).message})`);
        }
      }
      if (content.length !== entry.uncompressedSize) refuse(`entry ${shown} inflates to ${count(content.length)} bytes, not the ${count(entry.uncompressedSize)} its central directory declares`);
      if (crc32(content) >>> 0 !== entry.crc >>> 0) refuse(`entry ${shown} does not match its CRC-32`);
      bytes += content.length;
      if (bytes > limits.uncompressedBytes) refuse(`more than ${count(limits.uncompressedBytes)} bytes uncompressed`);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content, { flag: 'wx' });
      files += 1;
    }
    return { files, bytes };
  } finally {
    closeSync(fd);
  }
}

/** A relative path with forward slashes, no `..`, `.`, empty part, drive or control character. */
function safeEntryName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name.length > 0 && !name.startsWith('/') && !name.includes('\\') && !/[\u0000-\u001f]/.test(name) && !/^[A-Za-z]:/.test(name) &&
    name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
