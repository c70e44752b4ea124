import { z } from 'zod';
import { isIsoDate } from '../text/format-vi';

/** Pieces every channel's input schema, and every command line's, is built from. */
export const id = z.number().int().positive();
export const isoDate = z.string().refine(isIsoDate, {
  error: (issue) => `Ngày "${String(issue.input)}" không hợp lệ. Ngày phải có dạng YYYY-MM-DD và là ngày có thật.`,
});
export const year = z.number().int().min(1990, 'Năm phải từ 1990').max(2100, 'Năm phải đến 2100');
export const unitCode = z.string().trim().min(1, 'Cần mã đơn vị').max(40);
/** Figures read in the boundaries of a day, and which province of that day. */
export const boundaryChoice = { boundaryDate: isoDate.optional(), province: unitCode.optional() };
