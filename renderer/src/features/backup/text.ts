import { formatDateTime } from '../../../../shared/text/format-vi';

/** Vietnamese text of backups, restoring one and the database check. */
export const text = {
  backup: {
    title: 'Sao lưu dữ liệu',
    last: (at: string, kind: string) => `Bản sao lưu gần nhất: ${formatDateTime(at)} (${kind}).`,
    none: 'Chưa có bản sao lưu nào.',
    policy: (folder: string) =>
      `Phần mềm tự sao lưu mỗi ngày khi mở và trước khi nâng cấp; giữ 7 bản hằng ngày, 4 bản hằng tuần và 12 bản hằng tháng, gồm cả các tệp gốc đã nhận. Thư mục: ${folder}`,
    mirror: (folder: string) => `Nơi lưu thứ hai: ${folder}`,
    noMirror: 'Chưa chọn nơi lưu thứ hai (USB, thư mục mạng).',
    taking: 'Đang sao lưu…',
    take: 'Sao lưu ngay',
    chooseMirror: 'Chọn nơi lưu thứ hai…',
    taken: 'Đã sao lưu.',
    list: (n: number) => `Các bản sao lưu (${n})`,
    inspect: 'Xem để khôi phục…',
    inspectLabel: (at: string) => `Xem để khôi phục bản ${formatDateTime(at)}`,
  },
  restore: {
    region: 'Khôi phục bản sao lưu',
    title: (at: string | null) => `Khôi phục bản sao lưu ${at ? formatDateTime(at) : ''}`,
    contents: 'Nội dung bản sao lưu',
    units: 'Đơn vị',
    plans: 'Kế hoạch',
    rounds: 'Đợt báo cáo',
    values: 'Số liệu',
    files: 'Tệp gốc đã nhận',
    newestChange: 'Số liệu sửa gần nhất',
    refused: (problems: string[]) => `Không khôi phục được bản này: ${problems.join('; ')}`,
    understood:
      'Dữ liệu hiện tại sẽ được thay bằng bản sao lưu này (dữ liệu hiện tại được sao lưu trước, có thể lấy lại).',
    restoring: 'Đang khôi phục…',
    restore: 'Khôi phục bản này',
    cancel: 'Hủy',
    done: (safetyCopy: string) => `Đã khôi phục. Dữ liệu trước khi khôi phục được giữ ở bản sao lưu ${safetyCopy}.`,
  },
  check: {
    title: 'Kiểm tra dữ liệu',
    help: 'Mỗi lần mở, phần mềm kiểm tra nhanh cấu trúc tệp dữ liệu. Kiểm tra đầy đủ xem thêm từng tệp gốc đã nhận (mã kiểm tra) và nguồn gốc của từng số liệu.',
    checking: 'Đang kiểm tra…',
    run: 'Kiểm tra đầy đủ',
    ok: 'Dữ liệu đạt kiểm tra đầy đủ.',
    problems: (n: number) => `Phát hiện ${n} vấn đề:`,
  },
};
