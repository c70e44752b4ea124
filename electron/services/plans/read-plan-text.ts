import type { Comparator, PlanType } from '../../../shared/domain/plans';
import type { PlanTextReading, TargetSuggestion, TaskSuggestion } from '../../../shared/domain/plan-text';
import type { UnitKind } from '../../../shared/domain/units';

/**
 * Reads a plan's text as an office pastes it (from the signed PDF, a web page, a Word file) and
 * proposes what to record: the document's number, date, issuer, signer, title, period and legal
 * bases; target drafts from the sentences that commit to a figure ("phấn đấu", "ít nhất", "N%",
 * "tăng 3 - 5%", "đến năm 2025 … 100%"); and task drafts from the assignment section. Everything is
 * a proposal for the user to confirm; nothing here touches the database.
 */
const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: number, m: number, y: number) =>
  d >= 1 && d <= 31 && m >= 1 && m <= 12 ? `${y}-${pad2(m)}-${pad2(d)}` : null;
const num = (s: string) => Number(s.replace(',', '.'));
const upperWord = /^[\p{Lu}]/u;

function lines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim());
}

/** "TỈNH LÀO CAI" → "Lào Cai"; "Quảng Ngãi" stays. */
function titleCase(words: string): string {
  if (words !== words.toUpperCase()) return words;
  return words
    .toLowerCase()
    .split(' ')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

function readIssuer(text: string): { issuer: string | null; place: string | null } {
  const capitalised = '((?:\\p{Lu}[\\p{L}]*)(?:[ -]\\p{Lu}[\\p{L}]*){0,3})';
  const heading = new RegExp(
    `(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\\s*\\n?\\s*(TỈNH|THÀNH PHỐ)\\s+${capitalised}`,
    'u',
  ).exec(text);
  if (heading) {
    const place = titleCase(heading[2]!);
    return { issuer: `UBND ${heading[1]!.toLowerCase()} ${place}`, place };
  }
  const inText = new RegExp(`(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND) (tỉnh|thành phố) ${capitalised}`, 'u').exec(text);
  if (inText) return { issuer: `UBND ${inText[1]} ${inText[2]}`, place: inText[2]! };
  const area = new RegExp(`(?:trên )?địa bàn (tỉnh|thành phố) ${capitalised}`, 'u').exec(text);
  if (area && /(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND) (?:tỉnh|thành phố)/i.test(text))
    return { issuer: `UBND ${area[1]} ${area[2]}`, place: area[2]! };
  return { issuer: null, place: area ? area[2]! : null };
}

function readTitle(all: string[], place: string | null): string | null {
  const at = all.findIndex((l) => /^KẾ HOẠCH$/u.test(l));
  if (at >= 0) {
    const parts: string[] = [];
    for (let i = at + 1; i < all.length && parts.length < 4; i++) {
      if (!all[i]) {
        if (parts.length) break;
        continue;
      }
      parts.push(all[i]!);
    }
    let title = parts.join(' ');
    if (title === title.toUpperCase()) {
      title = title.toLowerCase();
      if (place) title = title.replace(new RegExp(place.toLowerCase(), 'g'), place);
    }
    return `Kế hoạch ${title[0]!.toLowerCase()}${title.slice(1)}`.replace(/\s+/g, ' ');
  }
  const reported = /Kế hoạch số\s+\S+\s+(?:ngày \S+\s+)?(?:về\s+)?(.{10,220}?)(?:,? trong đó|[.;:\n])/u.exec(
    all.join('\n'),
  );
  return reported ? `Kế hoạch ${reported[1]!.trim()}` : null;
}

function readDate(text: string): string | null {
  const words = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(text);
  if (words) return isoDate(Number(words[1]), Number(words[2]), Number(words[3]));
  const issued = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})[^.\n]{0,80}?ban hành Kế hoạch/iu.exec(text);
  return issued ? isoDate(Number(issued[1]), Number(issued[2]), Number(issued[3])) : null;
}

function readPeriod(title: string | null, text: string): { start: number | null; end: number | null } {
  for (const source of [title ?? '', text]) {
    const span = /giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(source);
    if (span) return { start: Number(span[1]), end: Number(span[2]) };
    const year = /năm\s+(\d{4})/iu.exec(source);
    if (year && source === title) return { start: Number(year[1]), end: Number(year[1]) };
  }
  return { start: null, end: null };
}

function readType(title: string | null): PlanType {
  const t = (title ?? '').toLowerCase();
  if (t.includes('tổng kết')) return 'final-review';
  if (/giai đoạn\s+\d{4}/.test(t)) return 'five-year';
  if (/năm\s+\d{4}/.test(t)) return 'annual';
  return 'other';
}

/** The legal bases in the opening paragraph ("Thực hiện…", "Căn cứ…"): each document cited. */
function readLegalBasis(all: string[]): string | null {
  const opening = all
    .filter((l) => /^(Thực hiện|Căn cứ)\s/u.test(l))
    .slice(0, 6)
    .join(' ');
  if (!opening) return null;
  const cited = opening.match(
    /(?:Luật|Nghị định|Nghị quyết|Quyết định|Chỉ thị|Thông tư|Công văn|Kế hoạch|Tờ trình)\s+(?:số\s*:?\s*)?\d+\/[\p{L}\d-]+(?:\s+ngày\s+\d{1,2}\/\d{1,2}\/\d{4})?(?:\s+của\s+[^,;]+?(?=\s+(?:ban hành|phê duyệt|về việc|về|và đề nghị)\s|[,;]|$))?/gu,
  );
  return cited ? [...new Set(cited.map((c) => c.trim()))].join('; ') : null;
}

function readSigner(all: string[]): string | null {
  const at = all.findLastIndex((l) => /^(KT\.?\s*)?(PHÓ )?CHỦ TỊCH$/u.test(l));
  if (at < 0) return null;
  for (let i = at + 1; i < Math.min(all.length, at + 10); i++) {
    const l = all[i]!;
    if (!l) continue;
    const words = l.split(' ');
    if (words.length >= 2 && words.length <= 5 && words.every((w) => upperWord.test(w)) && l !== l.toUpperCase())
      return l;
  }
  return null;
}

// ---- targets ----

const unitSubjects: [RegExp, UnitKind][] = [
  [/^(?:số |các )?(?:xã, phường, thị trấn|xã, phường|xã\b|cấp xã)/u, 'commune'],
  [/^(?:địa bàn )?(?:các )?(?:huyện, thị xã, thành phố|huyện, thành phố|cấp huyện|huyện\b)/u, 'district'],
  [/^(?:các )?cấp chính quyền/u, 'district'],
  [/^(?:các )?(?:sở, ban, ngành|sở, ngành|cơ quan, đơn vị)/u, 'department'],
];

/** Where a percentage mention starts, with the words that qualify it ("Có", "ít nhất", "Phấn đấu"). */
const mention =
  /(?:(?:Phấn đấu|phấn đấu|Có|có|Ít nhất|ít nhất|tối thiểu|Tối thiểu|đạt|Đạt|trên|Trên)\s+)*(\d{1,3}(?:,\d+)?)\s*%/gu;

function sentencesOf(section: string): { code: string | null; text: string }[] {
  const out: { code: string | null; text: string }[] = [];
  for (const line of lines(section)) {
    if (!line) continue;
    const lettered = /^([a-zđ](?:\.\d+)?|\d{1,2}(?:\.\d+)*)[).]\s+(.*)$/u.exec(line);
    const code = lettered ? lettered[1]! : null;
    const body = lettered ? lettered[2]! : line;
    // A line may hold several sentences; each commitment is read on its own.
    for (const s of body.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) if (s.trim()) out.push({ code, text: s.trim() });
  }
  return out;
}

/** The part of the text that states targets: "MỤC TIÊU CỤ THỂ" (or "chỉ tiêu") up to the next section; else all of it. */
function targetSection(text: string): string {
  const all = lines(text);
  const start = all.findIndex((l) =>
    /^([IVX]+\.|\d+\.)?\s*(MỤC TIÊU CỤ THỂ|Mục tiêu cụ thể|CHỈ TIÊU|Chỉ tiêu cụ thể)/u.test(l),
  );
  if (start < 0) return text;
  let end = all.length;
  for (let i = start + 1; i < all.length; i++) {
    if (/^[IVX]+\.\s+\p{Lu}/u.test(all[i]!)) {
      end = i;
      break;
    }
  }
  return all.slice(start + 1, end).join('\n');
}

/** "không quá 10%", "tối đa 5%", "giảm xuống dưới 3%": an upper bound; anything else a floor. */
function comparatorOf(before: string): Comparator {
  return /(không quá|tối đa|dưới|giảm(?: xuống)?(?: còn)?)\s*$/u.test(before) ? '<=' : '>=';
}

function readCommitments(sentence: string): Omit<TargetSuggestion, 'code'>[] {
  const out: Omit<TargetSuggestion, 'code'>[] = [];
  const clean = sentence.replace(/\.\s*$/, '');
  // Each part between semicolons commits to its own figure; parts that only name a group share the
  // last part's predicate ("Ít nhất 70% người lao động…; ít nhất 60% …; 100% học sinh … được tuyên truyền").
  const parts = clean
    .split(/;\s*/u)
    .map((p) => p.trim())
    .filter(Boolean);
  const lastPart = parts.at(-1) ?? '';
  const predicateAt = lastPart.search(/\s(?:được|đều được)\s/u);
  const predicate = predicateAt >= 0 ? lastPart.slice(predicateAt + 1) : null;
  // Only a part that is nothing but a figure and a group ("ít nhất 60% người lao động trong …") borrows it.
  const withPredicate = (text: string) =>
    predicate &&
    /^(?:Có |có |Ít nhất |ít nhất |Tối thiểu |tối thiểu )?\d/u.test(text) &&
    !/\s(?:được|đều được)\s/u.test(` ${text} `)
      ? `${text} ${predicate}`
      : text;

  for (const part of parts) {
    // Growth within a band: "tăng 3 - 5% số tội phạm…"
    const growth = /tăng\s+(?:từ\s+)?(\d{1,3}(?:,\d+)?)\s*(?:%\s*)?(?:[-–]|đến)\s*(\d{1,3}(?:,\d+)?)\s*%/u.exec(part);
    if (growth) {
      out.push({
        text: part,
        kind: 'growth',
        comparator: 'between',
        threshold: num(growth[1]!),
        thresholdHigh: num(growth[2]!),
        unitKind: null,
        deadlineYear: null,
        sourceText: sentence,
        why: `"${growth[0]}": mức tăng so với năm trước trong khung ${growth[1]}–${growth[2]}%`,
      });
    }
    const mentions = [...part.matchAll(mention)].filter(
      (m) => !(growth && m.index >= growth.index && m.index < growth.index + growth[0].length),
    );
    mentions.forEach((m, i) => {
      const start = m.index;
      const end = i + 1 < mentions.length ? mentions[i + 1]!.index : part.length;
      const clause = part
        .slice(start, end)
        .replace(/[,]?\s*(và\s*)?$/u, '')
        .trim();
      const lead = part.slice(0, start).replace(/[,\s]+$/u, '');
      // "Trong năm tổ chức kiểm tra ít nhất 20% số cơ sở": a short lead says what is done; a long one is a news story's preamble.
      const keepLead =
        i === 0 && lead.length > 0 && lead.length <= 60 && !/^(Phấn đấu|Có|Đồng thời|Hằng năm|Hàng năm)$/u.test(lead);
      const text = withPredicate(
        keepLead
          ? part
              .slice(0, end)
              .replace(/[,]?\s*(và\s*)?$/u, '')
              .trim()
          : clause,
      );
      const value = num(m[1]!);
      const after = part.slice(start + m[0].length).trim();
      const subject = unitSubjects.find(([re]) => re.test(after));
      const deadline = /[Đđ]ến năm (\d{4})/u.exec(part.slice(Math.max(0, start - 40), start + m[0].length));
      if (deadline) {
        out.push({
          text: /^[Đđ]ến năm/u.test(text) ? text : `Đến năm ${deadline[1]}, ${text[0]!.toLowerCase()}${text.slice(1)}`,
          kind: 'cumulative',
          comparator: '>=',
          threshold: value,
          thresholdHigh: null,
          unitKind: subject?.[1] ?? null,
          deadlineYear: Number(deadline[1]),
          sourceText: sentence,
          why: `"đến năm ${deadline[1]}" và "${m[0].trim()}": chỉ tiêu lũy kế đến hạn`,
        });
      } else {
        out.push({
          text,
          kind: subject ? 'share-of-units' : 'ratio',
          comparator: comparatorOf(part.slice(Math.max(0, start - 25), start)),
          threshold: value,
          thresholdHigh: null,
          unitKind: subject?.[1] ?? null,
          deadlineYear: null,
          sourceText: sentence,
          why: subject
            ? `"${m[0].trim()}" số đơn vị (${after.split(' ').slice(0, 4).join(' ')}…): tỷ lệ đơn vị đạt điều kiện`
            : `"${m[0].trim()}": tỷ lệ giữa hai chỉ tiêu (phần đạt / tổng số)`,
        });
      }
    });
    // Counts: "ít nhất một tháng một lần" = 12 a year; "ít nhất N lần/buổi/cuộc".
    const monthly = /ít nhất (?:một|1) tháng (?:một|1) lần/u.exec(part);
    const counted = /ít nhất (\d+) (lần|buổi|cuộc|đợt|lớp)(?=[\s,.;]|$)/u.exec(part);
    if (monthly || counted) {
      out.push({
        text: part,
        kind: 'count',
        comparator: '>=',
        threshold: monthly ? 12 : Number(counted![1]),
        thresholdHigh: null,
        unitKind: null,
        deadlineYear: null,
        sourceText: sentence,
        why: monthly ? '"ít nhất một tháng một lần": ít nhất 12 lần trong năm' : `"${counted![0]}": số lượng tối thiểu`,
      });
    }
  }
  return out;
}

export function suggestTargets(text: string): TargetSuggestion[] {
  const suggestions: TargetSuggestion[] = [];
  const used = new Set<string>();
  let counter = 0;
  const seen = new Set<string>();
  for (const s of sentencesOf(targetSection(text))) {
    if (seen.has(s.text)) continue; // news pages repeat their lead paragraph
    seen.add(s.text);
    const found = readCommitments(s.text);
    found.forEach((f, i) => {
      if (suggestions.some((x) => x.text === f.text)) return;
      let code = s.code ? (found.length > 1 ? `${s.code}.${i + 1}` : s.code) : String(++counter);
      // Plans sometimes letter two items alike (Quảng Ngãi 2025 has two "d)"): the second becomes "d'".
      while (used.has(code)) code = `${code}'`;
      used.add(code);
      suggestions.push({ code, ...f, text: f.text[0]!.toUpperCase() + f.text.slice(1) });
    });
  }
  return suggestions;
}

// ---- tasks ----

function taskSection(all: string[]): string[] {
  const start = all.findIndex((l) => /^([IVX]+\.)?\s*(TỔ CHỨC THỰC HIỆN|Tổ chức thực hiện)\s*$/u.test(l));
  if (start < 0) return [];
  const out: string[] = [];
  for (let i = start + 1; i < all.length; i++) {
    const l = all[i]!;
    if (/^[IVX]+\.\s+\p{Lu}/u.test(l) || /^(Nơi nhận|Noi nhận|Trên đây)/u.test(l) || /^(ĐỀ CƯƠNG|PHỤ LỤC)/u.test(l))
      break;
    out.push(l);
  }
  return out;
}

/** Words an agency's name starts with; a heading such as "Chế độ thông tin, báo cáo" is not one. */
const agencyName =
  /^(Sở|Công an|Ủy ban|Uỷ ban|UBND|Đài|Báo|Bộ|Ban|Hội|Trung tâm|Văn phòng|Bệnh viện|Viện|Tòa|Cục|Chi cục|Đoàn|Liên đoàn|Bộ Chỉ huy|Cơ quan|Các sở|Các cơ quan)\s/u;
const verbAhead = '(?=[\\s,.;:]|$)';

/** "1. Giao Sở Y tế chủ trì, …", "3. UBND các huyện, thị xã, thành phố: …": the agency that leads. */
function leadOf(item: string): string | null {
  const candidates: string[] = [];
  const colon = /^([^:]{3,120}):\s/u.exec(item);
  if (colon) candidates.push(colon[1]!.replace(/^(Giao|Đề nghị)\s+/u, ''));
  const given = new RegExp(
    `^(?:Giao|Đề nghị)\\s+(.+?)\\s+(?:chủ trì|phối hợp|căn cứ|theo chức năng|hướng dẫn|tăng cường|chỉ đạo|thực hiện|xây dựng|tham mưu)${verbAhead}`,
    'u',
  ).exec(item);
  if (given) candidates.push(given[1]!);
  const subject = new RegExp(`^(.+?)\\s+(?:chủ trì|phối hợp|theo chức năng|xây dựng|tổng hợp)${verbAhead}`, 'u').exec(
    item,
  );
  if (subject) candidates.push(subject[1]!);
  return (
    candidates
      .map((c) => c.trim())
      .find((c) => c.length <= 120 && agencyName.test(`${c} `) && !/\s(chủ trì|phối hợp)(\s|,)/u.test(c)) ?? null
  );
}

function deadlineOf(item: string, year: number | null): string | null {
  const full = /trước ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(item);
  if (full) return isoDate(Number(full[1]), Number(full[2]), Number(full[3]));
  const short = /trước ngày\s+(\d{1,2})\/(\d{1,2})\b/u.exec(item);
  return short && year ? isoDate(Number(short[1]), Number(short[2]), year) : null;
}

export function suggestTasks(text: string, year: number | null): TaskSuggestion[] {
  const items: string[] = [];
  for (const l of taskSection(lines(text))) {
    if (!l) continue;
    const numbered = /^\d{1,2}\.\s+(.*)$/u.exec(l);
    if (numbered) items.push(numbered[1]!);
    else if (items.length) items[items.length - 1] += ` ${l}`;
  }
  return items.map((content) => {
    const c = content.replace(/\*/g, '').replace(/\/\.$/, '.').trim();
    return { content: c, leadName: leadOf(c), deadline: deadlineOf(c, year) };
  });
}

export function readPlanText(text: string): PlanTextReading {
  const all = lines(text);
  const { issuer, place } = readIssuer(text);
  const title = readTitle(all, place);
  const period = readPeriod(title, text);
  const number = /Số\s*:\s*(\d+\/[\p{L}\d-]+)/u.exec(text) ?? /Kế hoạch số\s+(\d+\/[\p{L}\d-]+)/u.exec(text);
  return {
    docNumber: number ? number[1]! : null,
    docDate: readDate(text),
    issuer,
    signer: readSigner(all),
    type: readType(title),
    title,
    periodStart: period.start,
    periodEnd: period.end,
    legalBasis: readLegalBasis(all),
    targets: suggestTargets(text),
    tasks: suggestTasks(text, period.end),
  };
}
