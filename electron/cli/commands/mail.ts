import { z } from 'zod';
import { command, dbFile, dbFlag, withContext } from '../command';
import { outgoingServerInput } from '../../../shared/api/mail';
import { mailSecurityLabels } from '../../../shared/domain/mail';
import { saveOutgoingServer } from '../../services/mail/outgoing-server';
import { previewRoundMail, sendRoundMail } from '../../services/mail/round-mail';
import { listCurrentUnitsByCode } from '../../../db/units/repo';
import { getRound } from '../../services/rounds/completeness';
import { AppError } from '../../../shared/errors';
import { id, unitCode } from '../../../shared/api/common-schemas';
import type { SendResult } from '../../../shared/domain/mail';

export const mailCommands = [
  command({
    name: 'mail config',
    usage: `  mail config --db TỆP --host MÁY-CHỦ --port CỔNG --security tls|starttls|none [--user TÊN] [--password-env BIẾN]
              --from ĐỊA-CHỈ [--from-name TÊN] [--signature CHỮ-KÝ] [--receipts] [--json]
                                                  thiết lập máy chủ gửi thư của cơ quan (mật khẩu đọc từ biến môi trường BIẾN khi gửi)`,
    flags: {
      ...dbFlag,
      host: { kind: 'text', field: 'server.host' },
      port: { kind: 'id', field: 'server.port' },
      security: { kind: 'text', field: 'server.security' },
      user: { kind: 'text', field: 'server.user' },
      'password-env': { kind: 'text', field: 'server.passwordEnv' },
      from: { kind: 'text', field: 'server.fromAddress' },
      'from-name': { kind: 'text', field: 'server.fromName' },
      signature: { kind: 'text', field: 'server.signature' },
      receipts: { kind: 'flag', field: 'server.receipts' },
    },
    defaults: { server: { user: '', fromName: '', signature: '', receipts: false } },
    input: z.object({
      db: dbFile,
      server: outgoingServerInput.omit({ password: true }).extend({
        passwordEnv: z
          .string()
          .regex(/^[A-Za-z_][A-Za-z0-9_]{0,100}$/, 'Tên biến môi trường chỉ gồm chữ, số và dấu gạch dưới')
          .optional(),
      }),
    }),
    async run({ db, server }, { print }) {
      const saved = await withContext(db, (ctx) => saveOutgoingServer(ctx, server));
      print(
        saved,
        () =>
          `Đã lưu máy chủ gửi thư ${saved.host}:${saved.port} (${mailSecurityLabels[saved.security]}), gửi từ ${saved.fromAddress}${saved.hasPassword ? '' : '; chưa có mật khẩu'}.`,
      );
      return 0;
    },
  }),
  command({
    name: 'round send',
    usage: `  round send --db TỆP --round ID --kind forms|reminders [--units MÃ,MÃ] [--again] [--cover "CÔNG-VĂN"] [--dry-run] [--json]
                                                  gửi biểu mẫu (hoặc thư nhắc đơn vị chưa gửi) qua máy chủ gửi thư của cơ quan;
                                                  in [{unitCode, to, status, messageId, error}], status: sent, skipped, failed,
                                                  no-address (với --dry-run: dry-run thay cho sent, không gửi gì)`,
    flags: {
      ...dbFlag,
      round: { kind: 'id', field: 'roundId' },
      kind: { kind: 'text' },
      units: { kind: 'list' },
      again: { kind: 'flag' },
      cover: { kind: 'text' },
      'dry-run': { kind: 'flag' },
    },
    input: z.object({
      db: dbFile,
      roundId: id,
      kind: z.enum(['forms', 'reminders'], 'Loại thư là forms (biểu mẫu) hoặc reminders (thư nhắc)'),
      units: z.array(unitCode).max(5000).optional(),
      again: z.boolean().optional(),
      cover: z.string().trim().max(300).optional(),
      dryRun: z.boolean().optional(),
    }),
    async run({ db, roundId, kind, units, again, cover, dryRun }, { io, print }) {
      const out = await withContext(db, async (ctx) => {
        await getRound(ctx, roundId);
        let unitIds: number[] | undefined;
        if (units) {
          const byCode = await listCurrentUnitsByCode(ctx.db);
          const unknown = units.filter((c) => !byCode.has(c));
          if (unknown.length > 0) throw new AppError('invalid-input', `Không có đơn vị mã ${unknown.join(', ')}.`);
          unitIds = units.map((c) => byCode.get(c)!.id);
        }
        const input = {
          roundId,
          kind: kind === 'forms' ? ('forms' as const) : ('reminder' as const),
          ...(unitIds ? { unitIds } : {}),
          ...(again ? { again } : {}),
          ...(cover ? { coverLetter: cover } : {}),
        };
        if (dryRun)
          return (await previewRoundMail(ctx, input)).map((p) => ({
            unitCode: p.unitCode,
            to: p.to,
            status: p.plan === 'send' ? 'dry-run' : p.plan === 'skip' ? 'skipped' : 'no-address',
            messageId: p.plan === 'skip' ? (p.last?.messageId ?? null) : null,
            error: null,
          }));
        const results: SendResult[] = await sendRoundMail(ctx, input, (done, total, label) => {
          if (done < total) io.err(label);
        });
        return results.map((r) => ({
          unitCode: r.unitCode,
          to: r.to,
          status: r.status,
          messageId: r.messageId,
          error: r.error,
        }));
      });
      print(out, () =>
        out.map((r) => `${r.unitCode}\t${r.status}\t${r.to.join(', ')}${r.error ? `\t${r.error}` : ''}`).join('\n'),
      );
      return out.some((r) => r.status === 'failed') ? 1 : 0;
    },
  }),
];
