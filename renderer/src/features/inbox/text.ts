import { formatDate } from '../../../../shared/text/format-vi';
import type { ImportResult } from '../../../../shared/domain/inbox';

export const text = {
  title: 'Hộp thư đến',
  progress: 'Tiến độ nhập',
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
  filters: { all: 'Tất cả', imported: 'Đã nhập', 'needs-review': 'Cần xem lại', rejected: 'Lỗi', handled: 'Đã xử lý' },
  col: {
    importedAt: 'Ngày nhận',
    sentAt: 'Ngày gửi',
    from: 'Người gửi',
    subject: 'Tiêu đề / tệp',
    unit: 'Đơn vị',
    round: 'Đợt báo cáo',
    status: 'Tình trạng',
  },
  details: 'Chi tiết',
  duplicates: 'Trùng với thư đã nhập:',
  showEarlier: 'Xem thư đã nhập',
  handled: {
    title: 'Không cần nhập số liệu',
    help: 'Thư không có số liệu để nhập (hỏi về biểu mẫu, báo đã nhận…): ghi vài chữ vì sao rồi đánh dấu đã xử lý. Thư và tệp gốc vẫn được giữ.',
    note: 'Ghi chú (vì sao không cần nhập)',
    noteHint: 'Ví dụ: Hỏi về cách điền biểu; đã trả lời qua điện thoại',
    mark: 'Đánh dấu đã xử lý',
    done: (at: string, note: string) => `Đã xử lý ngày ${at}: ${note}`,
    reopen: 'Mở lại để xem xét',
  },
  notes: 'Ghi nhận khi nhập',
  attachments: 'Tệp đính kèm',
  review: {
    title: 'Xem lại và nhập',
    help: 'Chọn đơn vị gửi (và đợt báo cáo nếu cần) và kiểm tra từng dòng; phần mềm đọc lại tệp gốc đã lưu với các lựa chọn này.',
    helpNoTable:
      'Thư này không có bảng số liệu nào phần mềm đọc được. Nếu có số liệu (ví dụ trong tệp PDF, ảnh), hãy nhập tay ở bảng nhập liệu của đơn vị; nếu không cần nhập, đánh dấu "Không cần nhập số liệu" bên dưới.',
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
    done: (r: ImportResult) =>
      r.status === 'imported'
        ? `Đã nhập ${r.values} số liệu.`
        : `Kết quả: ${r.status === 'needs-review' ? 'vẫn cần xem lại' : r.status}.`,
  },
  message: {
    show: 'Xem thư',
    hide: 'Ẩn nội dung thư',
    title: 'Nội dung thư',
    help: 'Thư được hiển thị ngay trong phần mềm, chỉ phần chữ; tệp đính kèm chỉ mở được nếu là tài liệu (Excel, Word, PDF, ảnh) và luôn mở bản sao chỉ đọc.',
    from: 'Người gửi',
    to: 'Người nhận',
    sentAt: 'Ngày gửi',
    subject: 'Tiêu đề',
    noSubject: '(không có tiêu đề)',
    cut: 'Nội dung dài, chỉ hiển thị phần đầu.',
    noText: '(thư không có nội dung chữ)',
    attachments: 'Tệp đính kèm',
    open: 'Mở',
    save: 'Lưu bản sao…',
    saved: (p: string) => `Đã lưu bản sao: ${p}`,
    notKept: 'không lưu trong dữ liệu',
    size: (bytes: number) =>
      bytes < 1024
        ? `${bytes} byte`
        : bytes < 1024 * 1024
          ? `${Math.round(bytes / 1024)} KB`
          : `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`,
  },
  grid: {
    noRowsToShow: 'Chưa có thư nào. Kéo thả thư (.eml, .msg) hoặc tệp báo cáo vào đây, hoặc bấm "Nhập tệp…".',
    loadingOoo: 'Đang tải…',
  },
  mailbox: {
    title: 'Hộp thư điện tử (IMAP)',
    host: 'Máy chủ thư',
    port: 'Cổng',
    secure: 'Mã hóa TLS (IMAPS)',
    user: 'Tài khoản',
    password: 'Mật khẩu',
    passwordKept: 'Đã lưu (để trống nếu không đổi)',
    folder: 'Thư mục theo dõi',
    save: 'Lưu thiết lập',
    saved: 'Đã lưu thiết lập hộp thư. Mật khẩu được giữ trong kho khóa của hệ điều hành.',
    lastChecked: (d: string | null) => (d ? `Lần kiểm tra gần nhất: ${formatDate(d)}` : 'Chưa kiểm tra lần nào'),
    help: 'Phần mềm chỉ đọc thư, không xóa hay đánh dấu thư trên máy chủ; mỗi thư chỉ được tải một lần.',
  },
};
