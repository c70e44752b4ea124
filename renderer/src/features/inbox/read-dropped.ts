/** Reads dropped files and folders as base64 for the import channel, leaving out those over the size limit. */
export const MAX_DROPPED_BYTES = 30 * 1024 * 1024;
export const MAX_DROPPED_FILES = 200;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries returns the folder in pieces until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** Every file under the dropped items, folders walked (at most MAX_DROPPED_FILES files). */
async function collectFiles(items: DataTransferItemList | null, files: FileList): Promise<File[]> {
  const entries = items
    ? Array.from(items)
        .map((i) => i.webkitGetAsEntry?.())
        .filter((e): e is FileSystemEntry => !!e)
    : [];
  if (entries.length === 0) return Array.from(files);
  const out: File[] = [];
  const walk = async (e: FileSystemEntry) => {
    if (out.length >= MAX_DROPPED_FILES) return;
    if (e.isFile) out.push(await fileOf(e as FileSystemFileEntry));
    else if (e.isDirectory) for (const child of await entriesOf(e as FileSystemDirectoryEntry)) await walk(child);
  };
  for (const e of entries) await walk(e);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export async function readDroppedFiles(
  transfer: DataTransfer,
): Promise<{ files: { name: string; data: string }[]; tooLarge: string[] }> {
  const files: { name: string; data: string }[] = [];
  const tooLarge: string[] = [];
  for (const f of await collectFiles(transfer.items, transfer.files)) {
    if (f.size > MAX_DROPPED_BYTES) tooLarge.push(f.name);
    else files.push({ name: f.name, data: toBase64(await f.arrayBuffer()) });
  }
  return { files, tooLarge };
}
