import { performance } from 'node:perf_hooks';
import type { AppendixTable } from '../shared/domain/appendix';
import { emptyOfficeProfile } from '../shared/domain/office';
import { writeAppendixDocx } from '../electron/services/export/write-appendix-docx';
import { median } from './median';

/** A 100-row appendix with 14 units and the total (15 value columns), written as .docx: median of 7, in ms. */
export async function benchAppendixDocx(): Promise<number> {
  const table: AppendixTable = {
    label: 'PHỤ LỤC',
    title: 'SỐ LIỆU TỔNG KẾT PHÒNG, CHỐNG MẠI DÂM NĂM 2025',
    caption: '(Kèm theo Báo cáo số …/BC-SYT ngày … tháng … năm … của Sở Y tế)',
    columns: [...Array.from({ length: 14 }, (_, i) => `Xã Thử Nghiệm ${i + 1}`), 'Toàn tỉnh'],
    rows: Array.from({ length: 100 }, (_, r) => ({
      numbering: r % 10 === 0 ? String(r / 10 + 1) : '+',
      text:
        r % 10 === 0
          ? `Nhóm chỉ tiêu ${r / 10 + 1}`
          : `Trong đó loại ${r % 10} của nhóm, có tên dài như trong biểu mẫu thật`,
      unit: r % 10 === 0 ? null : 'Người',
      level: r % 10 === 0 ? 0 : 2,
      heading: r % 10 === 0,
      italic: r % 10 !== 0,
      values: Array.from({ length: 15 }, (_, c) => (r % 10 === 0 ? null : (r * 7 + c * 13) % 1000)),
    })),
  };
  const office = {
    ...emptyOfficeProfile,
    parentBody: 'UBND TỈNH QUẢNG NGÃI',
    officeName: 'SỞ Y TẾ',
    symbol: 'SYT',
    place: 'Quảng Ngãi',
  };
  await writeAppendixDocx(table, office); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await writeAppendixDocx(table, office, { date: '2025-12-20' });
    times.push(performance.now() - t0);
  }
  return median(times);
}
