import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';
import { id } from './common-schemas';
import type { ImportResult, InboxMessage, MailboxView, ReplyTableView } from '../domain/inbox';
import { textLimits } from '../domain/limits';

/** Replies received: files, dropped files and the mailbox, with their review. */
export const inboxContract = {
  'inbox:list-messages': channel<InboxMessage[]>()(noInput),
  /** Asks for files or a folder of replies and imports them; null when cancelled. */
  'inbox:import-files': channel<ImportResult[] | null>()(z.object({ kind: z.enum(['files', 'folder']) }).strict()),
  /** Files dropped on the window, as base64 contents (at most 30 MB each). */
  'inbox:import-dropped': channel<ImportResult[]>()(
    z
      .object({
        files: z
          .array(
            z
              .object({
                name: z.string().min(1).max(255),
                data: z.string().max(41_000_000, 'Tệp quá lớn (giới hạn 30 MB)'),
              })
              .strict(),
          )
          .min(1)
          .max(200),
      })
      .strict(),
  ),
  'inbox:review-message': channel<ImportResult>()(
    z
      .object({
        messageId: id,
        unitId: id,
        roundId: id.optional(),
        rowChoices: z
          .array(z.object({ index: z.number().int().min(0), formRow: id.nullable() }).strict())
          .max(5000)
          .optional(),
      })
      .strict(),
  ),
  'inbox:get-reply-table': channel<ReplyTableView | null>()(
    z.object({ messageId: id, roundId: id.optional() }).strict(),
  ),
  'inbox:get-mailbox': channel<MailboxView | null>()(noInput),
  'inbox:save-mailbox': channel<MailboxView>()(
    z
      .object({
        host: z
          .string()
          .trim()
          .min(1, 'Cần địa chỉ máy chủ thư')
          .max(255)
          .regex(/^[A-Za-z0-9.-]+$/, 'Địa chỉ máy chủ chỉ gồm chữ, số, dấu chấm và gạch ngang'),
        port: z.number().int().min(1).max(65535),
        secure: z.boolean(),
        user: z.string().trim().min(1, 'Cần tên đăng nhập').max(255),
        folder: z.string().trim().max(255),
        password: z.string().max(500).optional(),
      })
      .strict(),
  ),
  /** Fetches and imports the messages not yet seen in the watched folder. */
  'inbox:check-mailbox': channel<ImportResult[]>()(noInput),
  /** "Không cần nhập số liệu": a message needing review is dealt with, with the clerk's note why. */
  'inbox:mark-handled': channel<null>()(
    z
      .object({
        messageId: id,
        note: z
          .string()
          .trim()
          .min(1, 'Ghi vài chữ vì sao không cần nhập (ví dụ: hỏi về biểu mẫu)')
          .max(textLimits.reason),
      })
      .strict(),
  ),
  /** Returns a message marked as dealt with to review. */
  'inbox:reopen-message': channel<null>()(z.object({ messageId: id }).strict()),
} satisfies FeatureContract<'inbox'>;
