import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { saveAs } from './save-as';
import { openSaved } from './saved-by-app';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.dispose();
});

describe('opening what the app saved', () => {
  it('opens a document the app wrote in this run, or shows it in its folder', async () => {
    const file = await saveAs(
      ctx,
      { title: 'Lưu', defaultName: 'phu-luc.docx', filterName: 'Word', extension: 'docx', madeByApp: true },
      new Uint8Array([1, 2, 3]),
    );
    await openSaved(ctx, { path: file!, show: 'file' });
    await openSaved(ctx, { path: file!, show: 'folder' });
    expect(ctx.platform.opened).toEqual([file]);
    expect(ctx.platform.shownInFolder).toEqual([file]);
  });

  it('refuses any other path: a received file saved as a copy, a file it never wrote, one since removed', async () => {
    const copy = await saveAs(
      ctx,
      { title: 'Lưu', defaultName: 'thu.eml', filterName: 'Thư', extension: 'eml' },
      new Uint8Array([1]),
    );
    await expect(openSaved(ctx, { path: copy!, show: 'file' })).rejects.toMatchObject({ code: 'not-found' });
    const other = path.join(ctx.database.dir, 'khac.docx');
    fs.writeFileSync(other, 'x');
    await expect(openSaved(ctx, { path: other, show: 'folder' })).rejects.toMatchObject({
      message: 'Chỉ mở được tệp, thư mục phần mềm vừa lưu trong lần làm việc này.',
    });
    const gone = await saveAs(
      ctx,
      { title: 'Lưu', defaultName: 'bang.xlsx', filterName: 'Excel', extension: 'xlsx', madeByApp: true },
      new Uint8Array([1]),
    );
    fs.rmSync(gone!);
    await expect(openSaved(ctx, { path: gone!, show: 'file' })).rejects.toMatchObject({
      message: expect.stringContaining('Không còn "bang.xlsx"'),
    });
    expect(ctx.platform.opened).toEqual([]);
  });
});
