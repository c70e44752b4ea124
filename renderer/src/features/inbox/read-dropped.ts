/** Reads dropped files as base64 for the import channel, leaving out those over the size limit. */
export const MAX_DROPPED_BYTES = 30 * 1024 * 1024;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function readDroppedFiles(list: FileList): Promise<{ files: { name: string; data: string }[]; tooLarge: string[] }> {
  const files: { name: string; data: string }[] = [];
  const tooLarge: string[] = [];
  for (const f of Array.from(list)) {
    if (f.size > MAX_DROPPED_BYTES) tooLarge.push(f.name);
    else files.push({ name: f.name, data: toBase64(await f.arrayBuffer()) });
  }
  return { files, tooLarge };
}
