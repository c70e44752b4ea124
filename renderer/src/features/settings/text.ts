import type { OfficeProfile } from '../../../../shared/domain/office';

/** Vietnamese text of the settings screen: the office's details, its Word template, the log. */
export const text = {
  title: 'Cài đặt',
  office: {
    title: 'Thông tin cơ quan trên văn bản',
    help: 'Dùng cho phần đầu, số hiệu, địa danh và chữ ký của phụ lục, báo cáo xuất ra Word.',
    save: 'Lưu',
    saved: 'Đã lưu.',
  },
  fields: [
    { key: 'parentBody', label: 'Cơ quan cấp trên', hint: 'UBND TỈNH QUẢNG NGÃI' },
    { key: 'officeName', label: 'Tên cơ quan (chữ in hoa)', hint: 'SỞ Y TẾ' },
    { key: 'officeNameInText', label: 'Tên cơ quan trong câu', hint: 'Sở Y tế' },
    { key: 'symbol', label: 'Chữ viết tắt trong số hiệu', hint: 'SYT (như 05/BC-SYT)' },
    { key: 'place', label: 'Địa danh ghi ngày tháng', hint: 'Quảng Ngãi' },
    { key: 'signAuthority', label: 'Thẩm quyền ký', hint: 'KT. GIÁM ĐỐC (để trống nếu thủ trưởng ký)' },
    { key: 'signerTitle', label: 'Chức vụ người ký', hint: 'PHÓ GIÁM ĐỐC' },
    { key: 'signerName', label: 'Họ tên người ký', hint: '' },
    { key: 'preparerName', label: 'Họ tên người lập biểu', hint: '' },
  ] satisfies { key: keyof OfficeProfile; label: string; hint: string }[],
  template: {
    title: 'Mẫu Word của cơ quan',
    help: 'Cơ quan có thể tự trình bày phụ lục trong Word và đặt các ô cần điền trong dấu ngoặc nhọn. Bắt đầu từ mẫu gợi ý, sửa trong Word, rồi chọn lại tệp đó.',
    using: (fileName: string) => `Đang dùng: ${fileName}`,
    none: 'Chưa có mẫu riêng; phụ lục dùng mẫu có sẵn theo Nghị định 30/2020.',
    saveStarter: 'Lưu mẫu gợi ý…',
    choose: 'Chọn mẫu Word…',
    remove: 'Bỏ mẫu riêng',
    starterSaved: (file: string) => `Đã lưu mẫu gợi ý: ${file}`,
  },
  check: {
    title: 'Chưa có thông tin cơ quan',
    message: (fields: string[]) =>
      `Chưa ghi ${fields.join(', ')} trong Cài đặt: phần đầu và chữ ký của văn bản sẽ để "…". Nên ghi trước khi xuất.`,
    fill: 'Ghi thông tin cơ quan',
    goOn: 'Vẫn xuất',
    cancel: 'Hủy',
  },
  log: {
    title: 'Nhật ký hoạt động',
    help: 'Phần mềm ghi lại các bước khởi động, nâng cấp dữ liệu, sao lưu, các lần nhập tệp và mọi lỗi vào tệp nhật ký (pcmd.log). Khi cần hỗ trợ kỹ thuật, hãy gửi kèm tệp này; nhật ký không chứa mật khẩu.',
    open: 'Mở thư mục nhật ký',
  },
};
