import type { Copier } from './copy-tables';

/** Original files: the same bytes (checksum) are the same file; the others are added with their contents and parts. */
export async function copyFiles(c: Copier): Promise<void> {
  const { out, copyRows, copyLinkRows } = c;
  out.counts.files = await copyRows('stored_file', {}, { matchOn: 'sha256', referredOneByOne: true });
  await copyLinkRows('stored_file_content', { file_id: 'stored_file' }, { addedWith: ['file_id', 'stored_file'] });
  await copyLinkRows(
    'stored_file_part',
    { file_id: 'stored_file', container_id: 'stored_file' },
    { addedWith: ['file_id', 'stored_file'] },
  );
}
