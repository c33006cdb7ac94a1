// Zip files written byte by byte, so a test can build what no zip library writes: a zip bomb
// (gigabytes of zeros in a few megabytes) and a central directory that lies about sizes.
// Format: PKWARE APPNOTE.TXT 6.3.x, sections 4.3.7 (local header), 4.3.12 (central directory
// header) and 4.3.16 (end of central directory record).
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry: its deflate data, and what the headers declare about it. */
export interface RawZipEntry {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Buffer;
  crc: number;
  /** The uncompressed size written in both headers (a lie when it differs from what `deflated` inflates to). */
  declaredSize: number;
}

/** A zip of deflated entries, headers as given. */
export function writeZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An honest entry for small content. */
export function deflatedEntry(name: string, content: string | Buffer): RawZipEntry {
  const bytes = Buffer.from(content);
  return { name, deflated: deflateRawSync(bytes), crc: crc32(bytes), declaredSize: bytes.length };
}

/**
 * `mebibytes` MiB of zeros as raw deflate, in about a thousandth of that: one MiB of zeros
 * deflated with a full flush (byte-aligned, no back-reference across it) is a self-contained
 * segment, repeated, then the final empty block. Built in milliseconds, not by deflating gigabytes.
 */
export function zerosDeflated(mebibytes: number): { deflated: Buffer; crc: number; size: number } {
  const mib = Buffer.alloc(1 << 20);
  const segment = deflateRawSync(mib, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(mib, crc);
  return { deflated: Buffer.concat([...Array.from({ length: mebibytes }, () => segment), last]), crc, size: mebibytes * (1 << 20) };
}
