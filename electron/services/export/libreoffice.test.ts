import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../db/testing/test-db';
import { convertWithLibreOffice } from './libreoffice';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('converting with LibreOffice', () => {
  it('on a machine without LibreOffice, says in Vietnamese what is needed and where else to get a PDF', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'a.docx');
    fs.writeFileSync(file, 'x');
    await expect(convertWithLibreOffice(file, 'pdf', dir, path.join(dir, 'khong-co-soffice'))).rejects.toThrow(
      'Xuất PDF từ dòng lệnh cần LibreOffice (lệnh soffice)',
    );
  });
});
