import type { ServiceContext } from '../services/context';
import { importDropped, importPaths } from '../services/inbox/import-batch';
import { reviewMessage } from '../services/inbox/review-message';
import { markMessageHandled, reopenMessage } from '../services/inbox/handle-message';
import { listInboxRows } from '../../db/email/repo';
import { checkMailbox, getMailbox, saveMailbox } from '../services/inbox/mailbox';
import { getReplyTable } from '../services/inbox/reply-table';
import { sendReceipts } from '../services/mail/direct-mail';
import type { ImportResult } from '../../shared/domain/inbox';
import type { FeatureHandlers, Progress } from './types';

export function inboxHandlers(ctx: ServiceContext, progress: Progress): FeatureHandlers<'inbox'> {
  /** After an import, the receipts the office asked for (off unless turned on); they never fail the import. */
  const withReceipts = async (results: ImportResult[]) => {
    await sendReceipts(ctx, results);
    return results;
  };
  return {
    'inbox:list-messages': () => listInboxRows(ctx.db),
    'inbox:import-files': async (input) => {
      const replyFilter = [
        {
          name: 'Thư và báo cáo (.eml, Excel, Word, PDF)',
          extensions: ['eml', 'msg', 'mbox', 'zip', 'xlsx', 'xls', 'docx', 'doc', 'pdf', 'jpg', 'png'],
        },
      ];
      const paths =
        input.kind === 'folder'
          ? await ctx.platform
              .chooseFolder({ title: 'Chọn thư mục chứa thư, báo cáo của đơn vị' })
              .then((p) => (p === null ? null : [p]))
          : await ctx.platform.chooseFiles({ title: 'Chọn thư, báo cáo của đơn vị', filters: replyFilter });
      if (paths === null) return null;
      return withReceipts(
        await importPaths(ctx, paths, (done, total, label) => progress({ task: 'import', done, total, label })),
      );
    },
    'inbox:import-dropped': async (input) =>
      withReceipts(
        await importDropped(
          ctx,
          input.files.map((f) => ({ fileName: f.name, bytes: Buffer.from(f.data, 'base64') })),
          (done, total, label) => progress({ task: 'import', done, total, label }),
        ),
      ),
    'inbox:review-message': (input) => reviewMessage(ctx, input),
    'inbox:get-reply-table': (input) => getReplyTable(ctx, input.messageId, input.roundId),
    'inbox:get-mailbox': () => getMailbox(ctx),
    'inbox:save-mailbox': (input) => saveMailbox(ctx, input),
    'inbox:check-mailbox': async () =>
      withReceipts(await checkMailbox(ctx, (done, total, label) => progress({ task: 'import', done, total, label }))),
    'inbox:mark-handled': async (input) => {
      await markMessageHandled(ctx, input);
      return null;
    },
    'inbox:reopen-message': async (input) => {
      await reopenMessage(ctx, input.messageId);
      return null;
    },
  };
}
