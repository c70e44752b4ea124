/**
 * Benchmarks on generated data of realistic size. `npm run bench` prints a table;
 * `npm run --silent bench -- --json` prints one JSON object of named figures.
 * Ratios compare against a floor measured in the same run on the same machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/connection';
import { makeValues, seedValueFrame, type ValueFixture } from '../db/testing/fixtures';
import { insertDataValues } from '../db/values/repo';
import { benchImport500 } from './import-bench';
import { benchOfficeImport } from './office-bench';
import { benchChecking, benchRoot } from './checking-bench';
import { benchAppendix170, benchAppendixDocx } from './appendix-bench';
import { median } from './median';
import { benchTargets } from './targets-bench';
import { benchHostile } from './hostile-bench';
import { benchSend170 } from './mail-bench';
import { benchTemplates170 } from './templates-bench';

const VALUES = 500_000;
const FRAME = { units: 150, indicators: 100, rounds: 34 }; // 510,000 slots: a province's 34 years of a 100-row form

interface Figure {
  name: string;
  value: number;
  label: string;
}

async function freshDb(dir: string, name: string): Promise<{ file: string; frame: ValueFixture }> {
  const file = path.join(dir, name);
  const opened = await openDatabase(file);
  const frame = await seedValueFrame(opened.db, FRAME);
  await opened.close();
  return { file, frame };
}

async function benchInsert(dir: string): Promise<{ kyselyMs: number; rawMs: number }> {
  // The repository function (kysely, multi-row statements, one transaction)…
  const a = await freshDb(dir, 'insert-kysely.db');
  const dbA = await openDatabase(a.file);
  const valuesA = makeValues(a.frame, VALUES);
  let t0 = performance.now();
  await dbA.db.transaction().execute((trx) => insertDataValues(trx, valuesA));
  const kyselyMs = performance.now() - t0;
  await dbA.close();

  // …against the floor: a raw better-sqlite3 prepared statement in a loop, one transaction.
  const b = await freshDb(dir, 'insert-raw.db');
  const dbB = await openDatabase(b.file);
  const valuesB = makeValues(b.frame, VALUES);
  const stmt = dbB.sqlite.prepare(
    'INSERT INTO data_value (submission_id, indicator_id, num_value, text_value, revision_id, source_file_id, source_sheet, source_cell, comment, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
  );
  t0 = performance.now();
  dbB.sqlite.transaction(() => {
    for (const v of valuesB)
      stmt.run(
        v.submission_id,
        v.indicator_id,
        v.num_value,
        v.text_value,
        v.revision_id,
        v.source_file_id,
        v.source_sheet,
        v.source_cell,
        v.comment,
        v.updated_at,
      );
  })();
  const rawMs = performance.now() - t0;
  await dbB.close();
  return { kyselyMs, rawMs };
}

async function benchOpen(file: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const opened = await openDatabase(file);
    times.push(performance.now() - t0);
    await opened.close();
  }
  return median(times);
}

async function main() {
  const json = process.argv.includes('--json');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmd-bench-'));
  const log = (s: string) => {
    if (!json) process.stderr.write(`${s}\n`);
  };
  try {
    log(`Đang chạy đo hiệu năng trên ${os.cpus().length} lõi, dữ liệu tạm ở ${dir}…`);
    const insert = await benchInsert(dir);
    log('  ghi 500.000 giá trị: xong');
    const openMs = await benchOpen(path.join(dir, 'insert-kysely.db'));
    log('  mở tệp 500.000 giá trị: xong');
    const templates = await benchTemplates170(dir);
    const send = await benchSend170(dir);
    log('  150 biểu mẫu: xong');
    const importDir = fs.mkdtempSync(path.join(dir, 'import-'));
    const officeSource = path.join(dir, 'van-phong-khac.db');
    const imports = await benchImport500(importDir, officeSource);
    log(`  nhập 500 báo cáo: xong (${imports.imported} đã nhập)`);
    const office = await benchOfficeImport(fs.mkdtempSync(path.join(dir, 'office-')), officeSource);
    log(`  nhập cơ sở dữ liệu của văn phòng khác: xong (${office.values} số liệu)`);
    const appendixMs = await benchAppendixDocx();
    const appendix170 = await benchAppendix170();
    log('  phụ lục Word 100 dòng × 15 cột: xong');
    const checking = await benchChecking(benchRoot);
    log('  bảng tổng hợp 100 × 150, lưu số liệu, tổng hợp toàn tỉnh: xong');
    const targets = await benchTargets();
    log(`  đánh giá 50 chỉ tiêu × 10 năm × 150 đơn vị: xong (${targets.evaluations} kết quả)`);
    const hostile = await benchHostile(fs.mkdtempSync(path.join(dir, 'hostile-')));
    log(`  tệp độc hại: xong (bộ nhớ cao nhất khi nhập ${hostile.worstFile})`);

    const figures: Figure[] = [
      {
        name: 'open_db_ms',
        value: openMs,
        label: 'Mở tệp dữ liệu 500.000 giá trị (kiểm tra toàn vẹn + nâng cấp), trung vị 5 lần',
      },
      { name: 'insert500k_ms', value: insert.kyselyMs, label: 'Ghi 500.000 giá trị qua kysely (một giao dịch)' },
      { name: 'insert500k_raw_ms', value: insert.rawMs, label: 'Mức sàn: câu lệnh chuẩn bị sẵn của better-sqlite3' },
      { name: 'insert_ratio_vs_raw', value: insert.kyselyMs / insert.rawMs, label: 'Tỷ lệ kysely / mức sàn' },
      {
        name: 'send170_s',
        value: send.sendS,
        label:
          'Gửi biểu mẫu cho 170 xã qua máy chủ SMTP thử trên 127.0.0.1 (sổ thư gửi, mỗi xã một biểu); mục tiêu ≤ 30 s',
      },
      {
        name: 'send170_floor_s',
        value: send.floorS,
        label: 'Mức sàn: cùng 170 biểu, gửi bằng nodemailer trần trên một kết nối',
      },
      { name: 'send_ratio_vs_bare', value: send.sendS / send.floorS, label: 'Tỷ lệ gửi / mức sàn' },
      {
        name: 'templates170_s',
        value: templates.appS,
        label: 'Xuất 170 biểu mẫu Excel (102 dòng) kèm thư nháp .eml, từ dữ liệu ra thư mục',
      },
      {
        name: 'templates170_floor_s',
        value: templates.floorS,
        label: 'Mức sàn: exceljs ghi cùng 170 sổ Excel ra đĩa (không có phần việc của phần mềm)',
      },
      {
        name: 'templates170_ratio_vs_write',
        value: templates.appS / templates.floorS,
        label: 'Tỷ lệ xuất biểu mẫu / mức sàn; mục tiêu ≤ 1,5',
      },
      {
        name: 'import500_s',
        value: imports.importS,
        label: 'Nhập 500 báo cáo nhiều dạng (thư .eml, Excel, Word); mục tiêu ≤ 20 s',
      },
      {
        name: 'import500_parse_floor_s',
        value: imports.floorS,
        label: 'Mức sàn: chỉ đọc cùng 500 tệp bằng cùng thư viện',
      },
      {
        name: 'import500_ratio_vs_parse',
        value: imports.importS / imports.floorS,
        label: 'Tỷ lệ nhập / chỉ đọc; mục tiêu ≤ 1,5',
      },
      {
        name: 'office_import_s',
        value: office.importS,
        label:
          'Nhập cơ sở dữ liệu của văn phòng khác (đợt 500 báo cáo: 11.250 số liệu, lịch sử sửa, tệp gốc); mục tiêu ≤ 5 s',
      },
      {
        name: 'office_import_again_s',
        value: office.againS,
        label: 'Nhập lại bản sao sau của cùng cơ sở dữ liệu (không có gì mới)',
      },
      {
        name: 'office_import_floor_s',
        value: office.floorS,
        label: 'Mức sàn: chép cùng các bảng bằng SQL (ATTACH, INSERT … SELECT), không đối chiếu',
      },
      { name: 'office_import_ratio_vs_copy', value: office.importS / office.floorS, label: 'Tỷ lệ nhập / chép SQL' },
      {
        name: 'appendix_docx_ms',
        value: appendixMs,
        label: 'Ghi phụ lục Word 100 dòng × 15 cột số liệu, trung vị 7 lần; mục tiêu ≤ 500 ms',
      },
      {
        name: 'appendix170_ms',
        value: appendix170.appMs,
        label: 'Ghi phụ lục Word 102 dòng × 170 xã và toàn tỉnh, trung vị 3 lần',
      },
      {
        name: 'appendix170_floor_ms',
        value: appendix170.floorMs,
        label: 'Mức sàn: thư viện docx ghi cùng các ô thành một bảng trơn',
      },
      {
        name: 'appendix_ratio_vs_docx',
        value: appendix170.appMs / appendix170.floorMs,
        label: 'Tỷ lệ phụ lục / mức sàn; mục tiêu ≤ 1,5',
      },
      {
        name: 'matrix_interactive_ms',
        value: checking.matrixInteractiveMs,
        label:
          'Bảng tổng hợp 100 chỉ tiêu × 150 đơn vị hiện tổng toàn tỉnh trong Chromium, từ lúc mở trang; mục tiêu ≤ 1000 ms',
      },
      {
        name: 'edit_store_ms',
        value: checking.editStoreMs,
        label: 'Lưu một số liệu sửa (kiểm tra lại cả báo cáo), từ trang qua IPC, trung vị 60 lần; mục tiêu ≤ 50 ms',
      },
      {
        name: 'rollup_ms',
        value: checking.rollupMs,
        label: 'Tổng hợp toàn tỉnh một đợt (15.000 giá trị) theo quy tắc từng chỉ tiêu',
      },
      { name: 'rollup_sql_ms', value: checking.rollupSqlMs, label: 'Mức sàn: một câu GROUP BY trên cùng giá trị' },
      {
        name: 'rollup_ratio_vs_sql',
        value: checking.rollupMs / checking.rollupSqlMs,
        label: 'Tỷ lệ tổng hợp / GROUP BY; mục tiêu ≤ 2',
      },
      {
        name: 'targets_eval_ms',
        value: targets.evaluateMs,
        label:
          'Đánh giá 50 chỉ tiêu kế hoạch qua 10 năm × 150 đơn vị (90.000 số liệu), trung vị 9 lần; mục tiêu ≤ 200 ms',
      },
      {
        name: 'targets_sql_floor_ms',
        value: targets.sqlFloorMs,
        label: 'Mức sàn: chỉ câu truy vấn đọc các số liệu đó',
      },
      {
        name: 'targets_ratio_vs_sql',
        value: targets.evaluateMs / targets.sqlFloorMs,
        label: 'Tỷ lệ đánh giá / truy vấn; mục tiêu ≤ 2',
      },
      {
        name: 'hostile_peak_rss_mb',
        value: hostile.peakMb,
        label: `Bộ nhớ cao nhất của cả tiến trình khi nhập từng tệp độc hại (cao nhất: ${hostile.worstFile}); mục tiêu ≤ 600 MB`,
      },
      {
        name: 'msg_many_recipients_ms',
        value: hostile.msgMs,
        label: 'Đọc thư Outlook 1.000 người nhận, 10 thư đính kèm (3 MB), trung vị 5 lần; mục tiêu < 2000 ms',
      },
      {
        name: 'msg_cfb_floor_ms',
        value: hostile.msgCfbMs,
        label: 'Mức sàn: chỉ đọc cấu trúc tệp của cùng thư bằng cfb',
      },
      { name: 'msg_ratio_vs_cfb', value: hostile.msgMs / hostile.msgCfbMs, label: 'Tỷ lệ đọc thư / mức sàn' },
    ];
    if (json) {
      process.stdout.write(
        `${JSON.stringify(Object.fromEntries(figures.map((f) => [f.name, Math.round(f.value * 100) / 100])))}\n`,
      );
    } else {
      const width = Math.max(...figures.map((f) => f.name.length));
      for (const f of figures) {
        const v = f.name.endsWith('_ms')
          ? `${f.value.toFixed(1)} ms`
          : f.name.endsWith('_s')
            ? `${f.value.toFixed(2)} s`
            : f.name.endsWith('_mb')
              ? `${f.value.toFixed(0)} MB`
              : `${f.value.toFixed(2)}×`;
        process.stdout.write(`${f.name.padEnd(width)}  ${v.padStart(12)}  ${f.label}\n`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
