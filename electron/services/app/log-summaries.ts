import type { ImportResult } from '../../../shared/domain/inbox';
import type { SendResult } from '../../../shared/domain/mail';

/** An import's outcome for the log: its counts by status ("12 tệp: 9 đã nhập, 1 cần xem lại, 1 trùng, 1 lỗi"). */
export function importSummary(value: unknown): string {
  const results: ImportResult[] = Array.isArray(value)
    ? (value as ImportResult[])
    : value && typeof value === 'object' && 'status' in value
      ? [value as ImportResult]
      : [];
  const n = (s: ImportResult['status']) => results.filter((r) => r.status === s).length;
  return `${results.length} tệp: ${n('imported')} đã nhập, ${n('needs-review')} cần xem lại, ${n('duplicate')} trùng, ${n('rejected')} lỗi`;
}

/** What a sending did, for the log ("9 đơn vị: 5 đã gửi, 0 bỏ qua, 0 lỗi, 4 chưa có địa chỉ"); addresses and texts stay out. */
export function sendSummary(value: unknown): string {
  const results: SendResult[] = Array.isArray(value)
    ? (value as SendResult[])
    : value && typeof value === 'object' && 'status' in value
      ? [value as SendResult]
      : [];
  const n = (s: SendResult['status']) => results.filter((r) => r.status === s).length;
  return `${results.length} đơn vị: ${n('sent')} đã gửi, ${n('skipped')} bỏ qua, ${n('failed')} lỗi, ${n('no-address')} chưa có địa chỉ`;
}

const importChannels = new Set([
  'inbox:import-files',
  'inbox:import-dropped',
  'inbox:check-mailbox',
  'inbox:review-message',
]);
const sendChannels = new Set(['mail:send-round', 'mail:send-correction']);

/** The line the log keeps for a channel's result, for the channels whose outcome the office may need to trace. */
export function channelSummary(channel: string, value: unknown): string | null {
  if (importChannels.has(channel)) return `${channel}: ${importSummary(value)}`;
  if (sendChannels.has(channel)) return `${channel}: ${sendSummary(value)}`;
  if (channel === 'mail:send-test') return `${channel}: đã gửi thư thử`;
  return null;
}
