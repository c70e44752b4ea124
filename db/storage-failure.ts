/**
 * What a SQLite or file-system failure means for the user, in Vietnamese; the library's own text
 * ("file is not a database", "EACCES: permission denied") goes to the log as the error's cause.
 */
const reasons: [RegExp, string][] = [
  [/not a database|file is encrypted/i, 'tệp không phải cơ sở dữ liệu của phần mềm'],
  [/malformed|corrupt|disk image/i, 'tệp dữ liệu bị hỏng'],
  [/locked|busy|EBUSY/i, 'tệp đang được chương trình khác dùng'],
  [/readonly|read-only|EACCES|EPERM|permission/i, 'không có quyền đọc hoặc ghi ở đó'],
  [/ENOSPC|disk is full|database or disk is full/i, 'ổ đĩa đã đầy'],
  [/ENOENT|no such file|unable to open/i, 'không tìm thấy tệp hoặc thư mục'],
  [/FOREIGN KEY|constraint/i, 'dữ liệu không nhất quán (ràng buộc giữa các bảng bị vi phạm)'],
];

export function storageFailureReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return reasons.find(([pattern]) => pattern.test(text))?.[1] ?? 'lỗi khi đọc hoặc ghi tệp dữ liệu';
}
