import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';
import { officeProfileFields, type OfficeProfile } from '../domain/office';
import { textLimits } from '../domain/limits';

/** The office's details and its own Word template. */
export const settingsContract = {
  'settings:get-office': channel<OfficeProfile>()(noInput),
  /** The office's own Word template for appendices, if one is kept. */
  'settings:get-template': channel<{ fileName: string; storedAt: string } | null>()(noInput),
  /** Asks for a .docx template, tries it on sample figures and keeps it; null when cancelled. */
  'settings:choose-template': channel<{ fileName: string; storedAt: string } | null>()(noInput),
  /** Asks where to save a starting template with every placeholder; null when cancelled. */
  'settings:save-starter-template': channel<string | null>()(noInput),
  'settings:remove-template': channel<null>()(noInput),
  'settings:save-office': channel<OfficeProfile>()(
    z
      .object(
        Object.fromEntries(
          officeProfileFields.map((f) => [
            f,
            z.string().max(textLimits.officeField, `Tối đa ${textLimits.officeField} ký tự`),
          ]),
        ) as Record<keyof OfficeProfile, z.ZodString>,
      )
      .strict(),
  ),
} satisfies FeatureContract<'settings'>;
