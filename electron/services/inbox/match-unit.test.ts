import { describe, expect, it } from 'vitest';
import { demoUnits } from '../demo/demo-data';
import { matchUnit as matchPrepared, prepareUnits, type CandidateUnit } from './match-unit';

const units: CandidateUnit[] = demoUnits
  .filter((u) => u.kind !== 'province')
  .map((u, i) => ({ id: i + 1, code: u.code, name: u.name, kind: u.kind, emails: u.emails }));
const matchUnit = (us: CandidateUnit[], clues: Parameters<typeof matchPrepared>[1]) =>
  matchPrepared(prepareUnits(us), clues);
const code = (m: ReturnType<typeof matchUnit>) =>
  m.unit ? m.unit.code : `?${m.ambiguous.map((u) => u.code).join(',')}`;

describe('matchUnit', () => {
  it('uses the sender address first', () => {
    expect(
      code(matchUnit(units, { fromAddress: 'VPUBND.BATO@quangngai.gov.vn', texts: ['Báo cáo của huyện Lý Sơn'] })),
    ).toBe('535');
  });
  it.each([
    ['UBND HUYỆN BÌNH SƠN', '524'],
    ['Báo cáo PCMD năm 2025 - huyen binh son', '524'],
    ['bao-cao-ly-son-2025.xlsx', '536'],
    ['TP Quảng Ngãi gửi báo cáo', '522'],
    ['UBND thị xã Đức Phổ', '534'],
    ['Công an tỉnh báo cáo số liệu', 'CA'],
    ['Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
    ['Đơn vị: Huyện Sơn Tây', '530'],
    ['Báo cáo tình hình phòng chống mại dâm', '?'],
  ])('%s → %s', (text, expected) => {
    expect(code(matchUnit(units, { fromAddress: 'someone@gmail.com', texts: [text] }))).toBe(expected);
  });
  it('does not guess between two units named equally well', () => {
    expect(code(matchUnit(units, { fromAddress: null, texts: ['Báo cáo chung của Sơn Hà và Sơn Tây'] }))).toBe(
      '?529,530',
    );
  });
});
