import { z } from 'zod';
import { channel, type FeatureContract } from './channel';
import { id } from './common-schemas';
import type { MessageView } from '../domain/inbox';

/** Originals kept as received: opened, viewed or saved as a copy. */
export const filesContract = {
  'files:open-original': channel<string>()(z.object({ fileId: id }).strict()),
  /** A kept e-mail (.eml, .msg) read for showing inside the app. */
  'files:view-message': channel<MessageView>()(z.object({ fileId: id }).strict()),
  /** Asks where to save a copy of a kept original (marked as from the internet); null when cancelled. */
  'files:save-copy': channel<string | null>()(z.object({ fileId: id }).strict()),
  /** "Mở tệp" / "Mở thư mục" after a save: only what the app itself wrote in this run. */
  'files:open-saved': channel<null>()(
    z.object({ path: z.string().min(1).max(4096), show: z.enum(['file', 'folder']) }).strict(),
  ),
} satisfies FeatureContract<'files'>;
