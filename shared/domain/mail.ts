/** The office's outgoing mail: its server, what a round sends, and what came of each message. */

/** How the connection to the outgoing server is protected. */
export type MailSecurity = 'tls' | 'starttls' | 'none';

export const mailSecurityLabels: Record<MailSecurity, string> = {
  tls: 'TLS (SMTPS, thường là cổng 465)',
  starttls: 'STARTTLS (thường là cổng 587)',
  none: 'Không mã hóa (không nên dùng)',
};

/** The outgoing server as the screen shows it: the password only as "kept or not". */
export interface OutgoingServerView {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  hasPassword: boolean;
  fromAddress: string;
  fromName: string;
  /** The lines under every message: who to contact at the office. */
  signature: string;
  /** An acknowledgement to a unit after its reply is imported (off unless the office turns it on). */
  receipts: boolean;
}

export type OutgoingKind = 'forms' | 'reminder' | 'correction' | 'receipt' | 'test';
export type OutgoingStatus = 'sending' | 'sent' | 'failed' | 'maybe-sent';

export const outgoingKindLabels: Record<OutgoingKind, string> = {
  forms: 'Biểu mẫu',
  reminder: 'Thư nhắc',
  correction: 'Đề nghị sửa',
  receipt: 'Báo đã nhận',
  test: 'Thư thử',
};

export const outgoingStatusLabels: Record<OutgoingStatus, string> = {
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Không gửi được',
  'maybe-sent': 'Có thể đã gửi',
};

/** What a round sends to its units in one action. */
export type RoundMailKind = 'forms' | 'reminder';

/** One unit's message before sending: what it says, to whom, and whether it will go. */
export interface MailPreview {
  unitId: number;
  unitCode: string;
  unitName: string;
  to: string[];
  subject: string;
  text: string;
  attachment: string | null;
  /** send: will go; skip: already sent (sent again only when asked); no-address: the unit has no address. */
  plan: 'send' | 'skip' | 'no-address';
  /** The last message of this kind to the unit in this round. */
  last: { at: string; status: OutgoingStatus; messageId: string } | null;
}

export type SendStatus = 'sent' | 'skipped' | 'failed' | 'no-address';

/** What came of one unit's message. */
export interface SendResult {
  unitId: number;
  unitCode: string;
  unitName: string;
  to: string[];
  status: SendStatus;
  messageId: string | null;
  sentAt: string | null;
  error: string | null;
}

/** A message of the outbox, as the round's log of sent mail lists it. */
export interface SentMail {
  id: number;
  kind: OutgoingKind;
  roundId: number | null;
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
  to: string[];
  subject: string;
  attachment: string | null;
  status: OutgoingStatus;
  error: string | null;
  messageId: string;
  createdAt: string;
  sentAt: string | null;
}
