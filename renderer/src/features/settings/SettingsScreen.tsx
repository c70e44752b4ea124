import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { emptyOfficeProfile, type OfficeProfile } from '../../../../shared/domain/office';
import { ErrorMessage } from '../../ui/ErrorMessage';

const fields: { key: keyof OfficeProfile; label: string; hint: string }[] = [
  { key: 'parentBody', label: 'Cơ quan cấp trên', hint: 'UBND TỈNH QUẢNG NGÃI' },
  { key: 'officeName', label: 'Tên cơ quan (chữ in hoa)', hint: 'SỞ Y TẾ' },
  { key: 'officeNameInText', label: 'Tên cơ quan trong câu', hint: 'Sở Y tế' },
  { key: 'symbol', label: 'Chữ viết tắt trong số hiệu', hint: 'SYT (như 05/BC-SYT)' },
  { key: 'place', label: 'Địa danh ghi ngày tháng', hint: 'Quảng Ngãi' },
  { key: 'signAuthority', label: 'Thẩm quyền ký', hint: 'KT. GIÁM ĐỐC (để trống nếu thủ trưởng ký)' },
  { key: 'signerTitle', label: 'Chức vụ người ký', hint: 'PHÓ GIÁM ĐỐC' },
  { key: 'signerName', label: 'Họ tên người ký', hint: '' },
  { key: 'preparerName', label: 'Họ tên người lập biểu', hint: '' },
];

/** The office's own details that every document it produces carries. */
export function SettingsScreen() {
  const client = useQueryClient();
  const office = useQuery({ queryKey: ['settings', 'office'], queryFn: () => call('settings:get-office', {}) });
  const save = useMutation({
    mutationFn: (p: OfficeProfile) => call('settings:save-office', p),
    onSuccess: (p) => client.setQueryData(['settings', 'office'], p),
  });
  const [draft, setDraft] = useState<OfficeProfile>(emptyOfficeProfile);
  useEffect(() => {
    if (office.data) setDraft(office.data);
  }, [office.data]);
  return (
    <section>
      <h1>Cài đặt</h1>
      <form
        className="card"
        aria-label="Thông tin cơ quan trên văn bản"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft);
        }}
      >
        <h2>Thông tin cơ quan trên văn bản</h2>
        <p className="muted">Dùng cho phần đầu, số hiệu, địa danh và chữ ký của phụ lục, báo cáo xuất ra Word.</p>
        <div className="form-grid">
          {fields.map((f) => (
            <label key={f.key}>
              {f.label}
              <input value={draft[f.key]} placeholder={f.hint} maxLength={200} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} />
            </label>
          ))}
        </div>
        <button type="submit" className="primary" disabled={save.isPending}>
          Lưu
        </button>
        {save.isSuccess && (
          <span className="muted" role="status">
            {' '}
            Đã lưu.
          </span>
        )}
        <ErrorMessage error={office.error ?? save.error} />
      </form>
    </section>
  );
}
