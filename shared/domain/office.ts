/**
 * Who the office is, as its documents say it: the header's two bodies, the symbol in "Số: …/BC-…",
 * the place on the date line, and who prepares and who signs. Kept in settings; documents read it.
 */
export interface OfficeProfile {
  /** "UBND TỈNH QUẢNG NGÃI": the body above, upright. */
  parentBody: string;
  /** "SỞ Y TẾ": the issuing body, bold, under it. */
  officeName: string;
  /** The same body named inside a sentence: "Sở Y tế". */
  officeNameInText: string;
  /** The issuer part of a symbol: "SYT" in "05/BC-SYT". */
  symbol: string;
  /** "Quảng Ngãi" in "Quảng Ngãi, ngày 05 tháng 01 năm 2026". */
  place: string;
  /** "KT. GIÁM ĐỐC" — the signing authority line, empty when the head signs himself. */
  signAuthority: string;
  /** "PHÓ GIÁM ĐỐC" or "GIÁM ĐỐC". */
  signerTitle: string;
  signerName: string;
  /** Who drew up the tables ("Người lập biểu"). */
  preparerName: string;
}

export const emptyOfficeProfile: OfficeProfile = {
  parentBody: '',
  officeName: '',
  officeNameInText: '',
  symbol: '',
  place: '',
  signAuthority: '',
  signerTitle: '',
  signerName: '',
  preparerName: '',
};

export const officeProfileFields = Object.keys(emptyOfficeProfile) as (keyof OfficeProfile)[];

/** What a document's header and signature cannot do without: without them they read "…". */
export const headerFields = [
  'parentBody',
  'officeName',
  'place',
  'signerTitle',
] as const satisfies readonly (keyof OfficeProfile)[];

/** The header's fields the office has not filled in yet. */
export function missingHeaderFields(profile: OfficeProfile): (typeof headerFields)[number][] {
  return headerFields.filter((f) => profile[f].trim() === '');
}
