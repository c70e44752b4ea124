import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmlDraft {
  to: { name: string; address: string }[];
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** An .eml draft that the office's mail client opens ready to send (X-Unsent). */
export async function buildEmlDraft(draft: EmlDraft): Promise<Buffer> {
  const composer = new MailComposer({ ...draft, headers: { 'X-Unsent': '1' } });
  return new Promise((resolve, reject) => composer.compile().build((err, msg) => (err ? reject(err) : resolve(msg))));
}
