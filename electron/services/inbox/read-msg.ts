import * as msgreader from '@kenjiuno/msgreader';
import type MsgReaderClass from '@kenjiuno/msgreader';
import { AppError } from '../../../shared/errors';
import { readerFailureReason } from '../files/reader-failure';
import { rebuildCompoundFile } from '../files/rebuild-compound-file';
import { cleanText } from '../../../shared/text/fold';
import { MAX_ATTACHMENTS, messageIdsIn, threadOf, type ReceivedMessage } from './received-message';

/** The package is CommonJS with an ES default export; reach the class whichever way it was loaded. */
const MsgReader =
  (msgreader as unknown as { default: { default?: typeof MsgReaderClass } & typeof MsgReaderClass }).default.default ??
  (msgreader as unknown as { default: typeof MsgReaderClass }).default;

/** A header's value from the transport headers an Outlook message keeps (folded lines joined). */
function header(headers: string | undefined, name: string): string | null {
  const m = headers ? new RegExp(`^${name}:\\s*((?:.+)(?:\\r?\\n[ \\t].+)*)`, 'im').exec(headers) : null;
  return m ? m[1]!.replace(/\r?\n[ \t]+/g, ' ') : null;
}

function headerDate(headers: string | undefined): string | null {
  const m = headers ? /^Date:\s*(.+)$/im.exec(headers) : null;
  const d = m ? new Date(m[1]!.trim()) : null;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

/** A property's text: a damaged file can give a property of another type under a text's name. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads an Outlook .msg: sender, subject, date, Message-ID and attachments (@kenjiuno/msgreader). */
export function readMsg(fileName: string, bytes: Uint8Array, options: { forViewing?: boolean } = {}): ReceivedMessage {
  let reader: MsgReaderClass;
  let data;
  const container = rebuildCompoundFile(fileName, bytes, 'thư Outlook');
  try {
    reader = new MsgReader(new DataView(container.buffer, container.byteOffset, container.byteLength));
    data = reader.getFileData();
  } catch (e) {
    throw new AppError(
      'unsupported-file',
      `Không đọc được thư Outlook "${fileName}": ${readerFailureReason(e)}.`,
      undefined,
      { cause: e },
    );
  }
  if (data.error)
    throw new AppError(
      'unsupported-file',
      `Không đọc được thư Outlook "${fileName}": tệp bị hỏng hoặc không phải thư .msg.`,
    );
  const attachments = (data.attachments ?? []).slice(0, MAX_ATTACHMENTS).flatMap((a, i) => {
    try {
      const file = reader.getAttachment(a);
      return [
        {
          fileName: cleanText(text(file.fileName) || text(a.fileName) || `tep-dinh-kem-${i + 1}`),
          bytes: Buffer.from(file.content),
        },
      ];
    } catch {
      return [];
    }
  });
  const submitted = text(data.clientSubmitTime) ? new Date(data.clientSubmitTime!) : null;
  const sent =
    headerDate(text(data.headers)) ??
    (submitted && !Number.isNaN(submitted.getTime()) ? submitted.toISOString() : null);
  const senderName = text(data.senderName);
  const subject = text(data.subject);
  return {
    messageId: text(data.messageId)?.trim() || null,
    fromAddress: (text(data.senderSmtpAddress) || text(data.senderEmail))?.toLowerCase() ?? null,
    fromName: senderName ? cleanText(senderName) : null,
    subject: subject ? cleanText(subject) : null,
    sentAt: sent,
    answers: threadOf(
      messageIdsIn(header(text(data.headers), 'In-Reply-To')),
      messageIdsIn(header(text(data.headers), 'References')),
    ),
    attachments,
    ...(options.forViewing
      ? {
          body: text(data.body) ?? '',
          recipients: (data.recipients ?? []).slice(0, 200).map((r) => {
            const name = text(r.name);
            const address = text(r.smtpAddress) ?? text(r.email) ?? '';
            return name ? `${cleanText(name)} <${address}>` : address;
          }),
        }
      : {}),
  };
}
