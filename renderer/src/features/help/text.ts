/** The guide: a round from its form to the signed appendix, step by step, each step with where it is done. */
export const text = {
  title: 'Hướng dẫn',
  intro:
    'Một đợt báo cáo đi từ biểu mẫu đến phụ lục ký gửi cấp trên qua các bước dưới đây. Mỗi bước có liên kết tới màn hình làm bước đó.',
  steps: [
    {
      title: '1. Chuẩn bị một lần',
      body: 'Ghi thông tin cơ quan (tên cơ quan, cơ quan cấp trên, địa danh, người ký) để phần đầu và chữ ký của văn bản đúng thể thức. Nhập danh sách đơn vị báo cáo kèm địa chỉ thư điện tử của từng đơn vị: phần mềm nhận ra đơn vị gửi theo địa chỉ này.',
      links: [
        { href: '#/settings', label: 'Cài đặt' },
        { href: '#/units', label: 'Đơn vị' },
      ],
    },
    {
      title: '2. Biểu mẫu',
      body: 'Nhập phụ lục (Word hoặc Excel) Bộ hoặc tỉnh gửi: phần mềm đọc cây chỉ tiêu (STT, nội dung, đơn vị tính, dòng "Trong đó"). Xem lại, sửa dòng nếu cần rồi lưu. Có thể thêm quy tắc kiểm tra riêng (ví dụ tổng các dòng phải bằng dòng tổng).',
      links: [{ href: '#/forms', label: 'Biểu mẫu' }],
    },
    {
      title: '3. Tạo đợt báo cáo',
      body: 'Chọn biểu mẫu, kỳ báo cáo (2025, 2025-H1, 2016-2020…), ngày chốt số liệu, hạn gửi và các đơn vị phải báo cáo (chọn tất cả, theo cấp, hoặc từng đơn vị).',
      links: [{ href: '#/rounds', label: 'Đợt báo cáo' }],
    },
    {
      title: '4. Gửi biểu mẫu cho đơn vị',
      body: 'Ở "Tiến độ nhận báo cáo", xuất biểu mẫu Excel riêng cho từng đơn vị (đã ghi sẵn mã nhận diện) kèm thư nháp. Đơn vị chưa có địa chỉ thư được nêu tên để bổ sung.',
      links: [{ href: '#/rounds', label: 'Tiến độ nhận báo cáo' }],
    },
    {
      title: '5. Nhận báo cáo',
      body: 'Kéo thả thư (.eml, .msg) hoặc tệp Excel, Word vào Hộp thư đến, hoặc kiểm tra hộp thư của cơ quan. Phần mềm đọc số liệu, nhận ra đơn vị và đợt; thư cần xem lại được đánh dấu để chọn đơn vị, đợt và dòng. Thư không có số liệu thì đánh dấu "Không cần nhập số liệu" kèm ghi chú.',
      links: [{ href: '#/inbox', label: 'Hộp thư đến' }],
    },
    {
      title: '6. Kiểm tra, sửa và duyệt',
      body: 'Bấm vào một đơn vị ở "Tiến độ nhận báo cáo" để xem số liệu như trong Excel: bấm vào một lỗi để đến dòng đó, Ctrl+F để tìm chỉ tiêu, gõ hoặc dán để sửa, Ctrl+Z để hoàn tác (phần mềm nói rõ đã hoàn tác số nào). Khi đúng, "Duyệt và khóa"; cần sửa sau đó thì "Mở khóa" và ghi lý do. "Soạn đề nghị sửa" soạn thư gửi đơn vị.',
      links: [{ href: '#/rounds', label: 'Đợt báo cáo' }],
    },
    {
      title: '7. Tổng hợp',
      body: '"Bảng tổng hợp" cộng số liệu các đơn vị theo quy tắc của từng chỉ tiêu; bấm vào một số để xem nguồn gốc (thư, tệp, ô). "Chốt số liệu gửi cấp trên" giữ nguyên tổng đã gửi; sửa sau đó hiện bên cạnh. "Theo địa giới ngày" quy đổi số liệu về các đơn vị của một ngày (sau sáp nhập, chia tách).',
      links: [{ href: '#/rounds', label: 'Bảng tổng hợp' }],
    },
    {
      title: '8. Xuất phụ lục và báo cáo',
      body: '"Xuất…" ghi phụ lục Word theo Nghị định 30/2020 (toàn tỉnh hoặc từng đơn vị), sổ Excel, hoặc theo mẫu Word của cơ quan; sau khi lưu có "Mở tệp" và "Mở thư mục". "Xem trước khi in" để in hoặc lưu PDF. Dự thảo báo cáo kết quả thực hiện kế hoạch ở trang Kế hoạch.',
      links: [
        { href: '#/rounds', label: 'Đợt báo cáo' },
        { href: '#/plans', label: 'Kế hoạch, chỉ tiêu' },
      ],
    },
    {
      title: '9. Chỉ tiêu của kế hoạch',
      body: 'Thêm kế hoạch bằng cách dán văn bản: phần mềm đề xuất chỉ tiêu và nhiệm vụ để xem lại. Gắn mỗi chỉ tiêu với chỉ tiêu thống kê của biểu mẫu (và mẫu số nếu là tỷ lệ, có thể là sổ theo dõi của văn phòng). Kết quả từng năm, và của đợt tổng kết giai đoạn, hiện thành đèn xanh, vàng, đỏ; bấm để xem cách tính.',
      links: [{ href: '#/plans', label: 'Kế hoạch, chỉ tiêu' }],
    },
  ],
};
