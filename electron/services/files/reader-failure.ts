/**
 * What a reader library's failure means for the user, in Vietnamese: its own text (English, about
 * its internals: "Header Signature: Expected…", "Cannot read properties of undefined…") is never
 * shown; it travels as the error's cause to the log.
 */
const reasons: [RegExp, string][] = [
  [/encrypt|password|protected/i, 'tệp có đặt mật khẩu hoặc bị mã hóa'],
  [
    /end of (data|file|stream)|unexpected end|truncat|premature|short read|out of range|offset|beyond/i,
    'tệp bị cắt cụt hoặc không trọn vẹn',
  ],
  [/header signature|cfb|sector|fat|difat|directory|compound|ole/i, 'cấu trúc tệp Office cũ bị hỏng'],
  [/zip|deflate|inflate|crc|central directory|compression/i, 'phần nén bên trong tệp bị hỏng'],
  [/unsupported|not supported|unknown (file )?format|version/i, 'định dạng hoặc phiên bản tệp không được hỗ trợ'],
];

export function readerFailureReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return reasons.find(([pattern]) => pattern.test(text))?.[1] ?? 'tệp bị hỏng hoặc không đúng định dạng';
}
