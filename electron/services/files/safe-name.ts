import { foldText } from '../../../shared/text/fold';

/**
 * A file name made from office data (a unit's code and name): ASCII letters, digits and dashes only,
 * so no name can choose a folder, a device (CON, NUL…) or an extension.
 */
export function safeFileStem(...parts: string[]): string {
  const stem = parts
    .map((p) =>
      foldText(p)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-')
    .slice(0, 80)
    .replace(/-+$/, '');
  return /^(con|prn|aux|nul|com\d|lpt\d)$/.test(stem) || stem === '' ? `tep-${stem || 'khong-ten'}` : stem;
}
