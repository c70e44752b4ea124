import path from 'node:path';
import { simpleParser } from 'mailparser';
import { AppError } from '../../../shared/errors';
import { cleanText } from '../../../shared/text/fold';
import { readSource } from './parse-reply';
import { readMsg } from './read-msg';

/** What a person reads of a message: at most this many characters of its body. */
export const MAX_VIEW_TEXT = 100_000;

export interface ParsedMessageView {
  subject: string | null;
  from: string | null;
  to: string[];
  sentAt: string | null;
  text: string;
  textCut: boolean;
  attachments: { name: string; size: number }[];
}

const cut = (text: string) => ({ text: text.slice(0, MAX_VIEW_TEXT), textCut: text.length > MAX_VIEW_TEXT });

/** Reads an .eml or .msg for showing inside the app: headers, plain text only (HTML as its text), attachments by name. Run in the parse worker. */
export async function readMessageView({ fileName, bytes }: { fileName: string; bytes: Uint8Array }): Promise<ParsedMessageView> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext !== '.eml' && ext !== '.msg') throw new AppError('invalid-input', `"${fileName}" không phải thư điện tử (.eml, .msg).`);
  const message = ext === '.msg' ? readMsg(fileName, bytes, { forViewing: true }) : (await readSource({ fileName, bytes })).message;
  let body = '';
  let to: string[] = [];
  if (ext === '.eml') {
    const mail = await simpleParser(Buffer.from(bytes), { skipImageLinks: true, skipTextToHtml: true });
    body = mail.text ?? (typeof mail.html === 'string' ? mail.html.replace(/<[^>]*>/g, ' ') : '');
    const list = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    to = list.flatMap((a) => a.value.map((v) => (v.name ? `${cleanText(v.name)} <${v.address ?? ''}>` : (v.address ?? ''))));
  } else {
    body = message.body ?? '';
    to = message.recipients ?? [];
  }
  return {
    subject: message.subject,
    from: message.fromName ? `${message.fromName} <${message.fromAddress ?? ''}>` : message.fromAddress,
    to: to.slice(0, 200),
    sentAt: message.sentAt,
    ...cut(body),
    attachments: message.attachments.map((a) => ({ name: a.fileName, size: a.bytes.byteLength })),
  };
}
