/** What every reader of a received message (.eml, .msg, a loose file) gives the import. */
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
  /** The Message-IDs this message answers (In-Reply-To, then References, nearest first): its thread. */
  answers?: string[];
  attachments: ReceivedFile[];
  /** For showing the message (an .msg's own): its plain-text body and recipients. */
  body?: string;
  recipients?: string[];
}

export const MAX_ATTACHMENTS = 30;

/** The Message-IDs written in an In-Reply-To or References header ("<a@b> <c@d>"), as given, at most 50. */
export function messageIdsIn(header: string | string[] | undefined | null): string[] {
  const text = Array.isArray(header) ? header.join(' ') : (header ?? '');
  return [...text.matchAll(/<[^<>\s]{1,250}>/g)].map((m) => m[0]).slice(0, 50);
}

/** A reply's thread: the message it answers first, then the others it refers to, newest first. */
export function threadOf(inReplyTo: string[], references: string[]): string[] {
  return [...new Set([...inReplyTo, ...[...references].reverse()])];
}
