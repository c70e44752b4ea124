/* eslint-disable @typescript-eslint/no-unsafe-argument -- rows are read with SELECT * from a database of the same schema version and written back by column name, so their values are untyped by design */
import type { Copier, Row } from './copy-tables';

/** Original files: the same bytes (checksum) are the same file; the others are added with their contents and parts. */
export async function copyFiles(c: Copier): Promise<void> {
  const { db, src, map, out, insertLink, copyTable, copyLinks } = c;
  const localFiles = new Map(
    ((await db.selectFrom('stored_file').select(['id', 'sha256']).execute()) as Row[]).map((f) => [
      f.sha256 as string,
      f.id,
    ]),
  );
  const content = src.prepare('SELECT content FROM stored_file_content WHERE file_id = ?');
  const addedFiles = await copyTable(
    'stored_file',
    {},
    {
      find: (f) => localFiles.get(f.sha256),
    },
  );
  for (const f of addedFiles) {
    const c = content.get(f.id) as { content: Buffer } | undefined;
    if (c) await insertLink('stored_file_content', { file_id: map.get('stored_file', f.id), content: c.content });
  }
  const addedFileIds = new Set(addedFiles.map((f) => f.id));
  await copyLinks('stored_file_part', { file_id: 'stored_file', container_id: 'stored_file' }, (p) =>
    addedFileIds.has(p.file_id),
  );
  out.counts.files = addedFiles.length;
}
