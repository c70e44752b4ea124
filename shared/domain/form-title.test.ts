import { describe, expect, it } from 'vitest';
import { foldText } from '../text/fold';
import { pickFormTitle } from './forms';

describe("a form's title above its table", () => {
  it.each([
    [
      [
        'PHỤ LỤC',
        'BIỂU TỔNG HỢP SỐ LIỆU PHÒNG, CHỐNG MẠI DÂM NĂM 2025 CỦA UBND TỈNH QUẢNG NGÃI',
        '(Kèm theo Báo cáo số …)',
        'B. KẾT QUẢ THỰC HIỆN',
      ],
      'Biểu tổng hợp số liệu phòng, chống mại dâm năm 2025 của UBND tỉnh Quảng Ngãi',
    ],
    [['Biểu số 02', 'Kết quả kiểm tra cơ sở kinh doanh dịch vụ'], 'Kết quả kiểm tra cơ sở kinh doanh dịch vụ'],
    [['THEO KẾ HOẠCH SỐ 219/KH-UBND NGÀY 12/8/2016'], 'Theo kế hoạch số 219/KH-UBND ngày 12/8/2016'],
    [['PHỤ LỤC I', 'I. TÌNH HÌNH', 'Số: 05/BC-SYT'], null],
    [[], null],
  ])('%j → %j', (lines, expected) => {
    expect(pickFormTitle(lines, foldText)).toBe(expected);
  });
});
