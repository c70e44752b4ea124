import { simpleParser } from 'mailparser';
import { AppError } from '../../../shared/errors';
import { cleanText } from '../../../shared/text/fold';
import { MAX_ATTACHMENTS, messageIdsIn, threadOf, type ReceivedMessage } from './received-message';

/** The header blocks' Content-Type lines (unfolded) that declare a multipart boundary. */
const contentTypeHeader = /^content-type:[ \t]*multipart\/[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim;
const boundaryParam = /boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;"]{1,200}))/i;

/**
 * The multipart boundaries whose closing delimiter ("--boundary--") never comes: a message cut short
 * in transit or when saved (RFC 2046 requires the closing delimiter). Empty for a whole message.
 */
export function unclosedBoundaries(raw: string): string[] {
  const missing: string[] = [];
  for (const header of raw.matchAll(contentTypeHeader)) {
    const m = boundaryParam.exec(header[0].replace(/\r?\n[ \t]/g, ' '));
    const boundary = m?.[1] ?? m?.[2];
    if (boundary && !raw.includes(`\n--${boundary}--`)) missing.push(boundary);
  }
  return missing;
}

/** Reads an .eml: sender, subject (RFC 2047), date, Message-ID, and attachments with their decoded names (RFC 2231). */
export async function readEml(
  fileName: string,
  bytes: Uint8Array,
  options: { forViewing?: boolean } = {},
): Promise<ReceivedMessage> {
  // A cut message is refused before anything is read from it: kept, it would block its whole copy as a duplicate.
  if (unclosedBoundaries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')).length > 0) {
    throw new AppError(
      'unsupported-file',
      `Thư bị cắt cụt: "${fileName}" thiếu phần cuối (tệp đính kèm không trọn vẹn), có thể do lỗi khi tải hoặc lưu thư. Không nhập; hãy lấy lại thư đầy đủ từ hộp thư hoặc đề nghị đơn vị gửi lại.`,
    );
  }
  let mail;
  try {
    mail = await simpleParser(Buffer.from(bytes), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  } catch {
    throw new AppError(
      'unsupported-file',
      `Không đọc được thư "${fileName}": tệp bị hỏng hoặc không đúng định dạng thư điện tử.`,
    );
  }
  const from = mail.from?.value[0];
  if (!from && !mail.subject && mail.attachments.length === 0) {
    throw new AppError('unsupported-file', `Tệp "${fileName}" không phải thư điện tử (.eml) đọc được.`);
  }
  return {
    messageId: mail.messageId ?? null,
    fromAddress: from?.address?.toLowerCase() ?? null,
    fromName: from?.name ? cleanText(from.name) : null,
    subject: mail.subject ? cleanText(mail.subject) : null,
    sentAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
    answers: threadOf(messageIdsIn(mail.inReplyTo), messageIdsIn(mail.references)),
    attachments: mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || a.filename)
      .slice(0, MAX_ATTACHMENTS)
      .map((a, i) => ({ fileName: cleanText(a.filename ?? `tep-dinh-kem-${i + 1}`), bytes: a.content })),
    ...(options.forViewing
      ? {
          body: mail.text ?? (typeof mail.html === 'string' ? mail.html.replace(/<[^>]*>/g, ' ') : ''),
          recipients: (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [])
            .flatMap((a) =>
              a.value.map((v) => (v.name ? `${cleanText(v.name)} <${v.address ?? ''}>` : (v.address ?? ''))),
            )
            .slice(0, 200),
        }
      : {}),
  };
}
