import { crc32, deflateRawSync } from 'node:zlib';
import { CENTRAL_HEADER_SIGNATURE, END_SIGNATURE, END_SIZE, LOCAL_HEADER_SIGNATURE } from '../zip-format.js';

// A zip writer for deploy packages: each file is compressed as it arrives, and only its compressed
// bytes are kept. Compression is zlib's, synchronous on the packaging thread (a worker): one
// deflate of a small file costs ~20 µs, while handing each file to libuv's thread pool costs ten
// times that in stream set-up (10,000 files: 0.2 s against 2.1 s, `npm run bench`'s project). source-deploy-retrieve's ZipWriter holds every file in JSZip until the end and
// then compresses them one by one in JavaScript (pako): every file twice in memory, and most of its
// conversion time (issue 12). The format is PKWARE's APPNOTE.TXT 6.3.x: local file header + data
// for each entry, then the central directory and its end record (no zip64: a deploy package is
// limited to 10,000 files and 39 MB compressed, "Metadata API Developer Guide", deploy() limits).

/** One compressed entry: its name in the zip, and its deflated bytes inside a shared block. */
export interface ZipEntry {
  name: string;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** Where its deflated bytes are in the part's block. */
  offset: number;
  length: number;
}

/** A run of compressed entries and the one block holding their bytes (transferable between threads). */
export interface ZipPart {
  entries: ZipEntry[];
  block: Uint8Array;
}

/** SDR's ZipWriter compresses at level 3; the same trade of size for time. */
const LEVEL = 3;

/** Collects entries, compressing each as it is added into one growing block. */
export class ZipPartWriter {
  private readonly entries: ZipEntry[] = [];
  private block = new Uint8Array(1 << 16);
  private used = 0;

  /** Adds a file (a later file of the same name replaces the earlier, as JSZip does). */
  add(name: string, content: Uint8Array): void {
    // zlib hands back a view into a larger buffer (64 KiB for a small file): copied into the
    // block at once, so no entry keeps such a buffer alive until the end.
    const data = deflateRawSync(content, { level: LEVEL });
    if (this.used + data.length > this.block.length) {
      const grown = new Uint8Array(Math.max(this.block.length * 2, this.used + data.length));
      grown.set(this.block.subarray(0, this.used));
      this.block = grown;
    }
    this.block.set(data, this.used);
    this.entries.push({ name: name.replace(/\\/g, '/'), crc: crc32(content), size: content.length, offset: this.used, length: data.length });
    this.used += data.length;
  }

  /** The compressed entries in the order they were added (a replaced one at its replacement's place), their bytes in one block. */
  finish(): ZipPart {
    const byName = new Map<string, ZipEntry>();
    for (const entry of this.entries) {
      byName.delete(entry.name);
      byName.set(entry.name, entry);
    }
    if (byName.size === this.entries.length) return { entries: this.entries, block: this.block.subarray(0, this.used) };
    const kept = [...byName.values()];
    const block = new Uint8Array(kept.reduce((n, e) => n + e.length, 0));
    let offset = 0;
    const entries = kept.map((entry) => {
      block.set(this.block.subarray(entry.offset, entry.offset + entry.length), offset);
      const moved = { ...entry, offset };
      offset += entry.length;
      return moved;
    });
    return { entries, block };
  }
}

/** 1 January 2000, 00:00 in MS-DOS format: every entry gets the same time, so builds of the same files give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

/**
 * One zip from parts, entries in order (a later entry of the same name wins), with a directory
 * entry for every folder before its first file, as JSZip writes them (`createFolders`), so the
 * entry count is what source-deploy-retrieve reports (`zipFileCount`) and Salesforce counts.
 */
export function assembleZip(parts: ZipPart[]): { zip: Buffer; entryCount: number } {
  const winners = new Map<string, { entry: ZipEntry; block: Uint8Array }>();
  for (const part of parts) {
    for (const entry of part.entries) {
      winners.delete(entry.name);
      winners.set(entry.name, { entry, block: part.block });
    }
  }
  const ordered: Array<{ name: Buffer; utf8: boolean; crc: number; size: number; data: Uint8Array }> = [];
  const folders = new Set<string>();
  const empty = new Uint8Array(0);
  for (const { entry, block } of winners.values()) {
    const segments = entry.name.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = `${segments.slice(0, i).join('/')}/`;
      if (folders.has(folder) || winners.has(folder)) continue;
      folders.add(folder);
      ordered.push({ name: Buffer.from(folder), utf8: !/^[\x20-\x7e]*$/.test(folder), crc: 0, size: 0, data: empty });
    }
    ordered.push({ name: Buffer.from(entry.name), utf8: !/^[\x20-\x7e]*$/.test(entry.name), crc: entry.crc, size: entry.size, data: block.subarray(entry.offset, entry.offset + entry.length) });
  }
  if (ordered.length > 0xffff) throw new Error(`A deploy package holds at most 65,535 zip entries; this one would hold ${ordered.length}.`);

  const localSize = ordered.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const centralSize = ordered.reduce((n, e) => n + 46 + e.name.length, 0);
  const zip = Buffer.allocUnsafe(localSize + centralSize + END_SIZE);
  let at = 0;
  const offsets: number[] = [];
  for (const e of ordered) {
    const folder = e.name[e.name.length - 1] === 0x2f;
    offsets.push(at);
    zip.writeUInt32LE(LOCAL_HEADER_SIGNATURE, at);
    zip.writeUInt16LE(20, at + 4); // version needed: 2.0 (deflate, folders)
    zip.writeUInt16LE(e.utf8 ? 0x0800 : 0, at + 6); // bit 11: the name is UTF-8
    zip.writeUInt16LE(folder ? 0 : 8, at + 8); // stored (folder) or deflated
    zip.writeUInt16LE(DOS_TIME, at + 10);
    zip.writeUInt16LE(DOS_DATE, at + 12);
    zip.writeUInt32LE(e.crc >>> 0, at + 14);
    zip.writeUInt32LE(e.data.length, at + 18);
    zip.writeUInt32LE(e.size, at + 22);
    zip.writeUInt16LE(e.name.length, at + 26);
    zip.writeUInt16LE(0, at + 28);
    e.name.copy(zip, at + 30);
    zip.set(e.data, at + 30 + e.name.length);
    at += 30 + e.name.length + e.data.length;
  }
  const centralStart = at;
  ordered.forEach((e, i) => {
    const folder = e.name[e.name.length - 1] === 0x2f;
    zip.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, at);
    zip.writeUInt16LE(0x0314, at + 4); // made by: UNIX, 2.0
    zip.writeUInt16LE(20, at + 6);
    zip.writeUInt16LE(e.utf8 ? 0x0800 : 0, at + 8);
    zip.writeUInt16LE(folder ? 0 : 8, at + 10);
    zip.writeUInt16LE(DOS_TIME, at + 12);
    zip.writeUInt16LE(DOS_DATE, at + 14);
    zip.writeUInt32LE(e.crc >>> 0, at + 16);
    zip.writeUInt32LE(e.data.length, at + 20);
    zip.writeUInt32LE(e.size, at + 24);
    zip.writeUInt16LE(e.name.length, at + 28);
    zip.writeUInt16LE(0, at + 30); // extra
    zip.writeUInt16LE(0, at + 32); // comment
    zip.writeUInt16LE(0, at + 34); // disk
    zip.writeUInt16LE(0, at + 36); // internal attributes
    zip.writeUInt32LE(folder ? ((0o40755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0, at + 38); // external: mode, DOS directory bit
    zip.writeUInt32LE(offsets[i], at + 42);
    e.name.copy(zip, at + 46);
    at += 46 + e.name.length;
  });
  zip.writeUInt32LE(END_SIGNATURE, at);
  zip.writeUInt16LE(0, at + 4);
  zip.writeUInt16LE(0, at + 6);
  zip.writeUInt16LE(ordered.length, at + 8);
  zip.writeUInt16LE(ordered.length, at + 10);
  zip.writeUInt32LE(at - centralStart, at + 12);
  zip.writeUInt32LE(centralStart, at + 16);
  zip.writeUInt16LE(0, at + 20);
  return { zip, entryCount: ordered.length };
}
