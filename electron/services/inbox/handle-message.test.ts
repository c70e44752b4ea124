import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEml } from '../../../tests/fixtures/replies';
import { listInboxRows } from '../../../db/email/repo';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { seedDemoRound } from '../../testing/seed-round';
import { importReply } from './import-reply';
import { markMessageHandled, reopenMessage } from './handle-message';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(new Date('2020-07-03T02:00:00Z'));
  await seedDemoRound(ctx);
});
afterEach(async () => {
  await ctx.dispose();
});

async function receive(name: string, text: string) {
  const file = path.join(ctx.database.dir, name);
  fs.writeFileSync(file, await buildEml({ from: 'congan@quangngai.gov.vn', subject: 'Hỏi về biểu mẫu', text }));
  return importReply(ctx, file);
}

describe('a message with no figures to import', () => {
  it('is marked as dealt with, with the note, and can be opened again; nothing is imported', async () => {
    expect((await receive('hoi.eml', 'Xin hỏi dòng 1.2 điền thế nào?')).status).toBe('needs-review');
    const [m] = await listInboxRows(ctx.db);
    expect(m!.handled).toBeNull();
    await markMessageHandled(ctx, { messageId: m!.id, note: '  Đã trả lời qua điện thoại  ' });
    const [after] = await listInboxRows(ctx.db);
    expect(after).toMatchObject({
      status: 'needs-review',
      handled: { at: '2020-07-03T02:00:00.000Z', note: 'Đã trả lời qua điện thoại' },
    });
    await reopenMessage(ctx, m!.id);
    expect((await listInboxRows(ctx.db))[0]!.handled).toBeNull();
  });

  it('refuses a message whose figures were imported, and one that does not exist', async () => {
    await receive('hoi.eml', 'Không có số liệu');
    const [m] = await listInboxRows(ctx.db);
    await ctx.db.updateTable('email_message').set({ status: 'imported' }).where('id', '=', m!.id).execute();
    await expect(markMessageHandled(ctx, { messageId: m!.id, note: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(markMessageHandled(ctx, { messageId: 999, note: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
