import { simpleParser } from 'mailparser';
import { AppError } from '../../../shared/errors';
import { cleanText } from '../../../shared/text/fold';

export interface ReceivedFile {
  fileName: string;
  bytes: Uint8Array;
  /** The name of the archive it came out of, for a zip's entry. */
  container?: string;
}

export interface ReceivedMessage {
  messageId: string | null;
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  sentAt: string | null;
  attachments: ReceivedFile[];
}

export const MAX_ATTACHMENTS = 30;

/** Reads an .eml: sender, subject (RFC 2047), date, Message-ID, and attachments with their decoded names (RFC 2231). */
export async function readEml(fileName: string, bytes: Uint8Array): Promise<ReceivedMessage> {
  let mail;
  try {
    mail = await simpleParser(Buffer.from(bytes), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  } catch (e) {
    throw new AppError('unsupported-file', `Không đọc được thư "${fileName}": ${(e as Error).message}`);
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
    attachments: mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || a.filename)
      .slice(0, MAX_ATTACHMENTS)
      .map((a, i) => ({ fileName: cleanText(a.filename ?? `tep-dinh-kem-${i + 1}`), bytes: a.content })),
  };
}
