// One more entry in an existing zip, without inflating and deflating the others again: a delta
// package is SDR's zip plus destructiveChangesPost.xml, and rebuilding the whole zip for that one
// file cost more than the rest of the package (a deflate set-up per entry). Format: PKWARE
// APPNOTE.TXT 4.3 (local file headers, central directory, end of central directory record).
import { zipSync } from 'fflate';

const END_SIGNATURE = 0x06054b50;
const END_SIZE = 22;

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
  if (zip.length < END_SIZE) return undefined;
  const at = zip.length - END_SIZE;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.length);
  if (view.getUint32(at, true) !== END_SIGNATURE || view.getUint16(at + 20, true) !== 0) return undefined;
  if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0) return undefined;
  const entries = view.getUint16(at + 10, true);
  const directorySize = view.getUint32(at + 12, true);
  const directoryOffset = view.getUint32(at + 16, true);
  if (entries !== view.getUint16(at + 8, true) || entries === 0xffff || directoryOffset + directorySize !== at) return undefined;
  return { entries, directorySize, directoryOffset };
}
