import { describe, expect, it } from 'vitest';
import { seedTableB } from '../../../tests/fixtures/seed-appendix';
import { buildFormTree } from '../forms/build-form-tree';
import { matchRows, rowKeyText, similarity } from './match-rows';

const form = buildFormTree(seedTableB.map(([text, unit]) => ({ text, unit })));
const src = (texts: string[]) => texts.map((text) => ({ text, hasValue: true }));
const rowOf = (start: string, nth = 0) => form.filter((r) => r.text.startsWith(start))[nth]!.row;
const rowExact = (text: string, nth = 0) => form.filter((r) => r.text === text)[nth]!.row;

describe('rowKeyText', () => {
  it.each([
    ['- Tổng số cơ sở kiểm tra trong kỳ', 'tong so co so kiem tra trong ky'],
    ['2.2. Kiểm tra, xử lý vi phạm', 'kiem tra xu ly vi pham'],
    ['  + TỔNG SỐ CƠ SỞ  KIỂM TRA ', 'tong so co so kiem tra'],
    ['Kinh phí PCMD', 'kinh phi phong chong mai dam'],
  ])('%s', (text, key) => {
    expect(rowKeyText(text)).toBe(key);
  });
});

describe('matchRows', () => {
  it('matches every row of the form against itself exactly, in order', () => {
    const m = matchRows(form, src(seedTableB.map(([t]) => t)));
    expect(m.unmatched).toEqual([]);
    expect(m.matches.map((x) => x.formRow)).toEqual(form.map((r) => r.row));
    expect(m.matches.every((x) => x.quality === 'exact')).toBe(true);
  });

  it('tolerates other numbering, markers, case, spacing and diacritics', () => {
    const m = matchRows(
      form,
      src([
        'a) TONG SO CO SO KIEM TRA TRONG KY',
        '* Số cơ sở bị  đình chỉ kinh doanh',
        '3) số cuộc truy quét tại địa điểm công cộng',
      ]),
    );
    expect(m.matches.map((x) => [x.formRow, x.quality])).toEqual([
      [rowOf('Tổng số cơ sở kiểm tra trong kỳ'), 'exact'],
      [rowOf('Số cơ sở bị đình chỉ kinh doanh'), 'exact'],
      [rowOf('Số cuộc truy quét tại địa điểm công cộng'), 'exact'],
    ]);
  });

  it('tells identical texts under different parents apart by order, even with rows dropped', () => {
    const texts = [
      '- Số vụ việc liên quan đến mại dâm được Viện Kiểm sát nhân dân khởi tố',
      '+ Số vụ',
      '- Số vụ án liên quan đến mại dâm được Tòa án các cấp thụ lý, xét xử', // the middle block is missing
      '+ Số vụ',
      '+ Số bị cáo',
    ];
    const m = matchRows(form, src(texts));
    expect(m.matches.map((x) => x.formRow)).toEqual([
      rowOf('Số vụ việc liên quan đến mại dâm được Viện Kiểm sát nhân dân khởi tố'),
      rowExact('Số vụ', 0),
      rowOf('Số vụ án liên quan'),
      rowExact('Số vụ', 2),
      rowExact('Số bị cáo', 1),
    ]);
  });

  it('marks a slightly different wording as close and a looser one as weak', () => {
    // "được" added: the same row; "pháp luật" added: probably the same, for the user to confirm;
    // "trong năm" for "trong kỳ" is another period, so it is only weak too.
    const m = matchRows(form, src(['- Tổng số cơ sở được kiểm tra trong kỳ', '- Tổng số người vi phạm pháp luật']));
    expect(m.matches[0]).toMatchObject({ formRow: rowOf('Tổng số cơ sở kiểm tra trong kỳ'), quality: 'close' });
    expect(m.matches[1]).toMatchObject({ formRow: rowOf('Tổng số người vi phạm'), quality: 'weak' });
  });

  it('reports added rows holding a figure as unmatched', () => {
    const m = matchRows(form, [
      { text: 'Số cơ sở karaoke mới cấp phép trong năm 2025 tại các xã biên giới', hasValue: true },
      { text: 'Ghi chú của đơn vị', hasValue: false },
    ]);
    expect(m.unmatched).toEqual([0]);
    expect(m.matches).toEqual([]);
  });

  it('similarity is 1 for equal text and falls with differences', () => {
    expect(similarity('so vu', 'so vu')).toBe(1);
    expect(similarity('tong so co so', 'tong so co so kiem tra')).toBeGreaterThan(0.7);
    expect(similarity('so vu', 'kinh phi')).toBeLessThan(0.3);
  });
});
