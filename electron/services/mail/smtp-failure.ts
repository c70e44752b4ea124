import type { OutgoingServerSettings } from './outgoing-server';

/** Why a message did not go, in Vietnamese; `connectionLost` stops a batch (the next would fail the same way). */
export interface SendFailure {
  message: string;
  connectionLost: boolean;
}

interface NodemailerError {
  code?: string;
  errno?: string;
  responseCode?: number;
  response?: string;
  rejected?: string[];
  message?: string;
}

/** The server's own words, short and on one line, quoted for whoever has to call the provider. */
function serverWords(e: NodemailerError): string {
  const words = (e.response ?? '').replace(/\s+/g, ' ').trim();
  return words ? `: "${words.slice(0, 200)}"` : '';
}

/**
 * A refusal of the office's mail server told in Vietnamese: login refused, a recipient refused (with the
 * server's code and words), no connection or a connection lost, the encryption not agreed. The password is
 * never part of it: nodemailer's errors do not carry it and only the server's reply text is quoted.
 */
export function describeSmtpFailure(error: unknown, server: OutgoingServerSettings): SendFailure {
  const e = (error ?? {}) as NodemailerError;
  const where = `${server.host}:${server.port}`;
  const network = e.errno ?? e.code ?? '';
  if (e.code === 'EAUTH')
    return {
      message: `Máy chủ gửi thư ${server.host} từ chối đăng nhập: sai tên đăng nhập hoặc mật khẩu của ${server.user || 'tài khoản gửi thư'}${serverWords(e)}.`,
      connectionLost: true,
    };
  if (e.code === 'ETLS' || /certificate|ssl|tls/i.test(e.message ?? ''))
    return {
      message: `Không thiết lập được kết nối mã hóa với máy chủ gửi thư ${where}: hãy kiểm tra kiểu bảo mật (TLS hay STARTTLS) và cổng.`,
      connectionLost: true,
    };
  if (e.code === 'EENVELOPE' || (e.responseCode !== undefined && e.responseCode >= 500 && e.code !== 'EMESSAGE')) {
    const who = e.rejected?.length ? e.rejected.join(', ') : 'người nhận';
    return {
      message: `Máy chủ gửi thư từ chối địa chỉ ${who} (mã ${e.responseCode ?? '5xx'})${serverWords(e)}. Hãy kiểm tra địa chỉ thư của đơn vị.`,
      connectionLost: false,
    };
  }
  if (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500)
    return {
      message: `Máy chủ gửi thư tạm thời chưa nhận thư (mã ${e.responseCode})${serverWords(e)}. Hãy gửi lại sau.`,
      connectionLost: false,
    };
  if (['ECONNREFUSED', 'ENOTFOUND', 'EDNS', 'EHOSTUNREACH', 'ENETUNREACH'].includes(network))
    return {
      message: `Không kết nối được máy chủ gửi thư ${where} (${network}). Hãy kiểm tra địa chỉ máy chủ, cổng và mạng.`,
      connectionLost: true,
    };
  if (
    ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'ETIMEOUT'].includes(network) ||
    e.code === 'ECONNECTION'
  )
    return {
      message: `Mất kết nối với máy chủ gửi thư ${where} khi đang gửi (${network}). Thư này chưa được máy chủ nhận; các thư sau chưa gửi. Hãy kiểm tra mạng rồi gửi lại: thư đã gửi không bị gửi lần nữa.`,
      connectionLost: true,
    };
  if (e.code === 'EMESSAGE')
    return {
      message: `Máy chủ gửi thư không nhận thư này (mã ${e.responseCode ?? '?'})${serverWords(e)}, có thể do tệp đính kèm quá lớn.`,
      connectionLost: false,
    };
  return {
    message: `Máy chủ gửi thư ${where} không nhận thư${serverWords(e)}${e.code ? ` (${e.code})` : ''}.`,
    connectionLost: false,
  };
}
