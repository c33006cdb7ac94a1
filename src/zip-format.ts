// The parts of the zip format (PKWARE APPNOTE.TXT 4.3) the action reads and writes itself: record
// signatures and the end of central directory record (4.3.16), named once for the package writer,
// the delta package's append and the artifact reader.

/** Local file header (4.3.7). */
export const LOCAL_HEADER_SIGNATURE = 0x04034b50;
/** Central directory file header (4.3.12). */
export const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
/** End of central directory record (4.3.16). */
export const END_SIGNATURE = 0x06054b50;
/** Size of the end of central directory record without its comment. */
export const END_SIZE = 22;

/** The end of central directory record's fields. */
export interface EndRecord {
  disk: number;
  directoryDisk: number;
  diskEntries: number;
  entries: number;
  directorySize: number;
  directoryOffset: number;
  commentLength: number;
}

/** The end of central directory record at `at` of `bytes`, or undefined when no record starts there. */
export function readEndRecord(bytes: Uint8Array, at: number): EndRecord | undefined {
  if (at < 0 || at + END_SIZE > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, END_SIZE);
  if (view.getUint32(0, true) !== END_SIGNATURE) return undefined;
  return {
    disk: view.getUint16(4, true),
    directoryDisk: view.getUint16(6, true),
    diskEntries: view.getUint16(8, true),
    entries: view.getUint16(10, true),
    directorySize: view.getUint32(12, true),
    directoryOffset: view.getUint32(16, true),
    commentLength: view.getUint16(20, true),
  };
}
