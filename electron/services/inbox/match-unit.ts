import { foldText } from '../../../shared/text/fold';
import type { UnitKind } from '../../../shared/domain/units';

export interface CandidateUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  emails: string[];
}

const adminPrefixes = [
  'uy ban nhan dan thanh pho',
  'uy ban nhan dan thi xa',
  'uy ban nhan dan huyen',
  'uy ban nhan dan quan',
  'uy ban nhan dan xa',
  'uy ban nhan dan phuong',
  'uy ban nhan dan thi tran',
  'uy ban nhan dan tinh',
  'uy ban nhan dan',
  'thanh pho',
  'thi xa',
  'thi tran',
  'huyen',
  'quan',
  'phuong',
  'xa',
  'tinh',
  'dac khu',
];

function normalise(text: string): string {
  return ` ${foldText(text)
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/\btp\b/g, 'thanh pho')
    .replace(/\btx\b/g, 'thi xa')
    .replace(/[^a-z0-9@]+/g, ' ')
    .trim()} `;
}

/** The ways a unit's name appears in a sender name, subject, file name or heading, longest first. */
function nameVariants(u: CandidateUnit): string[] {
  const full = normalise(u.name).trim();
  const variants = new Set([full]);
  if (u.kind === 'district' || u.kind === 'commune' || u.kind === 'province') {
    for (const p of adminPrefixes) {
      if (full.startsWith(`${p} `)) {
        const core = full.slice(p.length + 1);
        if (core.length >= 4) variants.add(core);
        break;
      }
    }
  }
  return [...variants].sort((a, b) => b.length - a.length);
}

export type UnitMatch = { unit: CandidateUnit; by: 'email' | 'name' } | { unit: null; ambiguous: CandidateUnit[] };

/** Units with their name variants worked out once, for matching many replies. */
export interface PreparedUnits {
  units: CandidateUnit[];
  variants: Map<number, { full: string; list: string[] }>;
  byEmail: Map<string, CandidateUnit[]>;
}

export function prepareUnits(units: CandidateUnit[]): PreparedUnits {
  const byEmail = new Map<string, CandidateUnit[]>();
  for (const u of units)
    for (const e of u.emails) byEmail.set(e.toLowerCase(), [...(byEmail.get(e.toLowerCase()) ?? []), u]);
  return {
    units,
    byEmail,
    variants: new Map(units.map((u) => [u.id, { full: normalise(u.name).trim(), list: nameVariants(u) }])),
  };
}

/**
 * Who sent a reply: the sender's address among the units' addresses; otherwise the unit whose name
 * (with or without "huyện", "thị xã", "TP", "UBND"…, ignoring case and diacritics) appears in the
 * sender's name, the subject, the file name or the document's heading, the longest match winning.
 * Two units matching equally well is not guessed.
 */
export function matchUnit(
  prepared: PreparedUnits,
  clues: { fromAddress: string | null; texts: (string | null)[] },
): UnitMatch {
  if (clues.fromAddress) {
    const byMail = prepared.byEmail.get(clues.fromAddress.toLowerCase()) ?? [];
    if (byMail.length === 1) return { unit: byMail[0]!, by: 'email' };
  }
  const haystack = clues.texts
    .filter((t): t is string => !!t)
    .map(normalise)
    .join(' | ');
  const hits: { unit: CandidateUnit; hit: string; full: boolean }[] = [];
  for (const u of prepared.units) {
    const v = prepared.variants.get(u.id)!;
    const hit = v.list.find((x) => haystack.includes(` ${x} `));
    if (hit) hits.push({ unit: u, hit, full: hit === v.full });
  }
  // A full name ("huyện sơn tịnh") outranks a bare one ("sơn tịnh"); a hit inside a longer hit
  // ("tịnh" inside "sơn tịnh") is not a second candidate; anything else left over is ambiguous.
  const anyFull = hits.some((h) => h.full);
  const ranked = hits.filter((h) => h.full === anyFull);
  const best = ranked.filter(
    (h) => !ranked.some((o) => o !== h && o.hit.length > h.hit.length && o.hit.includes(h.hit)),
  );
  if (best.length === 1) return { unit: best[0]!.unit, by: 'name' };
  return { unit: null, ambiguous: best.map((b) => b.unit) };
}
