import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { MessageView } from '../../../shared/domain/inbox';
import { readEml } from './read-eml';
import { readMsg } from './read-msg';

/** What a person reads of a message: at most this many characters of its body. */
export const MAX_VIEW_TEXT = 100_000;

/** A message as the worker reads it: the attachments by name and size (the service adds their stored files). */
export type ParsedMessageView = Omit<MessageView, 'fileName' | 'attachments'> & {
  attachments: { name: string; size: number }[];
};

const cut = (text: string) => ({ text: text.slice(0, MAX_VIEW_TEXT), textCut: text.length > MAX_VIEW_TEXT });

/** Reads an .eml or .msg (once) for showing inside the app: headers, plain text only (HTML as its text), attachments by name. Run in the parse worker. */
export async function readMessageView({
  fileName,
  bytes,
}: {
  fileName: string;
  bytes: Uint8Array;
}): Promise<ParsedMessageView> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext !== '.eml' && ext !== '.msg')
    throw new AppError('invalid-input', `"${fileName}" không phải thư điện tử (.eml, .msg).`);
  const message =
    ext === '.msg'
      ? readMsg(fileName, bytes, { forViewing: true })
      : await readEml(fileName, bytes, { forViewing: true });
  return {
    subject: message.subject,
    from: message.fromName ? `${message.fromName} <${message.fromAddress ?? ''}>` : message.fromAddress,
    to: message.recipients ?? [],
    sentAt: message.sentAt,
    ...cut(message.body ?? ''),
    attachments: message.attachments.map((a) => ({ name: a.fileName, size: a.bytes.byteLength })),
  };
}
