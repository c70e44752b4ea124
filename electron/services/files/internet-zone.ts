import fs from 'node:fs';

/**
 * Marks a file the app writes out of a reply (to open it, or saved elsewhere) as coming from the
 * internet, as a browser marks a download: on Windows an NTFS stream "Zone.Identifier" with
 * ZoneId=3, so Office opens it in Protected View and Windows warns before running anything in
 * it. Written while the file is still writable (a read-only file's streams cannot be written).
 * Other systems keep no such mark.
 */
export function markFromInternet(file: string, platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'win32') return;
  fs.writeFileSync(`${file}:Zone.Identifier`, '[ZoneTransfer]\r\nZoneId=3\r\n');
}
