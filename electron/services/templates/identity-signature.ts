import crypto from 'node:crypto';
import type { Db } from '../../../db/schema';
import { readSetting, writeSetting } from '../../../db/settings/repo';
import type { TemplateIdentity } from './template-layout';

const SECRET_KEY = 'template-identity-secret';

/**
 * The secret that signs the identity hidden in every template the office sends (made once, kept in
 * the database and its backups, never sent anywhere): a unit that edits the hidden sheet to report
 * as another unit, or another round, no longer matches its signature.
 */
export async function templateSecret(db: Db): Promise<string> {
  const kept = await readSetting(db, SECRET_KEY);
  if (kept) return kept;
  const made = crypto.randomBytes(32).toString('hex');
  await writeSetting(db, SECRET_KEY, made);
  return made;
}

/** The signature of what a template's identity decides: its round, form version and unit. */
export function signIdentity(
  secret: string,
  identity: Pick<TemplateIdentity, 'mark' | 'roundId' | 'formVersionId' | 'unitCode'>,
): string {
  return crypto
    .createHmac('sha256', secret)
    .update(`${identity.mark}|${identity.roundId}|${identity.formVersionId}|${identity.unitCode}`)
    .digest('hex')
    .slice(0, 32);
}

export type IdentityCheck = 'signed' | 'unsigned' | 'edited';

/** Whether a returned template's identity is as the office wrote it; templates from before signing carry none. */
export function checkIdentity(secret: string, identity: TemplateIdentity): IdentityCheck {
  if (!identity.signature) return 'unsigned';
  const want = Buffer.from(signIdentity(secret, identity));
  const got = Buffer.from(identity.signature);
  return want.length === got.length && crypto.timingSafeEqual(want, got) ? 'signed' : 'edited';
}
