import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { saveAs } from './save-as';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.dispose();
});

const options = { title: 'Xuất Excel', defaultName: 'bang.xlsx', filterName: 'Excel (.xlsx)', extension: 'xlsx' };

describe('saving where the user chooses', () => {
  it('writes to the chosen file, accepts the extension in any case, returns null on cancel', async () => {
    const chosen = path.join(ctx.platform.outDir, 'Bảng.XLSX');
    ctx.platform.savePaths.push(chosen, null);
    expect(await saveAs(ctx, options, Buffer.from('abc'))).toBe(chosen);
    expect(fs.readFileSync(chosen, 'utf8')).toBe('abc');
    expect(await saveAs(ctx, options, Buffer.from('abc'))).toBeNull();
  });

  it('refuses a name with another extension in Vietnamese and writes nothing', async () => {
    const wrong = path.join(ctx.platform.outDir, 'bang.txt');
    ctx.platform.savePaths.push(wrong);
    await expect(saveAs(ctx, options, Buffer.from('abc'))).rejects.toThrow('Tệp lưu phải có đuôi .xlsx.');
    expect(fs.existsSync(wrong)).toBe(false);
  });
});
