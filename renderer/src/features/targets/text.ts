/** Vietnamese text of the office's own registers. */
export const text = {
  registers: {
    back: '← Kế hoạch, chỉ tiêu',
    title: 'Sổ theo dõi của văn phòng',
    help: 'Số liệu văn phòng tự theo dõi theo từng đơn vị và từng năm (số cơ sở kinh doanh dịch vụ dễ bị lợi dụng, số xã…), dùng làm mẫu số cho chỉ tiêu như "kiểm tra ít nhất 20% số cơ sở". Dán một cột số từ Excel vào một ô: các số điền xuống các dòng dưới.',
    choose: 'Sổ theo dõi',
    newRegister: '+ Sổ mới',
    code: 'Mã sổ',
    codeHint: 'CSKD',
    name: 'Tên sổ',
    nameHint: 'Số cơ sở kinh doanh dịch vụ dễ bị lợi dụng',
    measureUnit: 'Đơn vị tính',
    fromYear: 'Từ năm',
    unit: 'Đơn vị',
    tableLabel: 'Số liệu của sổ theo từng đơn vị và năm',
    cell: (unit: string, year: number) => `${unit}, năm ${year}`,
    notNumbers: (n: number) => `${n} ô không phải là số (ví dụ 1.234 hoặc 12,5); hãy sửa trước khi lưu.`,
    saving: 'Đang lưu…',
    save: (n: number) => (n === 0 ? 'Lưu sổ' : `Lưu sổ (${n} ô thay đổi)`),
    saved: (code: string) => `Đã lưu sổ theo dõi ${code}.`,
  },
};
