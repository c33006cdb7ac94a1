// One more entry in an existing zip, without inflating and deflating the others again: a delta
// package is SDR's zip plus destructiveChangesPost.xml, and rebuilding the whole zip for that one
// file cost more than the rest of the package (a deflate set-up per entry). Format: PKWARE
// APPNOTE.TXT 4.3 (local file headers, central directory, end of central directory record).
import { zipSync } from 'fflate';
import { END_SIGNATURE, END_SIZE, readEndRecord } from '../zip-format.js';

/**
 * `zip` with `name` added, its entries' bytes copied as they are. Undefined when `zip` is not a
 * plain zip this can extend safely (several disks, zip64, a comment, bytes between the central
 * directory and its end record): the caller then builds the zip again.
 */
export function appendToZip(zip: Uint8Array, name: string, data: Uint8Array): Uint8Array | undefined {
  const end = endRecord(zip);
  if (!end || end.entries >= 0xfffe) return undefined;
  // fflate writes the new entry (its local header, data and CRC); it is then moved after the others.
  const single = zipSync({ [name]: data });
  const added = endRecord(single);
  if (!added || added.entries !== 1) return undefined;
  const local = single.subarray(0, added.directoryOffset);
  const central = single.slice(added.directoryOffset, added.directoryOffset + added.directorySize);
  // The central directory entry's "relative offset of local header" (APPNOTE 4.3.12, at byte 42).
  new DataView(central.buffer, central.byteOffset, central.length).setUint32(42, end.directoryOffset, true);
  const out = new Uint8Array(end.directoryOffset + local.length + end.directorySize + central.length + END_SIZE);
  let at = 0;
  for (const part of [zip.subarray(0, end.directoryOffset), local, zip.subarray(end.directoryOffset, end.directoryOffset + end.directorySize), central]) {
    out.set(part, at);
    at += part.length;
  }
  const record = new DataView(out.buffer, out.byteOffset + at, END_SIZE);
  record.setUint32(0, END_SIGNATURE, true);
  record.setUint16(8, end.entries + 1, true);
  record.setUint16(10, end.entries + 1, true);
  record.setUint32(12, end.directorySize + central.length, true);
  record.setUint32(16, end.directoryOffset + local.length, true);
  return out;
}

/** The end of central directory record of a zip without a comment, when it describes a single-disk, non-zip64 archive. */
function endRecord(zip: Uint8Array): { entries: number; directorySize: number; directoryOffset: number } | undefined {
  const at = zip.length - END_SIZE;
  const end = readEndRecord(zip, at);
  if (!end || end.commentLength !== 0 || end.disk !== 0 || end.directoryDisk !== 0) return undefined;
  const { entries, directorySize, directoryOffset } = end;
  if (entries !== end.diskEntries || entries === 0xffff || directoryOffset + directorySize !== at) return undefined;
  return { entries, directorySize, directoryOffset };
}
