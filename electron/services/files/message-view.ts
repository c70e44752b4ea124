import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { MessageView } from '../../../shared/domain/inbox';
import { listContainedFiles } from '../../../db/files/repo';
import type { ServiceContext } from '../context';
import { parseInWorker } from '../inbox/parse-pool';
import { readParts } from '../inbox/read-parts';
import { readOriginal } from './file-store';
import { markFromInternet } from './internet-zone';
import { safeFileStem } from './safe-name';
import { saveAs } from './save-as';

const isMessage = (name: string) => /\.(eml|msg)$/i.test(name);

/**
 * A kept e-mail (.eml, .msg) shown inside the app: its headers, its plain text, and each attachment
 * with the stored file it became, to open (documents only, read-only) or to save elsewhere. Read in
 * the parse worker; nothing of it is handed to another program.
 */
export async function viewMessage(ctx: ServiceContext, fileId: number): Promise<MessageView> {
  const original = await readOriginal(ctx.db, fileId, readParts);
  if (!isMessage(original.name))
    throw new AppError(
      'invalid-input',
      `Tệp "${path.basename(original.name)}" không phải thư điện tử; hãy dùng "Mở tệp gốc".`,
    );
  const view = await parseInWorker('messageView', { fileName: original.name, bytes: original.bytes }, original.name);
  const parts = await listContainedFiles(ctx.db, fileId);
  const used = new Set<number>();
  return {
    fileName: path.basename(original.name),
    ...view,
    attachments: view.attachments.map((a) => {
      const part = parts.find((p) => p.name === a.name && !used.has(p.fileId));
      if (part) used.add(part.fileId);
      return { fileId: part?.fileId ?? null, name: a.name, size: a.size };
    }),
  };
}

/** Saves a copy of a kept original where the user chooses (any kind: saving runs nothing), marked as from the internet. */
export async function saveOriginalCopy(ctx: ServiceContext, fileId: number): Promise<string | null> {
  const original = await readOriginal(ctx.db, fileId, readParts);
  const base = path.basename(original.name.replace(/\\/g, '/'));
  const extension =
    path
      .extname(base)
      .slice(1)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '') || 'bin';
  const target = await saveAs(
    ctx,
    {
      title: 'Lưu bản sao tệp gốc',
      defaultName: `${safeFileStem(path.basename(base, path.extname(base)))}.${extension}`,
      filterName: `Tệp .${extension}`,
      extension,
    },
    original.bytes,
  );
  if (target) markFromInternet(target);
  return target;
}
