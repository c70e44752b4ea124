import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { getFormVersionRows } from '../db/forms/repo';
import { createTestContext } from '../electron/testing/service-context';
import { getRound, listSubmissions } from '../electron/services/rounds/completeness';
import { saveOutgoingServer } from '../electron/services/mail/outgoing-server';
import { sendRoundMail } from '../electron/services/mail/round-mail';
import { unitTemplateFile } from '../electron/services/templates/export-templates';
import { templateSecret } from '../electron/services/templates/identity-signature';
import { officeServerSettings, startSmtpServer } from '../tests/support/smtp-server';
import { seedFormRound, seedProvince } from './province';

const UNITS = 170;

/**
 * A round's forms to 170 communes (the most a province has since July 2025) through a local SMTP server
 * (smtp-server on 127.0.0.1, its own process): each unit's workbook made, recorded in the outbox, sent.
 * The floor is the same 170 workbooks made by the same function and sent by bare nodemailer on one
 * pooled connection, with no outbox, no plan and no checks.
 */
export async function benchSend170(dir: string): Promise<{ sendS: number; floorS: number }> {
  const server = await startSmtpServer();
  const ctx = await createTestContext();
  try {
    const now = ctx.clock().toISOString();
    await seedProvince(ctx.db, { count: UNITS, now, emails: (i) => [`ubnd.xa${i + 1}@tinh.gov.vn`] });
    const { round } = await seedFormRound(ctx, dir);
    await saveOutgoingServer(ctx, officeServerSettings(server));

    let t0 = performance.now();
    const results = await sendRoundMail(ctx, { roundId: round.id, kind: 'forms' });
    const sendS = (performance.now() - t0) / 1000;
    if (results.filter((r) => r.status === 'sent').length !== UNITS || server.received().length !== UNITS)
      throw new Error(`expected ${UNITS} messages sent, got ${server.received().length}`);

    // The floor: the same workbooks, sent by the bare library.
    const summary = await getRound(ctx, round.id);
    const rows = await getFormVersionRows(ctx.db, summary.formVersionId);
    const units = await listSubmissions(ctx, round.id);
    const secret = await templateSecret(ctx.db);
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.port,
      secure: false,
      ignoreTLS: true,
      auth: { user: server.user, pass: server.password },
      pool: true,
      maxConnections: 1,
    });
    t0 = performance.now();
    for (const u of units) {
      const wb = await unitTemplateFile(summary, rows, u, now, secret);
      await transport.sendMail({
        from: 'thuongtruc@syt.test',
        to: u.unitEmails,
        subject: `Đề nghị báo cáo – ${u.unitName}`,
        text: 'Kính gửi.',
        attachments: [{ filename: wb.fileName, content: wb.content }],
      });
    }
    const floorS = (performance.now() - t0) / 1000;
    transport.close();
    if (server.received().length !== 2 * UNITS) throw new Error('floor did not send every message');
    return { sendS, floorS };
  } finally {
    await ctx.dispose();
    server.stop();
  }
}
