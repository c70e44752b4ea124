import { isAppError } from '../../../shared/errors';
import { readCellValue, type RawCell } from '../../../shared/domain/cell-value';
import type { CheckedIndicatorRow, ValueProblem } from '../../../shared/domain/check-values';
import { recheckSubmission } from '../submissions/check-submission';
import { foldText } from '../../../shared/text/fold';
import { formatDate } from '../../../shared/text/format-vi';
import type { StoredFormRow } from '../../../db/forms/repo';
import { writeRevisionValues, type IncomingValue } from '../../../db/values/repo';
import type { RoundSummary } from '../../../shared/domain/rounds';
import type { ServiceContext } from '../context';
import { keepOriginal, keepPart, sha256 } from '../files/file-store';
import {
  findMessageByFile,
  findMessageByMessageId,
  insertMessage,
  linkAttachment,
  updateMessage,
} from '../../../db/email/repo';
import {
  addExpectedUnit,
  findSubmissionRecord,
  insertRevision,
  setSubmissionStatus,
} from '../../../db/submissions/repo';
import { checkIdentity } from '../templates/identity-signature';
import type { ReplyData } from './find-reply-data';
import { readReplyFile, type ImportSource, type ParsedReply } from './parse-reply';
import { parseReplyInWorker } from './parse-reply-in-worker';
import { matchRows } from './match-rows';
import { matchUnit, type CandidateUnit } from './match-unit';
import { loadImportLookups, type ImportLookups } from './import-lookups';
import { findOutgoingByMessageIds } from '../../../db/mail/repo';

import type { ImportResult, ImportStatus, MessageSource } from '../../../shared/domain/inbox';

export type { ImportResult, ImportStatus };

export { MAX_REPLY_BYTES, type ImportSource } from './parse-reply';

export interface ImportOptions {
  /** The round to read a reply against, when the reply does not say. */
  roundId?: number;
  /** The unit the user says sent it (review). */
  unitId?: number;
  /** Import again a message already received (review), updating its record instead of refusing it as a duplicate. */
  messageRowId?: number;
  /** Where a message came from when it was fetched from a mailbox. */
  origin?: { mailbox: string; uid: number };
  /** Units, rounds and forms loaded once for a batch; loaded for this file alone when absent. */
  lookups?: ImportLookups;
  /** Review: the user's row-by-row decisions for a unit's own table. */
  rowChoices?: RowChoice[];
}

interface Extracted {
  values: IncomingValue[];
  warnings: string[];
  needsReview: boolean;
}

/** The figures of a reply laid on the round's form: by key for our templates, by text for the unit's own table. */
/** The user's decision for one row of a unit's own table (by its position in the table): the form row it is, or none. */
export interface RowChoice {
  index: number;
  formRow: number | null;
}

function extractValues(
  data: ReplyData,
  rows: StoredFormRow[],
  keys: string[],
  fileId: number | null,
  choices?: RowChoice[],
): Extracted {
  const warnings: string[] = [];
  let needsReview = false;
  const rawByRow = new Map<number, { raw: RawCell; cell: string | null }>();
  let sheet: string | null = null;
  if (data.kind === 'template') {
    sheet = data.reading.sheet;
    const byKey = new Map(rows.map((r) => [r.rowKey, r]));
    for (const c of data.reading.cells) {
      const r = byKey.get(c.rowKey);
      if (r) rawByRow.set(r.row, { raw: c.raw, cell: c.cell });
    }
    for (const extra of data.reading.extraRows) {
      warnings.push(
        `Dòng ${extra.ref} do đơn vị tự thêm ("${extra.text || '…'}") không thuộc biểu mẫu nên không được nhập.`,
      );
      if (extra.raw !== null) needsReview = true;
    }
  } else if (choices) {
    // The user has looked at every row: their choices stand, and nothing is left for review.
    sheet = data.sheet;
    for (const c of choices) {
      const src = data.rows[c.index];
      if (!src || c.formRow === null) continue;
      const formRow = rows[c.formRow - 1];
      if (formRow?.valueRow) rawByRow.set(formRow.row, { raw: src.raw, cell: src.cell });
    }
  } else {
    sheet = data.sheet;
    const matching = matchRows(
      rows,
      data.rows.map((r) => ({ text: r.text, hasValue: r.raw !== null })),
      keys,
    );
    for (const m of matching.matches) {
      const src = data.rows[m.source]!;
      const formRow = rows[m.formRow - 1]!;
      if (m.quality === 'weak') {
        needsReview = true;
        warnings.push(
          `Dòng "${src.text}" chỉ gần giống dòng ${formRow.row} "${formRow.text}" của biểu mẫu; chưa nhập, cần xem lại.`,
        );
        continue;
      }
      if (m.quality === 'close')
        warnings.push(`Dòng "${src.text}" được hiểu là dòng ${formRow.row} "${formRow.text}".`);
      rawByRow.set(formRow.row, { raw: src.raw, cell: src.cell });
    }
    for (const i of matching.unmatched) {
      needsReview = true;
      warnings.push(`Dòng "${data.rows[i]!.text}" không khớp dòng nào của biểu mẫu; chưa nhập, cần xem lại.`);
    }
  }
  const values: IncomingValue[] = [];
  for (const r of rows) {
    if (!r.valueRow || r.indicatorId === null) continue;
    const got = rawByRow.get(r.row);
    // A figure that does not read as its type is kept as written; the checks then report it.
    const reading = readCellValue(got?.raw ?? null, r.valueType);
    values.push({
      indicatorId: r.indicatorId,
      num: reading.value,
      text: reading.text,
      sourceFileId: fileId,
      sourceSheet: sheet,
      sourceCell: got?.cell ?? null,
    });
  }
  return { values, warnings, needsReview };
}

function chooseRound(
  rounds: RoundSummary[],
  expectedIn: Map<number, Set<number>>,
  unitId: number | null,
  texts: string,
): RoundSummary | null {
  const open = rounds.filter((r) => r.status === 'open' && (unitId === null || expectedIn.get(r.id)?.has(unitId)));
  if (open.length === 1) return open[0]!;
  const named = open.filter((r) => texts.includes(foldText(r.periodCode)));
  return named.length === 1 ? named[0]! : null;
}

/**
 * Imports one reply (an .eml, or a loose workbook or Word file): finds the figures, the unit and the
 * round, and stores them as a new revision of the unit's submission with provenance per value, in
 * one transaction. The same message or file twice changes nothing; a broken file changes nothing.
 */
export async function importReply(
  ctx: ServiceContext,
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  let input: ImportSource;
  try {
    input = readReplyFile(filePath);
  } catch (e) {
    if (isAppError(e))
      return {
        file: filePath,
        status: 'rejected',
        unitCode: null,
        roundId: null,
        values: 0,
        warnings: [],
        errors: [e.message],
      };
    throw e;
  }
  return importReplySource(ctx, input, options, filePath);
}

/** The same as importReply, for content already in memory (a dropped file, a stored original), read in the parse worker. */
export async function importReplySource(
  ctx: ServiceContext,
  input: ImportSource,
  options: ImportOptions = {},
  reportAs = input.fileName,
): Promise<ImportResult> {
  return storeReply(ctx, await parseReplyInWorker(input), options, reportAs);
}

/**
 * Everything an import does after parsing: the duplicate check, who sent it and for which round,
 * and the transaction that stores it. Parsing is separate so a batch can parse the next reply in a
 * worker while this one is stored.
 */
export async function storeReply(
  ctx: ServiceContext,
  parsed: ParsedReply,
  options: ImportOptions = {},
  reportAs: string,
): Promise<ImportResult> {
  const file = reportAs;
  const result = (status: ImportStatus, extra: Partial<ImportResult> = {}): ImportResult => ({
    file,
    status,
    unitCode: null,
    roundId: null,
    values: 0,
    warnings: [],
    errors: [],
    ...extra,
  });
  if (!parsed.ok) return result('rejected', { errors: [parsed.error] });
  const { src, hash, found } = parsed;
  const { message } = src;
  const bytes = src.bytes;
  if (options.messageRowId === undefined) {
    const sameFile = await findMessageByFile(ctx.db, hash);
    if (sameFile)
      return result('duplicate', {
        roundId: sameFile.roundId,
        sameAs: sameFile.id,
        warnings: [`Thư hoặc tệp này đã được nhập ngày ${formatDate(sameFile.importedAt)}; không nhập lại.`],
      });
  }
  // The same message (Message-ID) in other bytes: never silently a duplicate.
  let copyOf: number | undefined;
  const copyNotes: string[] = [];
  if (options.messageRowId === undefined && message.messageId) {
    const earlier = await findMessageByMessageId(ctx.db, message.messageId);
    if (earlier) {
      const known = new Set(earlier.attachments.map((a) => a.sha256));
      const added = message.attachments.filter((a) => !known.has(sha256(a.bytes)));
      const when = formatDate(earlier.importedAt);
      if (added.length === 0 && (earlier.hasFigures || !found.data)) {
        return result('duplicate', {
          roundId: earlier.roundId,
          sameAs: earlier.id,
          warnings: [
            `Thư này (cùng mã thư Message-ID) đã được nhập ngày ${when} từ một bản khác của cùng thư (khác phần đầu thư, ví dụ nhận qua đường khác); các tệp đính kèm giống hệt bản đã nhập nên không nhập lại.`,
          ],
        });
      }
      copyOf = earlier.id;
      copyNotes.push(
        `Thư này có cùng mã thư (Message-ID) với thư đã nhận ngày ${when} nhưng nội dung khác: bản trước có ${earlier.attachments.length} tệp đính kèm, bản này có ${message.attachments.length} (mới: ${added.map((a) => `"${a.fileName}"`).join(', ')}). ` +
          (earlier.hasFigures
            ? 'Số liệu của bản này được ghi thành một lần cập nhật mới của báo cáo.'
            : 'Bản này đầy đủ hơn nên được nhập thay cho bản trước.'),
      );
    }
  }

  // A loose file is nothing but its data: if that cannot be read, nothing is kept.
  if (src.source === 'file' && !found.data && found.manual.length === 0)
    return result('rejected', { errors: found.notes });
  const warnings = [...copyNotes, ...found.notes];
  const errors: string[] = [];
  const lookups = options.lookups ?? (await loadImportLookups(ctx.db));
  const { rounds, expectedIn } = lookups;
  const units = lookups.units.units;

  // Who, and for which round.
  const data = found.data;
  let unit: CandidateUnit | null = null;
  let round: RoundSummary | null = null;
  // A reply to a message the office sent a unit (its Message-ID in In-Reply-To or References) is that
  // unit's, for that round, even from a personal mailbox: unless the sender's address is another unit's.
  const answered =
    src.source !== 'file' && message.answers?.length ? await findOutgoingByMessageIds(ctx.db, message.answers) : null;
  const sender = src.source === 'file' ? null : message.fromAddress;
  const senderUnits = sender ? (lookups.units.byEmail.get(sender) ?? []) : [];
  const threadUnit = answered ? (units.find((u) => u.id === answered.unitId) ?? null) : null;
  const threadNote = (u: CandidateUnit) =>
    `Thư trả lời thư ${answered ? `"${answered.subject}"` : ''} cơ quan đã gửi ${u.name} ngày ${formatDate(answered?.sentAt ?? answered?.createdAt ?? null)}${sender && !senderUnits.some((x) => x.id === u.id) ? `, gửi từ địa chỉ ${sender} (chưa có trong danh sách của đơn vị)` : ''}: ghi cho ${u.name}.`;
  /** The figures are stored, but the reply waits for the clerk to confirm who sent it. */
  let confirmSender = false;
  const chosenUnit = options.unitId === undefined ? undefined : units.find((u) => u.id === options.unitId);
  if (options.unitId !== undefined && !chosenUnit)
    return result('rejected', { errors: [`Không có đơn vị số ${options.unitId}.`] });
  if (chosenUnit) {
    unit = chosenUnit;
    round =
      options.roundId !== undefined
        ? (rounds.find((r) => r.id === options.roundId) ?? null)
        : data?.kind === 'template'
          ? (rounds.find((r) => r.id === data.reading.identity.roundId) ?? null)
          : chooseRound(rounds, expectedIn, unit.id, '');
    if (!round) warnings.push('Không xác định được đợt báo cáo; cần chọn đợt.');
  } else if (data?.kind === 'template') {
    const identity = data.reading.identity;
    const named = units.find((u) => u.code === identity.unitCode) ?? null;
    round = rounds.find((r) => r.id === identity.roundId) ?? null;
    if (!named) warnings.push(`Biểu mẫu ghi mã đơn vị "${identity.unitCode}" không có trong danh sách đơn vị.`);
    if (!round) warnings.push(`Biểu mẫu thuộc đợt báo cáo số ${identity.roundId}, đợt này không còn trong dữ liệu.`);
    // Who the template says against who sent it: a loose file has no sender (the clerk brought it).
    const fromNamed = named !== null && senderUnits.some((u) => u.id === named.id);
    const signature = checkIdentity(lookups.templateSecret, identity);
    if (threadUnit && named && threadUnit.id !== named.id) {
      warnings.push(
        `Thư trả lời thư cơ quan đã gửi ${threadUnit.name} nhưng biểu mẫu đính kèm ghi đơn vị ${named.name}; chưa ghi số liệu, cần xem lại và chọn đơn vị.`,
      );
    } else if (signature === 'edited') {
      warnings.push(
        `Thông tin nhận dạng ẩn trong biểu mẫu đã bị sửa (ghi mã đơn vị "${identity.unitCode}", đợt số ${identity.roundId}), không khớp chữ ký của văn phòng; chưa ghi số liệu, cần xem lại và chọn đơn vị.`,
      );
    } else if (named && senderUnits.length > 0 && !fromNamed) {
      warnings.push(
        `Biểu mẫu ghi đơn vị ${named.name} nhưng thư gửi từ ${sender}, địa chỉ của ${senderUnits.map((u) => u.name).join(', ')}; chưa ghi số liệu, cần xem lại và chọn đơn vị.`,
      );
    } else {
      unit = named;
      if (named && threadUnit?.id === named.id && !fromNamed) {
        warnings.push(threadNote(named));
      } else if (named && sender && !fromNamed) {
        confirmSender = true;
        warnings.push(
          `Thư gửi từ ${sender}, địa chỉ chưa có trong danh sách của đơn vị nào; biểu mẫu ghi đơn vị ${named.name}. Số liệu đã ghi nhưng cần xác nhận người gửi.`,
        );
      } else if (named && signature === 'unsigned' && !fromNamed && src.source !== 'file') {
        confirmSender = true;
        warnings.push('Biểu mẫu không có chữ ký nhận dạng (mẫu tạo bởi phiên bản trước); cần xác nhận đơn vị gửi.');
      }
    }
  } else if (threadUnit && answered && (senderUnits.length === 0 || senderUnits.some((u) => u.id === threadUnit.id))) {
    unit = threadUnit;
    round =
      options.roundId !== undefined
        ? (rounds.find((r) => r.id === options.roundId) ?? null)
        : (rounds.find((r) => r.id === answered.roundId) ?? null);
    warnings.push(threadNote(threadUnit));
    if (!round) warnings.push('Đợt báo cáo của thư đã gửi không còn trong dữ liệu; cần chọn đợt.');
  } else {
    if (threadUnit)
      warnings.push(
        `Thư trả lời thư cơ quan đã gửi ${threadUnit.name} nhưng gửi từ ${sender}, địa chỉ của ${senderUnits.map((u) => u.name).join(', ')}; cần xem lại và chọn đơn vị.`,
      );
    const texts = [
      message.fromName,
      message.subject,
      ...message.attachments.map((a) => a.fileName),
      data?.kind === 'table' ? data.heading : null,
    ];
    const m = threadUnit
      ? { unit: null, ambiguous: [] }
      : matchUnit(lookups.units, { fromAddress: message.fromAddress, texts });
    unit = m.unit;
    if (!m.unit && !threadUnit) {
      warnings.push(
        m.ambiguous.length > 1
          ? `Không rõ đơn vị gửi: có thể là ${m.ambiguous.map((u) => u.name).join(' hoặc ')}.`
          : `Không nhận ra đơn vị gửi${message.fromAddress ? ` (${message.fromAddress})` : ''}; cần chọn đơn vị.`,
      );
    }
    const folded = foldText(texts.filter(Boolean).join(' '));
    round =
      options.roundId !== undefined
        ? (rounds.find((r) => r.id === options.roundId) ?? null)
        : chooseRound(rounds, expectedIn, unit?.id ?? null, folded);
    if (!round)
      warnings.push(
        options.roundId !== undefined
          ? `Không có đợt báo cáo số ${options.roundId}.`
          : 'Không xác định được đợt báo cáo; cần chọn đợt.',
      );
  }
  if (!data && found.manual.length === 0)
    warnings.push(
      message.attachments.length === 0
        ? 'Thư không có tệp đính kèm.'
        : 'Không tìm thấy số liệu trong các tệp đính kèm.',
    );

  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const sourceName = src.fileName;
    const sourceFileId = await keepOriginal(trx, sourceName, bytes, now, hash);
    // Attachments are parts of the kept e-mail, not second copies of their bytes.
    const attachmentIds = new Map<string, number>();
    if (src.source !== 'file') {
      for (const a of message.attachments)
        attachmentIds.set(a.fileName, await keepPart(trx, sourceFileId, a.fileName, a.bytes, now));
    } else {
      attachmentIds.set(sourceName, sourceFileId);
    }
    // The file the figures came from, which may be an entry of a zip that came as an attachment or alone.
    let dataFileId: number | null = null;
    if (data) {
      if (data.file.container === undefined) dataFileId = attachmentIds.get(data.file.fileName) ?? null;
      else {
        const zipId = attachmentIds.get(data.file.container);
        dataFileId = zipId === undefined ? null : await keepPart(trx, zipId, data.file.fileName, data.file.bytes, now);
      }
    }

    let stored = 0;
    let status: ImportStatus = 'needs-review';
    let submissionId: number | null = null;
    let revisionProblems: ValueProblem[] = [];
    let extracted: Extracted | null = null;
    let checkedRows: CheckedIndicatorRow[] = [];
    /** When the unit's report first arrived (an earlier reply, or figures typed in from it), if it had. */
    let firstReceivedAt: string | null = null;
    if (data && unit && round) {
      const form = await lookups.formRows(trx, round.formVersionId);
      checkedRows = form.checkedRows;
      extracted = extractValues(data, form.rows, form.keys, dataFileId, options.rowChoices);
      warnings.push(...extracted.warnings);
      let sub = await findSubmissionRecord(trx, round.id, unit.id);
      if (!sub) {
        warnings.push(`${unit.name} không thuộc danh sách phải báo cáo của đợt này; đã thêm vào danh sách.`);
        sub = await addExpectedUnit(trx, round.id, unit.id);
        expectedIn.set(round.id, (expectedIn.get(round.id) ?? new Set()).add(unit.id));
      }
      firstReceivedAt = sub.received_at;
      if (sub.locked === 1) {
        warnings.push(
          `Báo cáo của ${unit.name} trong đợt này đã được duyệt và khóa; số liệu mới chưa được ghi, cần xem lại.`,
        );
      } else {
        submissionId = sub.id;
        status = extracted.needsReview || confirmSender ? 'needs-review' : 'imported';
      }
    }

    const source: MessageSource = options.origin ? 'imap' : src.source;
    const messageFields = {
      message_id: message.messageId,
      source,
      source_file_id: sourceFileId,
      imap_mailbox: options.origin?.mailbox ?? null,
      imap_uid: options.origin?.uid ?? null,
      from_address: message.fromAddress,
      from_name: message.fromName,
      subject: message.subject,
      sent_at: message.sentAt,
      imported_at: now,
      status,
      unit_id: unit?.id ?? null,
      round_id: round?.id ?? null,
      problem: warnings.length > 0 ? warnings.join('\n') : null,
    };
    let messageRowId: number;
    if (options.messageRowId !== undefined) {
      messageRowId = options.messageRowId;
      // A review keeps where the message came from; it changes what was made of it.
      const { source: _s, imap_mailbox: _m, imap_uid: _u, source_file_id: _f, ...outcome } = messageFields;
      await updateMessage(trx, messageRowId, outcome);
    } else if (copyOf !== undefined) {
      // A fuller or different copy of a message already received: the record now points at this copy.
      messageRowId = copyOf;
      await updateMessage(trx, messageRowId, messageFields);
    } else {
      messageRowId = await insertMessage(trx, messageFields);
    }
    for (const [fileName, fileId] of attachmentIds) await linkAttachment(trx, messageRowId, fileId, fileName);

    if (submissionId !== null && extracted && round && unit && data) {
      const revision = await insertRevision(trx, {
        submissionId,
        emailMessageId: messageRowId,
        fileId: dataFileId,
        now,
      });
      await writeRevisionValues(trx, submissionId, revision.id, extracted.values, 'nhập từ tệp', now);
      // Lateness counts from the report's first arrival: a correction sent later is a correction, not a late report.
      const receivedAt = firstReceivedAt ?? message.sentAt ?? now;
      const late = receivedAt.slice(0, 10) > round.deadline;
      await setSubmissionStatus(trx, submissionId, { status: 'received', receivedAt, late });
      revisionProblems = (await recheckSubmission(trx, submissionId, checkedRows)).problems;
      stored = extracted.values.filter((v) => v.num !== null || v.text !== null).length;
      if (firstReceivedAt !== null) {
        warnings.push(
          `Bản gửi lại (lần ${revision.number}) của báo cáo đã nhận ngày ${formatDate(firstReceivedAt)}${late ? `, muộn so với hạn ${formatDate(round.deadline)}` : ', đúng hạn'}; số liệu được cập nhật.`,
        );
      } else if (late) warnings.push(`Gửi muộn so với hạn ${formatDate(round.deadline)}.`);
    }
    errors.push(...revisionProblems.filter((p) => p.severity === 'error').map((p) => p.message));
    return result(status, {
      unitCode: unit?.code ?? null,
      roundId: round?.id ?? null,
      values: stored,
      warnings,
      errors,
    });
  });
}
