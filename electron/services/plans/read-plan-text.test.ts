import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quangNgai2025PlanText } from '../demo/plan-text-quang-ngai-2025';
import { readPlanText, suggestTargets } from './read-plan-text';

const seed = (name: string) =>
  fs.readFileSync(path.join(__dirname, '../../../tests/fixtures/seed-plans', name), 'utf8');
const brief = (list: ReturnType<typeof suggestTargets>) =>
  list.map((t) => [t.code, t.kind, t.comparator, t.threshold, t.thresholdHigh, t.unitKind, t.deadlineYear]);

describe('reading a pasted plan', () => {
  it('reads the Quảng Ngãi 2025 plan: its date, issuer, title, period, legal bases, lettered targets and assignments', () => {
    const r = readPlanText(quangNgai2025PlanText);
    expect(r).toMatchObject({
      docNumber: null,
      docDate: '2025-04-10',
      issuer: 'UBND tỉnh Quảng Ngãi',
      type: 'annual',
      title: 'Kế hoạch thực hiện Chương trình phòng, chống mại dâm trên địa bàn tỉnh Quảng Ngãi năm 2025',
      periodStart: 2025,
      periodEnd: 2025,
      legalBasis:
        'Quyết định số 1736/QĐ-UBND ngày 05/11/2021 của UBND tỉnh; Công văn 368/CPCTNXH-CSPCMD ngày 30/7/2024; Tờ trình số 566/TTr-SYT ngày 24/3/2025',
    });
    expect(brief(r.targets)).toEqual([
      ['a', 'share-of-units', '>=', 100, null, 'district', null],
      ['b', 'share-of-units', '>=', 70, null, 'commune', null],
      ['c', 'share-of-units', '>=', 50, null, 'commune', null],
      ['d.1', 'ratio', '>=', 70, null, null, null],
      ['d.2', 'ratio', '>=', 60, null, null, null],
      ['d.3', 'ratio', '>=', 70, null, null, null],
      ['d', 'ratio', '>=', 100, null, null, null],
      ['e', 'ratio', '>=', 100, null, null, null],
      ['g', 'ratio', '>=', 20, null, null, null],
    ]);
    // A group named only by its figure borrows the sentence's predicate.
    expect(r.targets[4]!.text).toBe(
      'Ít nhất 60% người lao động trong các khu công nghiệp được tuyên truyền, phổ biến chính sách, pháp luật, cung cấp thông tin, kiến thức về phòng, chống tệ nạn mại dâm',
    );
    expect(r.targets[8]!.text).toBe(
      'Trong năm tổ chức kiểm tra ít nhất 20% số cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm trên địa bàn tỉnh',
    );
    expect(r.targets[8]!.why).toBe('"ít nhất 20%": tỷ lệ giữa hai chỉ tiêu (phần đạt / tổng số)');
    expect(r.tasks.map((t) => t.leadName)).toEqual([
      'Sở Y tế',
      'Công an tỉnh',
      'Sở Tài chính',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Giáo dục và Đào tạo',
      'Sở Tư pháp',
      'Đài Phát thanh và Truyền hình, Báo Quảng Ngãi',
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị-xã hội tỉnh',
      'Ủy ban nhân dân các huyện, thị xã, thành phố',
      null,
    ]);
    // "trước ngày 30/11" in a 2025 plan.
    expect(r.tasks[9]).toMatchObject({ deadline: '2025-11-30' });
    expect(r.tasks[0]!.content).toContain('e) Phối hợp với Sở Nội vụ đề xuất khen thưởng');
  });

  it('reads the Quảng Bình five-year plan as quoted by a news page: growth, cumulative and monthly targets', () => {
    const r = readPlanText(seed('quang-binh-442-kh-ubnd-2022.txt'));
    expect(r).toMatchObject({
      docNumber: '442/KH-UBND',
      docDate: '2022-03-22',
      issuer: 'UBND tỉnh Quảng Bình',
      type: 'five-year',
      periodStart: 2021,
      periodEnd: 2025,
    });
    const byText = (start: string) => r.targets.find((t) => t.text.startsWith(start))!;
    expect(byText('Hằng năm, tăng 3 - 5%')).toMatchObject({
      kind: 'growth',
      comparator: 'between',
      threshold: 3,
      thresholdHigh: 5,
    });
    expect(byText('Đến năm 2025, 100% các cơ sở')).toMatchObject({
      kind: 'cumulative',
      threshold: 100,
      deadlineYear: 2025,
    });
    expect(byText('Thông tin về phòng, chống mại dâm')).toMatchObject({
      kind: 'count',
      threshold: 12,
      why: '"ít nhất một tháng một lần": ít nhất 12 lần trong năm',
    });
    expect(byText('Tổ chức rà soát, kiểm tra, giám sát ít nhất 20%')).toMatchObject({ kind: 'ratio', threshold: 20 });
    expect(byText('100% các huyện, thị xã, thành phố')).toMatchObject({
      kind: 'share-of-units',
      unitKind: 'district',
      threshold: 100,
    });
    expect(r.targets).toHaveLength(14);
    expect(new Set(r.targets.map((t) => t.code)).size).toBe(14);
  });

  it('reads the Lào Cai final-review plan: number, signer, no targets to count, and the tasks of each agency with their deadline', () => {
    const r = readPlanText(seed('lao-cai-142-kh-ubnd-2020.txt'));
    expect(r).toMatchObject({
      docNumber: '142/KH-UBND',
      docDate: '2020-05-14',
      issuer: 'UBND tỉnh Lào Cai',
      signer: 'Hoàng Quốc Khánh',
      type: 'final-review',
      periodStart: 2016,
      periodEnd: 2020,
    });
    expect(r.title).toBe(
      'Kế hoạch tổng kết 05 năm thực hiện chương trình phòng, chống tệ nạn mại dâm trên địa bàn tỉnh Lào Cai, giai đoạn 2016 - 2020',
    );
    expect(r.legalBasis).toContain('Quyết định số 361/QĐ-TTg ngày 07/3/2016 của Thủ tướng Chính phủ');
    expect(r.legalBasis).toContain(
      'Công văn số 865/LĐTBXH-PCTNXH ngày 13/3/2020 của Bộ Lao động - Thương binh và Xã hội',
    );
    expect(r.targets).toEqual([]);
    expect(r.tasks.map((t) => [t.leadName, t.deadline])).toEqual([
      ['Sở Lao động - Thương binh và Xã hội', null],
      [null, '2020-07-05'],
      ['UBND các huyện, thị xã, thành phố', '2020-07-05'],
      ['Báo Lào Cai, Đài Phát thanh - Truyền hình tỉnh', null],
    ]);
  });

  it('does not propose the same commitment twice when a news page repeats its lead', () => {
    const r = suggestTargets(seed('son-la-2020-news.txt'));
    expect(r.map((t) => t.text)).toEqual([
      '100% số xã, phường, thị trấn đăng ký xây dựng xã, phường, thị trấn lành mạnh không có tệ nạn mại dâm năm 2020 và các năm tiếp theo',
      'Phấn đấu 100% xã, phường, thị trấn trên địa bàn toàn tỉnh, triển khai các hoạt động truyền thông phòng, chống tệ nạn mại dâm',
    ]);
  });

  it('proposes nothing from text without a commitment, and reads "không quá" as an upper bound', () => {
    expect(readPlanText('Hôm nay trời đẹp.\nKhông có số liệu nào.').targets).toEqual([]);
    expect(brief(suggestTargets('b) Tỷ lệ người bán dâm tái phạm không quá 10% số người được hỗ trợ.'))).toEqual([
      ['b', 'ratio', '<=', 10, null, null, null],
    ]);
  });
});
