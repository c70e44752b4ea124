import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { emptyOfficeProfile, type OfficeProfile } from '../../../../shared/domain/office';
import { templatePlaceholders } from '../../../../shared/domain/appendix';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { BackupCard, CheckCard } from './BackupCard';
import { LogCard } from './LogCard';

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
              <input
                value={draft[f.key]}
                placeholder={f.hint}
                maxLength={200}
                onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
              />
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
      <BackupCard />
      <CheckCard />
      <LogCard />
      <TemplateCard />
    </section>
  );
}

/** The office's own Word template for appendices: kept in the database, tried before it is accepted. */
function TemplateCard() {
  const client = useQueryClient();
  const info = useQuery({ queryKey: ['settings', 'template'], queryFn: () => call('settings:get-template', {}) });
  const refresh = () => void client.invalidateQueries({ queryKey: ['settings', 'template'] });
  const choose = useMutation({ mutationFn: () => call('settings:choose-template', {}), onSuccess: refresh });
  const starter = useMutation({ mutationFn: () => call('settings:save-starter-template', {}) });
  const remove = useMutation({ mutationFn: () => call('settings:remove-template', {}), onSuccess: refresh });
  return (
    <section className="card" aria-label="Mẫu Word của cơ quan">
      <h2>Mẫu Word của cơ quan</h2>
      <p className="muted">
        Cơ quan có thể tự trình bày phụ lục trong Word và đặt các ô cần điền trong dấu ngoặc nhọn. Bắt đầu từ mẫu gợi ý,
        sửa trong Word, rồi chọn lại tệp đó.
      </p>
      <ul className="notes">
        {templatePlaceholders.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p data-testid="template-info">
        {info.data
          ? `Đang dùng: ${info.data.fileName}`
          : 'Chưa có mẫu riêng; phụ lục dùng mẫu có sẵn theo Nghị định 30/2020.'}
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => starter.mutate()} disabled={starter.isPending}>
          Lưu mẫu gợi ý…
        </button>
        <button type="button" className="primary" onClick={() => choose.mutate()} disabled={choose.isPending}>
          Chọn mẫu Word…
        </button>
        {info.data && (
          <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
            Bỏ mẫu riêng
          </button>
        )}
        {starter.data && <span className="muted">Đã lưu mẫu gợi ý: {starter.data}</span>}
      </div>
      <ErrorMessage error={info.error ?? choose.error ?? starter.error ?? remove.error} />
    </section>
  );
}
