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
import { benchImport500, benchImportMemory } from './import-bench';
import { benchOfficeImport } from './office-bench';
import { benchChecking, benchRoot } from './checking-bench';
import { benchAppendix170, benchAppendixDocx } from './appendix-bench';
import { median } from './median';
import { benchTargets } from './targets-bench';
import { benchHostile } from './hostile-bench';
import { benchSend170 } from './mail-bench';
import { benchTemplates170 } from './templates-bench';
import { benchScreens } from './screens-bench';

const VALUES = 500_000;
const FRAME = { units: 150, indicators: 100, rounds: 34 }; // 510,000 slots: a province's 34 years of a 100-row form

interface Figure {
  name: string;
  value: number;
  label: string;
}

/** A goal: the app's figure against its floor, measured in the same run; `goal` is the ratio to keep under. */
interface Ratio {
  name: string;
  goal: number | null;
  app: Figure;
  floor: Figure;
}

/** A figure with its unit, as its name says (_ms, _s, _mb). */
const show = (f: Figure) =>
  f.name.endsWith('_ms')
    ? `${f.value.toFixed(1)} ms`
    : f.name.endsWith('_s')
      ? `${f.value.toFixed(2)} s`
      : f.name.endsWith('_mb')
        ? `${f.value.toFixed(0)} MB`
        : `${f.value.toFixed(2)}×`;

/** The table of goals: each ratio beside the app's figure and the floor's, and whether it holds. */
function printRatios(ratios: Ratio[]): void {
  const rows = ratios.map((r) => {
    const ratio = r.app.value / r.floor.value;
    return [
      r.name,
      show(r.app),
      show(r.floor),
      `${ratio.toFixed(2)}×`,
      r.goal === null ? '' : `≤ ${r.goal}`,
      r.goal === null ? '' : ratio <= r.goal ? 'đạt' : 'CHƯA ĐẠT',
    ];
  });
  const head = ['Chỉ số', 'Phần mềm', 'Mức sàn', 'Tỷ lệ', 'Mục tiêu', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}\n`;
  process.stdout.write(line(head));
  for (const r of rows) process.stdout.write(line(r));
  process.stdout.write('\nPhần mềm và mức sàn:\n');
  const told = new Set<string>();
  for (const f of ratios.flatMap((r) => [r.app, r.floor])) {
    if (told.has(f.name)) continue;
    told.add(f.name);
    process.stdout.write(`  ${f.name}: ${f.label}\n`);
  }
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
    const memory = await benchImportMemory(fs.mkdtempSync(path.join(dir, 'bo-nho-')));
    log(`  bộ nhớ khi nhập 500 và 2.000 báo cáo: xong`);
    const office = await benchOfficeImport(fs.mkdtempSync(path.join(dir, 'office-')), officeSource);
    log(`  nhập cơ sở dữ liệu của văn phòng khác: xong (${office.values} số liệu)`);
    const appendixMs = await benchAppendixDocx();
    const appendix170 = await benchAppendix170();
    log('  phụ lục Word 100 dòng × 15 cột: xong');
    const checking = await benchChecking(benchRoot);
    log('  bảng tổng hợp 100 × 150, lưu số liệu: xong');
    const screens = await benchScreens(benchRoot, fs.mkdtempSync(path.join(dir, 'screens-')));
    log('  bảng tổng hợp 102 × 170 và màn hình Tổng quan 5 năm, so với mức sàn: xong');
    const targets = await benchTargets();
    log(`  đánh giá 50 chỉ tiêu và tổng hợp 10 năm × 170 đơn vị: xong (${targets.evaluations} kết quả)`);
    const hostile = await benchHostile(fs.mkdtempSync(path.join(dir, 'hostile-')));
    log(`  tệp độc hại: xong (bộ nhớ cao nhất khi nhập ${hostile.worstFile})`);

    /** The one-thread parse of the 500 replies: the floor of the import and of its parse workers alone. */
    const parseFloor: Figure = {
      name: 'import500_parse_floor_s',
      value: imports.floorS,
      label: 'Chỉ đọc cùng 500 tệp, một luồng',
    };
    /** Each goal of the issue: the app's figure, its floor measured in the same run, and the ratio. */
    const ratios: Ratio[] = [
      {
        name: 'import500_ratio_vs_parse',
        goal: 0.75,
        app: {
          name: 'import500_s',
          value: imports.importS,
          label: 'Nhập 500 báo cáo nhiều dạng (thư .eml, Excel, Word)',
        },
        floor: parseFloor,
      },
      {
        name: 'import500_workers_ratio_vs_parse',
        goal: null,
        app: {
          name: 'import500_parse_workers_s',
          value: imports.parseWorkersS,
          label:
            'Hai luồng đọc của phần mềm đọc cùng 500 tệp, không lưu gì (sau lần nhập): việc nhập trên máy này không thể nhanh hơn',
        },
        floor: parseFloor,
      },
      {
        name: 'import_peak_rss_2000_vs_500',
        goal: 1.1,
        app: {
          name: 'import2000_peak_rss_mb',
          value: memory.peak2000Mb,
          label: 'Bộ nhớ cao nhất của tiến trình dòng lệnh nhập 2.000 báo cáo (600 xã), kể cả luồng đọc',
        },
        floor: {
          name: 'import500_peak_rss_mb',
          value: memory.peak500Mb,
          label: 'Cùng việc với 500 báo cáo (150 xã): bộ nhớ phải gần như không đổi (±10%)',
        },
      },
      {
        name: 'office_import_ratio_vs_copy',
        goal: 5,
        app: {
          name: 'office_import_s',
          value: office.importS,
          label: 'Nhập cơ sở dữ liệu của văn phòng khác (11.250 số liệu, lịch sử sửa, tệp gốc), kể cả kiểm tra tệp',
        },
        floor: {
          name: 'office_import_floor_s',
          value: office.floorS,
          label: 'Chép cùng các bảng bằng SQL (ATTACH, INSERT … SELECT), không đối chiếu',
        },
      },
      {
        name: 'matrix170_ratio_vs_grid',
        goal: 1.5,
        app: {
          name: 'matrix170_ms',
          value: screens.matrixMs,
          label: 'Bảng tổng hợp 102 dòng × 170 xã hiện tổng toàn tỉnh trong Chromium, qua các hàm xử lý thật',
        },
        floor: {
          name: 'matrix170_floor_ms',
          value: screens.matrixFloorMs,
          label: 'AG Grid trần hiện cùng các ô từ một mảng trong trang',
        },
      },
      {
        name: 'overview_ratio_vs_static',
        goal: 2,
        app: {
          name: 'overview_ms',
          value: screens.overviewMs,
          label: 'Màn hình Tổng quan (số đếm, hai biểu đồ) trên 5 năm × 170 xã',
        },
        floor: {
          name: 'overview_floor_ms',
          value: screens.overviewFloorMs,
          label: 'Cùng bản dựng hiện trang tĩnh (Hướng dẫn)',
        },
      },
      {
        name: 'rollup_ratio_vs_sql',
        goal: 1.5,
        app: {
          name: 'rollup_ms',
          value: targets.rollupMs,
          label: 'Tổng hợp toàn tỉnh 10 đợt năm × 170 xã theo quy tắc từng chỉ tiêu',
        },
        floor: {
          name: 'rollup_sql_ms',
          value: targets.rollupSqlMs,
          label: 'Một câu GROUP BY mỗi đợt trên cùng số liệu',
        },
      },
      {
        name: 'targets_ratio_vs_sql',
        goal: 1.5,
        app: {
          name: 'targets_eval_ms',
          value: targets.evaluateMs,
          label: 'Đánh giá 50 chỉ tiêu kế hoạch qua 10 năm × 170 xã (102.000 số liệu), trung vị 9 lần',
        },
        floor: {
          name: 'targets_sql_floor_ms',
          value: targets.sqlFloorMs,
          label: 'Chỉ câu truy vấn đọc các số liệu đó',
        },
      },
      {
        name: 'templates170_ratio_vs_write',
        goal: 1.5,
        app: {
          name: 'templates170_s',
          value: templates.appS,
          label: 'Xuất 170 biểu mẫu Excel (102 dòng) kèm thư nháp .eml, từ dữ liệu ra thư mục',
        },
        floor: { name: 'templates170_floor_s', value: templates.floorS, label: 'exceljs ghi cùng 170 sổ Excel ra đĩa' },
      },
      {
        name: 'appendix_ratio_vs_docx',
        goal: 1.5,
        app: {
          name: 'appendix170_ms',
          value: appendix170.appMs,
          label: 'Phụ lục Word 102 dòng × 170 xã và toàn tỉnh, trung vị 3 lần',
        },
        floor: {
          name: 'appendix170_floor_ms',
          value: appendix170.floorMs,
          label: 'Thư viện docx ghi cùng các ô vào bảng cùng số cột',
        },
      },
      {
        name: 'insert_ratio_vs_raw',
        goal: null,
        app: { name: 'insert500k_ms', value: insert.kyselyMs, label: 'Ghi 500.000 giá trị qua kysely (một giao dịch)' },
        floor: { name: 'insert500k_raw_ms', value: insert.rawMs, label: 'Câu lệnh chuẩn bị sẵn của better-sqlite3' },
      },
      {
        name: 'send_ratio_vs_bare',
        goal: null,
        app: { name: 'send170_s', value: send.sendS, label: 'Gửi biểu mẫu cho 170 xã qua SMTP thử trên 127.0.0.1' },
        floor: { name: 'send170_floor_s', value: send.floorS, label: 'nodemailer trần, cùng 170 thư, một kết nối' },
      },
      {
        name: 'msg_ratio_vs_cfb',
        goal: null,
        app: {
          name: 'msg_many_recipients_ms',
          value: hostile.msgMs,
          label: 'Đọc thư Outlook 1.000 người nhận, 10 thư đính kèm (3 MB), trung vị 5 lần',
        },
        floor: {
          name: 'msg_cfb_floor_ms',
          value: hostile.msgCfbMs,
          label: 'Chỉ đọc cấu trúc tệp của cùng thư bằng cfb',
        },
      },
    ];
    /** Figures of their own, with the bound each must keep where it has one (for information: machines differ). */
    const figures: Figure[] = [
      {
        name: 'open_db_ms',
        value: openMs,
        label: 'Mở tệp dữ liệu 500.000 giá trị (kiểm tra toàn vẹn + nâng cấp), trung vị 5 lần',
      },
      {
        name: 'office_import_again_s',
        value: office.againS,
        label: 'Nhập lại bản sao sau của cùng cơ sở dữ liệu (không có gì mới)',
      },
      {
        name: 'appendix_docx_ms',
        value: appendixMs,
        label: 'Ghi phụ lục Word 102 dòng × 15 cột số liệu, trung vị 7 lần',
      },
      {
        name: 'matrix_interactive_ms',
        value: checking.matrixInteractiveMs,
        label: 'Bảng tổng hợp 100 chỉ tiêu × 150 đơn vị hiện tổng toàn tỉnh trong Chromium, từ lúc mở trang',
      },
      {
        name: 'edit_store_ms',
        value: checking.editStoreMs,
        label: 'Lưu một số liệu sửa (kiểm tra lại cả báo cáo), từ trang qua IPC, trung vị 60 lần',
      },
      {
        name: 'hostile_peak_rss_mb',
        value: hostile.peakMb,
        label: `Bộ nhớ cao nhất của cả tiến trình khi nhập từng tệp độc hại (cao nhất: ${hostile.worstFile}); mục tiêu ≤ 600 MB`,
      },
    ];
    if (json) {
      const all = [
        ...ratios.flatMap((r) => [r.app, r.floor, { name: r.name, value: r.app.value / r.floor.value }]),
        ...figures,
      ];
      process.stdout.write(
        `${JSON.stringify(Object.fromEntries(all.map((f) => [f.name, Math.round(f.value * 100) / 100])))}\n`,
      );
    } else {
      printRatios(ratios);
      process.stdout.write('\n');
      const width = Math.max(...figures.map((f) => f.name.length));
      for (const f of figures) process.stdout.write(`${f.name.padEnd(width)}  ${show(f).padStart(10)}  ${f.label}\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
