/**
 * Text files from Vietnamese offices arrive as UTF-8 (with or without BOM), UTF-16 (Excel's
 * "Unicode text") or Windows-1258 (Excel's plain "CSV" on a Vietnamese Windows). Decode whichever
 * it is and normalise to NFC.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2)).normalize('NFC');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2)).normalize('NFC');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).normalize('NFC');
  } catch {
    return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  }
}
