import { formatDateTime } from '../../../../shared/text/format-vi';

export const text = {
  server: {
    title: 'Máy chủ gửi thư của cơ quan (SMTP)',
    help: 'Phần mềm gửi biểu mẫu, thư nhắc, đề nghị sửa qua máy chủ thư của cơ quan, chỉ đến địa chỉ có trong danh sách đơn vị hoặc địa chỉ của cơ quan. Mật khẩu được giữ trong kho khóa của hệ điều hành.',
    host: 'Máy chủ gửi thư',
    port: 'Cổng',
    security: 'Bảo mật kết nối',
    noneWarning:
      'Không mã hóa: mật khẩu và nội dung thư đi qua mạng không được bảo vệ. Chỉ dùng khi máy chủ thư nằm trong mạng nội bộ của cơ quan.',
    user: 'Tài khoản đăng nhập',
    password: 'Mật khẩu',
    passwordKept: 'Đã lưu (để trống nếu không đổi)',
    fromAddress: 'Địa chỉ gửi đi',
    fromName: 'Tên người gửi',
    fromNameHint: 'Sở Y tế tỉnh Quảng Ngãi',
    signature: 'Chữ ký cuối thư (người liên hệ, điện thoại)',
    signatureHint: 'Phòng Phòng, chống tệ nạn xã hội – ĐT 0255 3822 123',
    receipts: 'Gửi thư báo đã nhận cho đơn vị sau khi nhập báo cáo (kèm số liệu đọc được và lỗi cần sửa)',
    save: 'Lưu thiết lập',
    saved: 'Đã lưu thiết lập máy chủ gửi thư.',
    test: 'Gửi thử',
    testing: 'Đang gửi thử…',
    tested: (to: string) => `Đã gửi thư thử đến ${to}. Hãy mở hộp thư của cơ quan để xem thư đã đến.`,
  },
  send: {
    formsTitle: 'Gửi biểu mẫu cho đơn vị qua thư điện tử',
    reminderTitle: 'Gửi thư nhắc đơn vị chưa gửi báo cáo',
    formsHelp:
      'Mỗi đơn vị nhận một thư với biểu mẫu Excel riêng của đơn vị. Đơn vị đã được gửi sẽ không bị gửi lại, trừ khi chọn "Gửi lại cả đơn vị đã gửi".',
    reminderHelp:
      'Thư nhắc gửi đến từng đơn vị chưa gửi báo cáo (hoặc bị trả lại). Mỗi đơn vị nhận nhiều nhất một thư nhắc một ngày, trừ khi chọn "Gửi lại".',
    coverLetter: 'Theo văn bản (số, ngày; để trống nếu không có)',
    coverLetterHint: 'Công văn số 45/SYT-NV ngày 15/6/2025',
    again: 'Gửi lại cả đơn vị đã gửi',
    summary: (send: number, skip: number, noAddress: number) =>
      `Sẽ gửi ${send} thư${skip ? ` · ${skip} đơn vị đã gửi trước đó (bỏ qua)` : ''}${noAddress ? ` · ${noAddress} đơn vị chưa có địa chỉ thư` : ''}.`,
    noAddress: (names: string[]) =>
      `Chưa có địa chỉ thư điện tử nên không gửi được: ${names.join(', ')}. Hãy thêm địa chỉ ở trang Đơn vị, hoặc gửi bằng đường khác.`,
    goToUnits: 'Đến trang Đơn vị',
    col: { unit: 'Đơn vị', to: 'Gửi đến', plan: 'Sẽ làm', result: 'Kết quả' },
    plan: {
      send: 'Sẽ gửi',
      'no-address': 'Chưa có địa chỉ',
      skip: (at: string, maybe: boolean) =>
        maybe ? `Có thể đã gửi ${formatDateTime(at)} (bỏ qua)` : `Đã gửi ${formatDateTime(at)} (bỏ qua)`,
    },
    previewTitle: 'Thư sẽ gửi',
    previewOf: (unit: string) => `Thư gửi ${unit}`,
    subject: 'Tiêu đề',
    to: 'Gửi đến',
    attachment: 'Tệp đính kèm',
    submit: (n: number) => `Gửi ${n} thư`,
    sending: 'Đang gửi…',
    close: 'Đóng',
    progress: 'Tiến độ gửi thư',
    status: { sent: 'Đã gửi', skipped: 'Bỏ qua (đã gửi)', failed: 'Không gửi được', 'no-address': 'Chưa có địa chỉ' },
    done: (sent: number, failed: number) =>
      `Đã gửi ${sent} thư${failed ? `; ${failed} thư không gửi được (xem lý do từng đơn vị; gửi lại sẽ chỉ gửi các thư này)` : ''}.`,
    needServer: 'Chưa thiết lập máy chủ gửi thư của cơ quan.',
    setServer: 'Thiết lập ở trang Cài đặt',
  },
  sent: {
    title: 'Thư đã gửi',
    gridTitle: (round: string) => `Thư đã gửi - ${round}`,
    col: {
      at: 'Thời gian',
      kind: 'Loại thư',
      unit: 'Đơn vị',
      to: 'Gửi đến',
      subject: 'Tiêu đề',
      status: 'Tình trạng',
      error: 'Lý do / ghi chú',
      messageId: 'Mã thư (Message-ID)',
    },
    grid: { noRowsToShow: 'Chưa gửi thư nào trong đợt này.', loadingOoo: 'Đang tải…' },
    maybeHelp:
      '"Có thể đã gửi": phần mềm dừng khi đang gửi thư này. Hãy hỏi đơn vị hoặc xem thư đã gửi trên máy chủ; muốn gửi lại, chọn "Gửi lại cả đơn vị đã gửi".',
  },
  correction: {
    send: 'Gửi thư',
    sending: 'Đang gửi…',
    sent: (to: string[]) => `Đã gửi đề nghị sửa đến ${to.join(', ')}.`,
    noAddress: 'Đơn vị chưa có địa chỉ thư điện tử: hãy lưu thư nháp hoặc sao chép nội dung để gửi bằng đường khác.',
  },
};
