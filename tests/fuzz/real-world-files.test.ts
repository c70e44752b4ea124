import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { parseReply } from '../../electron/services/inbox/parse-reply';
import { readDocTables } from '../../electron/services/files/read-doc-tables';
import { convertWithLibreOffice } from '../support/libreoffice';
import { buildMsg } from '../fixtures/msg';
import { tcvn3OldWorkbook } from '../fixtures/legacy';
import { ownLayoutWorkbook } from '../fixtures/replies';
import { seedAppendixDocx } from '../fixtures/seed-appendix';
import { englishIn } from '../support/english-words';

/**
 * Files as the producers offices use make them: exceljs, SheetJS, the docx library, LibreOffice
 * (Excel 97 .xls, Word 97 .doc, .docx, .xlsx, an RTF named .doc), Excel 5/95 and Excel 2.x with
 * text typed in TCVN3, an Outlook message with many recipients and forwarded messages. Each is read
 * with its table, or refused saying honestly what it is: a file LibreOffice opens is never called
 * damaged.
 */
const rows: [string, string, number][] = [
  ['Số cơ sở kinh doanh dịch vụ nhạy cảm', 'Cơ sở', 12],
  ['Số lượt kiểm tra', 'Lượt', 4],
];
const sheetRows: (string | number | null)[][] = [
  ['UBND HUYỆN BÌNH SƠN'],
  ['BÁO CÁO SỐ LIỆU PHÒNG, CHỐNG MẠI DÂM'],
  [],
  ['TT', 'Chỉ tiêu', 'ĐVT', 'Kết quả'],
  ...rows.map(([t, u, v], i) => [i + 1, t, u, v]),
];

let dir: string;
const files = new Map<string, Buffer>();

async function libreOffice(from: string, format: string, as: string): Promise<void> {
  const work = path.join(dir, `lo-${as}`);
  fs.mkdirSync(work, { recursive: true });
  const input = path.join(work, `nguon${path.extname(from)}`);
  fs.writeFileSync(input, files.get(from)!);
  files.set(as, fs.readFileSync(await convertWithLibreOffice(input, format, work)));
}

beforeAll(async () => {
  dir = makeTempDir('pcmd-that-');
  files.set('exceljs.xlsx', await ownLayoutWorkbook(rows));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(sheetRows), 'Sheet1');
  files.set('sheetjs.xlsx', Buffer.from(XLSX.write(wb, { bookType: 'xlsx', type: 'buffer' }) as Buffer));
  files.set('sheetjs-excel-97.xls', Buffer.from(XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer));
  files.set('excel-95-tcvn3.xls', await tcvn3OldWorkbook('biff5', sheetRows));
  files.set('excel-2-tcvn3.xls', await tcvn3OldWorkbook('biff2', sheetRows));
  files.set('docx-thu-vien.docx', await seedAppendixDocx());
  await libreOffice('exceljs.xlsx', 'xls:MS Excel 97', 'libreoffice-excel-97.xls');
  await libreOffice('libreoffice-excel-97.xls', 'xlsx:Calc MS Excel 2007 XML', 'libreoffice.xlsx');
  await libreOffice('docx-thu-vien.docx', 'doc:MS Word 97', 'libreoffice-word-97.doc');
  await libreOffice('libreoffice-word-97.doc', 'docx:MS Word 2007 XML', 'libreoffice.docx');
  await libreOffice('docx-thu-vien.docx', 'rtf', 'rtf-dat-ten.doc');
  files.set(
    'outlook-nhieu-nguoi-nhan.msg',
    buildMsg({
      subject: 'Báo cáo',
      senderEmail: 'vanthu@binhson.quangngai.gov.vn',
      messageId: '<that@binhson>',
      recipients: Array.from({ length: 1000 }, (_, i) => ({
        name: `Cán bộ ${i + 1}`,
        email: `cb${i + 1}@quangngai.gov.vn`,
      })),
      attachments: [{ filename: 'bao-cao.xlsx', content: files.get('exceljs.xlsx')! }],
      attachedMessages: [
        {
          subject: 'Chuyển tiếp',
          senderEmail: 'a@quangngai.gov.vn',
          attachments: [{ filename: 'cu.pdf', content: Buffer.alloc(1000) }],
        },
      ],
    }),
  );
}, 180_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The text of the rows read, as the form's rows would be matched. */
const readRows = async (name: string) => {
  const r = await parseReply({ fileName: name, bytes: files.get(name)! });
  if (!r.ok) return { error: r.error };
  for (const note of r.found.notes) expect(englishIn(note), note).toBeNull();
  return {
    rows: r.found.data?.kind === 'table' ? r.found.data.rows.map((x) => `${x.text}=${x.raw}`) : null,
    notes: r.found.notes,
  };
};

describe('real-world files, as the producers offices use make them', () => {
  it.each([
    'exceljs.xlsx',
    'sheetjs.xlsx',
    'sheetjs-excel-97.xls',
    'libreoffice-excel-97.xls',
    'libreoffice.xlsx',
    'excel-95-tcvn3.xls',
    'excel-2-tcvn3.xls',
    'outlook-nhieu-nguoi-nhan.msg',
  ])('%s: its table is read, figure for figure', async (name) => {
    const read = await readRows(name);
    expect(read).toMatchObject({ rows: ['Số cơ sở kinh doanh dịch vụ nhạy cảm=12', 'Số lượt kiểm tra=4'] });
    if (name.includes('tcvn3'))
      expect(read.notes).toContain(`Tệp "${name}" được gõ bằng bảng mã TCVN3 (.VnTime); đã chuyển sang Unicode.`);
  });

  it.each(['docx-thu-vien.docx', 'libreoffice.docx', 'libreoffice-word-97.doc', 'rtf-dat-ten.doc'])(
    '%s: the appendix table is read, all its rows',
    async (name) => {
      const read = await readRows(name);
      expect(read.rows).toHaveLength(102);
      expect(read.rows![0]).toBe('1. Thực trạng tình hình=null');
      if (name === 'rtf-dat-ten.doc')
        expect(read.notes).toContain(
          'Tệp "rtf-dat-ten.doc" là văn bản Word cũ, được chuyển bằng LibreOffice để đọc bảng; hãy kiểm tra kỹ số liệu.',
        );
    },
    60_000,
  );

  it('a Word 6.0/95 document: through LibreOffice when installed; without it, refused as too old, not as damaged', async () => {
    // A Word 97 file's header made to say Word 6.0 (nFib 101): what the reader decides by.
    const word97 = files.get('libreoffice-word-97.doc')!;
    const { default: CFB } = await import('cfb');
    const container = CFB.read(word97, { type: 'buffer' });
    const stream = CFB.find(container, 'WordDocument')!;
    const fib = Buffer.from(stream.content as Uint8Array);
    fib.writeUInt16LE(0x65, 2);
    stream.content = fib;
    const word6 = Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
    const converted = files.get('libreoffice.docx')!;
    const through = await readDocTables('word-6.doc', word6, async (_name, _bytes, to) =>
      to === 'docx' ? converted : null,
    );
    expect(through.via).toBe('libreoffice');
    await expect(readDocTables('word-6.doc', word6, async () => null)).rejects.toThrow(
      'Văn bản "word-6.doc" ở định dạng Word 6.0/95, quá cũ để phần mềm đọc trực tiếp. Hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx, hoặc cài LibreOffice trên máy này để phần mềm tự chuyển.',
    );
  });
});
