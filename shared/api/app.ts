import { z } from 'zod';
import { channel, noInput, type FeatureContract } from './channel';

export interface AppStatus {
  version: string;
  databasePath: string;
  isEmpty: boolean;
  counts: { units: number; plans: number; targets: number; tasks: number };
}

/** The window and the app itself: status, printing, clipboard, saving what is shown. */
export const appContract = {
  'app:get-status': channel<AppStatus>()(noInput),
  /** A chart drawn in the page, saved as PNG where the user chooses; null when cancelled. */
  'app:save-png': channel<string | null>()(
    z
      .object({
        name: z.string().trim().min(1).max(200),
        dataUrl: z.string().max(20_000_000, 'Ảnh quá lớn').startsWith('data:image/png;base64,', 'Chỉ lưu được ảnh PNG'),
      })
      .strict(),
  ),
  /** Prints the window (the print preview) with the system's dialog. */
  'app:print': channel<null>()(noInput),
  /** Opens the log files' folder in the system's file manager (to send a log to support). */
  'app:open-log-folder': channel<null>()(noInput),
  /** Puts text (a reminder, a correction request) on the system clipboard. */
  'app:copy-text': channel<null>()(z.object({ text: z.string().min(1).max(100_000) }).strict()),
  /** Saves the window (the print preview) as a PDF where the user chooses; null when cancelled. */
  'app:save-pdf': channel<string | null>()(z.object({ name: z.string().min(1).max(200) }).strict()),
  /** A grid as shown (columns in order, rows after filter and sort) saved as .xlsx where the user chooses; null when cancelled. */
  'app:export-grid': channel<string | null>()(
    z
      .object({
        title: z.string().trim().min(1).max(300),
        columns: z
          .array(z.object({ header: z.string().max(300), width: z.number().min(0).max(5000) }).strict())
          .min(1)
          .max(400),
        rows: z.array(z.array(z.union([z.string().max(5000), z.number().finite(), z.null()])).max(400)).max(50_000),
      })
      .strict(),
  ),
} satisfies FeatureContract<'app'>;
