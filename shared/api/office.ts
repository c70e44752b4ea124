import { channel, noInput, type FeatureContract } from './channel';
import type { OfficeImportResult } from '../domain/office-import';

/** Another office's database brought into this one (provinces merged in 2025). */
export const officeContract = {
  'office:import-database': channel<OfficeImportResult | null>()(noInput),
} satisfies FeatureContract<'office'>;
