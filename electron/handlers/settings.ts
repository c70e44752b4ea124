import path from 'node:path';
import type { ServiceContext } from '../services/context';
import { MAX_FORM_FILE_BYTES } from '../services/forms/import-form';
import { readFileWithinLimit } from '../services/files/limits';
import { saveAs } from '../services/files/save-as';
import {
  getOfficeTemplateInfo,
  installOfficeTemplate,
  removeOfficeTemplate,
  starterTemplate,
} from '../services/export/office-template';
import { getOfficeProfile, saveOfficeProfile } from '../services/settings/office-profile';
import type { FeatureHandlers } from './types';

export function settingsHandlers(ctx: ServiceContext): FeatureHandlers<'settings'> {
  return {
    'settings:get-office': () => getOfficeProfile(ctx.db),
    'settings:get-template': () => getOfficeTemplateInfo(ctx),
    'settings:choose-template': async () => {
      const filePath = await ctx.platform.chooseFile({
        title: 'Chọn mẫu Word của cơ quan',
        filters: [{ name: 'Word (.docx)', extensions: ['docx'] }],
      });
      if (filePath === null) return null;
      return installOfficeTemplate(ctx, path.basename(filePath), readFileWithinLimit(filePath, MAX_FORM_FILE_BYTES));
    },
    'settings:save-starter-template': async () =>
      saveAs(
        ctx,
        {
          title: 'Lưu mẫu Word gợi ý',
          defaultName: 'mau-phu-luc.docx',
          filterName: 'Word (.docx)',
          extension: 'docx',
          madeByApp: true,
        },
        await starterTemplate(),
      ),
    'settings:remove-template': async () => {
      await removeOfficeTemplate(ctx);
      return null;
    },
    'settings:save-office': (input) => saveOfficeProfile(ctx.db, input),
  };
}
