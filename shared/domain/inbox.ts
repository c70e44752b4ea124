/** What arrived from the units and what became of it. */
export type ImportStatus = 'imported' | 'duplicate' | 'needs-review' | 'rejected';
/** How a message reached the inbox. */
export type MessageSource = 'eml' | 'msg' | 'mbox' | 'imap' | 'file';

export const importStatusLabels: Record<ImportStatus, string> = {
  imported: 'Đã nhập',
  duplicate: 'Trùng',
  'needs-review': 'Cần xem lại',
  rejected: 'Lỗi',
};

/** One line of an import report, keys as other tools rely on them. */
export interface ImportResult {
  file: string;
  status: ImportStatus;
  unitCode: string | null;
  roundId: number | null;
  values: number;
  warnings: string[];
  errors: string[];
  /** A duplicate: the message already received that this one repeats. */
  sameAs?: number;
}

/** A reply's table as the unit sent it, beside the form rows its rows were matched to. */
export interface ReplyTableView {
  kind: 'template' | 'table';
  fileName: string;
  sheet: string | null;
  rows: {
    index: number;
    text: string;
    value: string | number | null;
    cell: string | null;
    formRow: number | null;
    quality: 'exact' | 'close' | 'weak' | null;
  }[];
  formRows: { row: number; text: string; numbering: string | null; valueRow: boolean }[];
}

export interface MailboxView {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  folder: string;
  hasPassword: boolean;
  lastCheckedAt: string | null;
}

export interface InboxMessage {
  id: number;
  /** The kept original (the e-mail as it came, or the loose file). */
  sourceFileId: number | null;
  source: MessageSource;
  fileName: string | null;
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  sentAt: string | null;
  importedAt: string;
  status: ImportStatus;
  unitId: number | null;
  unitName: string | null;
  roundId: number | null;
  roundName: string | null;
  notes: string[];
  attachments: string[];
  /** Dealt with without importing figures (a question, a mere acknowledgement), with the clerk's note. */
  handled: { at: string; note: string } | null;
}

/** An e-mail kept as it came (.eml, .msg), shown inside the app: never handed to another program. */
export interface MessageView {
  fileName: string;
  subject: string | null;
  from: string | null;
  to: string[];
  sentAt: string | null;
  /** The plain-text body (HTML is never rendered), cut at a length a person reads. */
  text: string;
  textCut: boolean;
  /** Each attachment with its own stored file, to open (documents only) or save elsewhere. */
  attachments: { fileId: number | null; name: string; size: number }[];
}

/** Where a message stands in the inbox: its import's outcome, or dealt with without figures. */
export type InboxState = Exclude<ImportStatus, 'duplicate'> | 'handled';

export const inboxStateLabels: Record<InboxState, string> = {
  imported: 'Đã nhập',
  'needs-review': 'Cần xem lại',
  rejected: 'Lỗi',
  handled: 'Đã xử lý',
};

export function inboxStateOf(m: Pick<InboxMessage, 'status' | 'handled'>): InboxState {
  if (m.handled) return 'handled';
  return m.status === 'duplicate' ? 'imported' : m.status;
}
