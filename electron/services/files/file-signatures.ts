/**
 * What a file is by its first bytes, whatever its name says: the one place the readers ask.
 */
const startsWith = (bytes: Uint8Array, ...b: number[]) => b.every((x, i) => bytes[i] === x);

/** A zip container (.xlsx, .docx, .zip). */
export const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
/** An OLE compound file (.xls 5/95 and 97-2003, .doc, .msg). */
export const isOle2 = (bytes: Uint8Array) => startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0);
/** Excel 2.x, 3 and 4 worksheets are no container at all: a stream of records opening with a BOF record (09 00, 09 02, 09 04). */
export const isOldBiff = (bytes: Uint8Array) =>
  bytes[0] === 0x09 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04) && bytes[3] === 0x00;
/** A Word 2.0 document (before compound files). */
export const isWord2 = (bytes: Uint8Array) => startsWith(bytes, 0xdb, 0xa5);
/** An RTF document ("{\rtf"). */
export const isRtf = (bytes: Uint8Array) => startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66);
