import { ErrorMessage } from '../../ui/ErrorMessage';
import { useOpenLogFolder } from './queries';

/** Where the app writes what it did and every error, for the office to send to whoever supports it. */
export function LogCard() {
  const open = useOpenLogFolder();
  return (
    <section className="card" aria-label="Nhật ký hoạt động">
      <h2>Nhật ký hoạt động</h2>
      <p className="muted">
        Phần mềm ghi lại các bước khởi động, nâng cấp dữ liệu, sao lưu, các lần nhập tệp và mọi lỗi vào tệp nhật ký
        (pcmd.log). Khi cần hỗ trợ kỹ thuật, hãy gửi kèm tệp này; nhật ký không chứa mật khẩu.
      </p>
      <button type="button" onClick={() => open.mutate()} disabled={open.isPending}>
        Mở thư mục nhật ký
      </button>
      <ErrorMessage error={open.error} />
    </section>
  );
}
