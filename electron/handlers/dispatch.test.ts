import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api/channels';
import { contract } from '../../shared/api/contract';
import { createTestContext, type TestContext } from '../testing/service-context';
import { createDispatcher, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';

let ctx: TestContext;
let dispatch: Dispatch;
const logged: unknown[] = [];
beforeEach(async () => {
  ctx = await createTestContext();
  dispatch = createDispatcher(createHandlers(ctx), (m, e) => logged.push([m, e]));
});
afterEach(async () => {
  await ctx.dispose();
  logged.length = 0;
});

describe('the dispatcher', () => {
  it('defines exactly the channels the preload knows', () => {
    expect(Object.keys(contract).sort()).toEqual([...channels].sort());
  });

  it('copies text to the system clipboard through the platform, and refuses nothing to copy', async () => {
    expect(await dispatch('app:copy-text', { text: 'Kính gửi UBND huyện Bình Sơn, đề nghị gửi báo cáo.' })).toEqual({
      ok: true,
      value: null,
    });
    expect(ctx.platform.copied).toEqual(['Kính gửi UBND huyện Bình Sơn, đề nghị gửi báo cáo.']);
    expect(await dispatch('app:copy-text', { text: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(ctx.platform.copied).toHaveLength(1);
  });

  it("opens the log files' folder through the platform", async () => {
    expect(await dispatch('app:open-log-folder', {})).toEqual({ ok: true, value: null });
    expect(ctx.platform.logFolderOpened).toBe(1);
  });

  it('refuses an unknown channel', async () => {
    expect(await dispatch('units:delete-everything', {})).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('không tồn tại') },
    });
  });

  it('refuses an invalid payload with a Vietnamese message and changes nothing', async () => {
    const before = await dispatch('app:get-status', {});
    const bad = await dispatch('units:list-units', { asOf: '2025-13-45' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('Ngày phải có dạng YYYY-MM-DD') },
    });
    const extra = await dispatch('demo:create-demo', { force: true });
    expect(extra).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: [expect.objectContaining({ message: expect.any(String) })] },
    });
    expect((extra as { ok: false; error: { message: string } }).error.message).toMatch(/force|không/i);
    expect(await dispatch('app:get-status', {})).toEqual(before);
  });

  it('runs a valid call and returns its result as data', async () => {
    expect(await dispatch('demo:create-demo', {})).toMatchObject({
      ok: true,
      value: { units: 24, plans: 2, rounds: 5 },
    });
    const units = await dispatch('units:list-units', {});
    expect(units).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ code: '51', level: 0 })]),
    });
  });

  it('returns a service refusal as its code and message', async () => {
    await dispatch('demo:create-demo', {});
    expect(await dispatch('demo:create-demo', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('imports the file the user chooses, and nothing when the user cancels', async () => {
    expect(await dispatch('units:import-file', {})).toEqual({ ok: true, value: null });
    const file = path.join(ctx.database.dir, 'units.csv');
    fs.writeFileSync(file, 'code,name,kind\n51,Tỉnh Quảng Ngãi,province\n');
    ctx.platform.chosenFiles.push(file);
    expect(await dispatch('units:import-file', {})).toEqual({
      ok: true,
      value: { fileName: 'units.csv', created: 1, updated: 0, unchanged: 0 },
    });
  });

  it('hides unexpected exceptions behind an internal error and logs them', async () => {
    await ctx.database.close();
    const r = await dispatch('app:get-status', {});
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('Dữ liệu đã lưu không bị thay đổi') },
    });
    expect(logged).toHaveLength(1);
  });
});
