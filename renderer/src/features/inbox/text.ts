import type { ImportResult } from '../../../../shared/domain/inbox';

export const text = {
  title: 'Hộp thư đến',
  importFiles: 'Nhập tệp…',
  importFolder: 'Nhập thư mục…',
  checkMail: 'Kiểm tra thư mới',
  importing: 'Đang nhập…',
  dropHint: 'Kéo thả thư (.eml, .msg) hoặc tệp báo cáo (Excel, Word, PDF, .zip) vào đây để nhập.',
  dropActive: 'Thả tệp để nhập',
  tooLarge: (name: string) => `Tệp "${name}" lớn hơn 30 MB nên không nhập.`,
  summary: (results: ImportResult[]) => {
    const n = (s: ImportResult['status']) => results.filter((r) => r.status === s).length;
    return `Đã xử lý ${results.length} tệp: ${n('imported')} đã nhập, ${n('needs-review')} cần xem lại, ${n('duplicate')} trùng, ${n('rejected')} lỗi.`;
  },
  empty: 'Chưa nhận thư hay tệp nào.',
  filters: { all: 'Tất cả', imported: 'Đã nhập', 'needs-review': 'Cần xem lại', rejected: 'Lỗi' },
  col: { importedAt: 'Ngày nhập', from: 'Người gửi', subject: 'Tiêu đề / tệp', unit: 'Đơn vị', round: 'Đợt báo cáo', status: 'Tình trạng' },
  details: 'Chi tiết',
  notes: 'Ghi nhận khi nhập',
  attachments: 'Tệp đính kèm',
  review: {
    title: 'Xem lại và nhập',
    help: 'Chọn đơn vị gửi (và đợt báo cáo nếu cần) và kiểm tra từng dòng; phần mềm đọc lại tệp gốc đã lưu với các lựa chọn này.',
    unit: 'Đơn vị gửi',
    round: 'Đợt báo cáo',
    auto: '(tự xác định)',
    choose: '— chọn —',
    accept: 'Nhập với lựa chọn này',
    tableTitle: (file: string) => `Bảng số liệu trong "${file}" và dòng biểu mẫu tương ứng`,
    col: { cell: 'Ô', text: 'Nội dung đơn vị ghi', value: 'Số liệu', formRow: 'Dòng của biểu mẫu' },
    rowChoice: (row: string) => `Dòng biểu mẫu cho "${row}"`,
    noRow: '— không nhập —',
    weak: 'Chỉ gần giống: hãy xác nhận hoặc chọn lại.',
    unmatched: 'Không khớp dòng nào: chọn dòng nếu cần nhập.',
    done: (r: ImportResult) => (r.status === 'imported' ? `Đã nhập ${r.values} số liệu.` : `Kết quả: ${r.status === 'needs-review' ? 'vẫn cần xem lại' : r.status}.`),
  },
  grid: { noRowsToShow: 'Không có thư nào', loadingOoo: 'Đang tải…' },
};
