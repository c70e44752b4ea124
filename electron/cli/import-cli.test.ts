import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { cliRound } from '../../tests/support/cli-round';
import { buildEml, fillTemplate } from '../../tests/fixtures/replies';
import { runCliCaptured as run } from '../testing/run-cli-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('import and values on the command line', () => {
  it('imports a folder of replies, one JSON line per file, and lists every value of the round', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const { db, roundId } = await cliRound(dir, { units: '524,534', deadline: '2099-07-05' });
    await run('round', 'templates', '--db', db, '--round', String(roundId), '--out', path.join(dir, 'mau'));

    const inbox = path.join(dir, 'hop-thu', 'thang-7');
    fs.mkdirSync(inbox, { recursive: true });
    const filled = await fillTemplate(path.join(dir, 'mau', '534-thi-xa-duc-pho-2016-2020.xlsx'), { R003: 7, R005: 4 });
    fs.writeFileSync(
      path.join(inbox, '1-duc-pho.eml'),
      await buildEml({
        from: 'vpubnd.ducpho@quangngai.gov.vn',
        subject: 'Báo cáo',
        attachments: [{ filename: 'bc.xlsx', content: filled }],
      }),
    );
    fs.writeFileSync(path.join(inbox, '2-ghi-chu.txt'), 'không phải báo cáo');
    fs.writeFileSync(path.join(dir, 'hop-thu', '0-hong.xlsx'), 'hỏng');

    const result = await run('import', '--db', db, path.join(dir, 'hop-thu'));
    expect(result.code).toBe(0);
    const lines = result.out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => Object.keys(l))).toEqual([
      ['file', 'status', 'unitCode', 'roundId', 'values', 'warnings', 'errors'],
      ['file', 'status', 'unitCode', 'roundId', 'values', 'warnings', 'errors'],
    ]);
    expect(lines[0]).toMatchObject({ file: path.join(dir, 'hop-thu', '0-hong.xlsx'), status: 'rejected', values: 0 });
    expect(lines[1]).toMatchObject({
      file: path.join(inbox, '1-duc-pho.eml'),
      status: 'imported',
      unitCode: '534',
      roundId,
      values: 2,
      errors: [],
    });
    const again = await run('import', '--db', db, path.join(inbox, '1-duc-pho.eml'));
    expect(JSON.parse(again.out)).toMatchObject({ status: 'duplicate' });

    const values = JSON.parse((await run('values', '--db', db, '--round', String(roundId), '--json')).out) as {
      unitCode: string;
      row: number;
      value: unknown;
      flags: string[];
    }[];
    expect(values).toHaveLength(2 * 75);
    expect(Object.keys(values[0]!)).toEqual(['unitCode', 'unitName', 'row', 'text', 'value', 'flags']);
    expect(values.filter((v) => v.value !== null).map((v) => [v.unitCode, v.row, v.value])).toEqual([
      ['534', 3, 7],
      ['534', 5, 4],
    ]);
    expect(values.find((v) => v.unitCode === '524')).toMatchObject({ value: null, flags: [] });
  });

  it('submissions --json gives the first reply as received and counts lateness from it, not from the correction', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const { db, roundId: id } = await cliRound(dir, { units: '534', deadline: '2020-07-05' });
    const roundId = String(id);
    await run('round', 'templates', '--db', db, '--round', roundId, '--out', path.join(dir, 'mau'));
    const template = path.join(dir, 'mau', '534-thi-xa-duc-pho-2016-2020.xlsx');
    const reply = async (name: string, date: string, value: number) => {
      const file = path.join(dir, name);
      fs.writeFileSync(
        file,
        await buildEml({
          from: 'vpubnd.ducpho@quangngai.gov.vn',
          subject: 'Báo cáo',
          messageId: `<${name}@ducpho>`,
          date: new Date(date),
          attachments: [{ filename: 'bc.xlsx', content: await fillTemplate(template, { R003: value }) }],
        }),
      );
      return JSON.parse((await run('import', '--db', db, file)).out) as { status: string };
    };
    expect((await reply('lan-1.eml', '2020-07-08T01:00:00Z', 30)).status).toBe('imported');
    expect((await reply('lan-2.eml', '2020-07-10T01:00:00Z', 31)).status).toBe('imported');

    const json = JSON.parse((await run('submissions', '--db', db, '--round', roundId, '--json')).out) as unknown[];
    expect(json).toEqual([
      {
        unitCode: '534',
        unitName: 'Thị xã Đức Phổ',
        status: 'received',
        receivedAt: '2020-07-08T01:00:00.000Z',
        late: true,
        revisions: 2,
      },
    ]);
    const shown = await run('submissions', '--db', db, '--round', roundId);
    expect(shown.out).toBe('534\tThị xã Đức Phổ\tĐã nhận\t08/07/2020\ttrễ 3 ngày');
  });
});
