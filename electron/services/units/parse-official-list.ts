import { AppError } from '../../../shared/errors';
import { cleanText, foldText } from '../../../shared/text/fold';
import type { UnitKind } from '../../../shared/domain/units';
import { readSheetRows } from './parse-units-file';

/**
 * The administrative-unit list the statistics office publishes (danh mục đơn vị hành chính, as
 * exported to Excel): one row per commune, with its province and, before 1/7/2025, its district,
 * each as a code and a name ("Mã TP", "Tỉnh / Thành Phố", "Mã QH", "Quận Huyện", "Mã PX", "Phường
 * Xã", "Cấp"). A list after the reform has no district columns: communes sit under the province.
 */
export interface OfficialUnit {
  code: string;
  name: string;
  kind: Extract<UnitKind, 'province' | 'district' | 'commune'>;
  parentCode: string | null;
  /** The province the unit belongs to (itself for a province). */
  provinceCode: string;
  line: number;
}

export interface OfficialList {
  fileName: string;
  /** The file as read, kept with the changes it makes. */
  bytes: Uint8Array;
  /** Provinces first, then districts, then communes; each code once. */
  units: OfficialUnit[];
  /** Whether the list has a district level (a list from before the reform). */
  hasDistricts: boolean;
}

type Level = 'province' | 'district' | 'commune';
type Column = `${Level}Code` | `${Level}Name`;

/** Header words of the statistics office's exports and of lists offices retype, folded. */
const headerWords: Record<string, Column> = {
  'ma tp': 'provinceCode',
  'ma tinh': 'provinceCode',
  'ma tinh/tp': 'provinceCode',
  'ma tinh/thanh pho': 'provinceCode',
  'ma tinh / thanh pho': 'provinceCode',
  'tinh / thanh pho': 'provinceName',
  'tinh/thanh pho': 'provinceName',
  'tinh thanh pho': 'provinceName',
  'tinh, thanh pho': 'provinceName',
  'ten tinh': 'provinceName',
  'tinh/tp': 'provinceName',
  tinh: 'provinceName',
  'ma qh': 'districtCode',
  'ma huyen': 'districtCode',
  'ma quan huyen': 'districtCode',
  'ma quan/huyen': 'districtCode',
  'quan huyen': 'districtName',
  'quan/huyen': 'districtName',
  'quan / huyen': 'districtName',
  'ten huyen': 'districtName',
  huyen: 'districtName',
  'ma px': 'communeCode',
  'ma xa': 'communeCode',
  'ma phuong xa': 'communeCode',
  'ma phuong/xa': 'communeCode',
  'ma xa/phuong': 'communeCode',
  'phuong xa': 'communeName',
  'phuong/xa': 'communeName',
  'phuong / xa': 'communeName',
  'xa/phuong': 'communeName',
  'ten xa': 'communeName',
  xa: 'communeName',
};

/** Official codes are text with leading zeros; a workbook that stored them as numbers lost the zeros. */
const codeWidth: Record<Level, number> = { province: 2, district: 3, commune: 5 };

function officialCode(raw: string, level: Level): string {
  const code = cleanText(raw).replace(/\s+/g, '');
  return /^\d+$/.test(code) ? code.padStart(codeWidth[level], '0') : code;
}

const HEADER_SEARCH_ROWS = 30;

export async function parseOfficialList(fileName: string, bytes: Uint8Array): Promise<OfficialList> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext !== 'xlsx' && ext !== 'xls')
    throw new AppError(
      'unsupported-file',
      `Danh mục hành chính cần là tệp Excel (.xlsx, .xls) như Cục Thống kê xuất; "${fileName}" không phải.`,
    );
  const rows = await readSheetRows(fileName, ext, bytes);
  // The header: the first row naming at least a province's and a commune's code and name (titles may sit above it).
  let header: { line: number; columns: Map<Column, number> } | null = null;
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns = new Map<Column, number>();
    r.cells.forEach((cell, i) => {
      const col = headerWords[foldText(cell).replace(/\s+/g, ' ').trim()];
      if (col && !columns.has(col)) columns.set(col, i);
    });
    if (['provinceCode', 'provinceName', 'communeCode', 'communeName'].every((c) => columns.has(c as Column))) {
      header = { line: r.line, columns };
      break;
    }
  }
  if (!header) {
    throw new AppError(
      'invalid-input',
      `Tệp "${fileName}" không giống danh mục đơn vị hành chính: không tìm thấy dòng tiêu đề có các cột "Mã TP", "Tỉnh / Thành Phố", "Mã PX", "Phường Xã" (và "Mã QH", "Quận Huyện" nếu còn cấp huyện).`,
    );
  }
  const { columns } = header;
  const hasDistricts = columns.has('districtCode') && columns.has('districtName');
  const cell = (cells: string[], c: Column) => cleanText(cells[columns.get(c)!] ?? '');
  const byCode = new Map<string, OfficialUnit>();
  const problems: { where: string; message: string }[] = [];
  const add = (u: OfficialUnit) => {
    const seen = byCode.get(u.code);
    if (!seen) byCode.set(u.code, u);
    else if (seen.kind !== u.kind || foldText(seen.name) !== foldText(u.name)) {
      problems.push({
        where: `dòng ${u.line}`,
        message: `mã "${u.code}" đã dùng ở dòng ${seen.line} cho "${seen.name}", ở đây lại là "${u.name}"`,
      });
    }
  };
  for (const r of rows) {
    if (r.line <= header.line) continue;
    const pCode = officialCode(cell(r.cells, 'provinceCode'), 'province');
    const cCode = officialCode(cell(r.cells, 'communeCode'), 'commune');
    if (!pCode && !cCode) continue;
    const where = `dòng ${r.line}`;
    const pName = cell(r.cells, 'provinceName');
    const cName = cell(r.cells, 'communeName');
    if (!pCode || !pName) {
      problems.push({ where, message: 'thiếu mã hoặc tên tỉnh' });
      continue;
    }
    add({ code: pCode, name: pName, kind: 'province', parentCode: null, provinceCode: pCode, line: r.line });
    let parent = pCode;
    if (hasDistricts) {
      const dCode = officialCode(cell(r.cells, 'districtCode'), 'district');
      const dName = cell(r.cells, 'districtName');
      if (dCode && dName) {
        add({ code: dCode, name: dName, kind: 'district', parentCode: pCode, provinceCode: pCode, line: r.line });
        parent = dCode;
      }
    }
    if (!cCode && !cName) continue; // a province or district row without communes
    if (!cCode || !cName) {
      problems.push({ where, message: 'thiếu mã hoặc tên xã, phường' });
      continue;
    }
    add({ code: cCode, name: cName, kind: 'commune', parentCode: parent, provinceCode: pCode, line: r.line });
  }
  if (problems.length > 0) {
    throw new AppError(
      'invalid-input',
      `Danh mục "${fileName}" có ${problems.length} lỗi nên chưa dùng được. ${problems
        .slice(0, 3)
        .map((p) => `${p.where}: ${p.message}`)
        .join('; ')}${problems.length > 3 ? '; …' : ''}.`,
      problems,
    );
  }
  const order: Record<Level, number> = { province: 0, district: 1, commune: 2 };
  const units = [...byCode.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.line - b.line);
  if (!units.some((u) => u.kind === 'commune'))
    throw new AppError('invalid-input', `Danh mục "${fileName}" không có xã, phường nào dưới dòng tiêu đề.`);
  return { fileName, bytes, units, hasDistricts };
}
