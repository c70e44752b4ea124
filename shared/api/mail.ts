import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';
import { id } from './common-schemas';
import type { MailPreview, OutgoingServerView, SendResult, SentMail } from '../domain/mail';

const host = z
  .string()
  .trim()
  .min(1, 'Cần địa chỉ máy chủ gửi thư')
  .max(255)
  .regex(/^[A-Za-z0-9.-]+$/, 'Địa chỉ máy chủ chỉ gồm chữ, số, dấu chấm và gạch ngang');

export const outgoingServerInput = z
  .object({
    host,
    port: z.number().int().min(1, 'Cổng từ 1 đến 65535').max(65535, 'Cổng từ 1 đến 65535'),
    security: z.enum(['tls', 'starttls', 'none']),
    user: z.string().trim().max(255),
    password: z.string().max(500).optional(),
    fromAddress: z.email('Địa chỉ gửi đi không hợp lệ (ví dụ: thuongtruc@syt.quangngai.gov.vn)'),
    fromName: z.string().trim().max(200),
    signature: z.string().trim().max(1000),
    receipts: z.boolean(),
  })
  .strict();

export const roundMailInput = z
  .object({
    roundId: id,
    kind: z.enum(['forms', 'reminder']),
    unitIds: z.array(id).max(5000).optional(),
    again: z.boolean().optional(),
    coverLetter: z.string().trim().max(300).optional(),
  })
  .strict();

/** The office's outgoing mail: its server, a round's forms and reminders, correction requests, the log. */
export const mailContract = {
  'mail:get-server': channel<OutgoingServerView | null>()(noInput),
  'mail:save-server': channel<OutgoingServerView>()(outgoingServerInput),
  /** "Gửi thử": a message to the office's own address. */
  'mail:send-test': channel<{ to: string; messageId: string; sentAt: string }>()(noInput),
  /** Every message a round would send, before sending. */
  'mail:preview-round': channel<MailPreview[]>()(roundMailInput),
  'mail:send-round': channel<SendResult[]>()(roundMailInput),
  'mail:send-correction': channel<SendResult>()(
    z.object({ roundId: id, unitId: id, text: z.string().trim().min(1).max(20_000) }).strict(),
  ),
  'mail:list-sent': channel<SentMail[]>()(z.object({ roundId: id }).strict()),
} satisfies FeatureContract<'mail'>;
