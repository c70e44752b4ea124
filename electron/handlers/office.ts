import type { ServiceContext } from '../services/context';
import { chooseAndImportOfficeDatabase } from '../services/office/import-office';
import type { FeatureHandlers } from './types';

export function officeHandlers(ctx: ServiceContext): FeatureHandlers<'office'> {
  return {
    'office:import-database': () => chooseAndImportOfficeDatabase(ctx),
  };
}
