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
  attachments: ReceivedFile[];
  /** For showing the message (an .msg's own): its plain-text body and recipients. */
  body?: string;
  recipients?: string[];
}

export const MAX_ATTACHMENTS = 30;
