import { z } from 'zod';
import { comparators, planTypes, targetKinds, targetScopes, taskStatuses } from '../domain/plans';
import { conditionComparators } from '../domain/plans';
import { unitKinds } from '../domain/units';
import { id, isoDate, year } from './common-schemas';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((s) => (s === '' ? null : s));

/** A target as the office confirms or edits it. */
export const targetInput = z
  .object({
    code: z.string().trim().min(1, 'Cần ký hiệu chỉ tiêu (a, b, 1.2…)').max(20),
    text: z.string().trim().min(1, 'Cần nội dung chỉ tiêu').max(2000),
    kind: z.enum(targetKinds),
    comparator: z.enum(comparators),
    threshold: z.number().finite().min(-1e12).max(1e12),
    thresholdHigh: z.number().finite().min(-1e12).max(1e12).nullable().default(null),
    scope: z.enum(targetScopes).default('province'),
    indicatorId: id.nullable().default(null),
    denominatorIndicatorId: id.nullable().default(null),
    denominatorRegister: optionalText(40),
    unitKind: z.enum(unitKinds).nullable().default(null),
    conditionComparator: z.enum(conditionComparators).nullable().default(null),
    conditionValue: z.number().finite().min(-1e12).max(1e12).nullable().default(null),
    periodFrom: year.nullable().default(null),
    periodTo: year.nullable().default(null),
    deadlineYear: year.nullable().default(null),
    sourceText: optionalText(5000),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.comparator === 'between' && (t.thresholdHigh === null || t.thresholdHigh < t.threshold)) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholdHigh'],
        message: 'Khung "từ … đến …" cần mức trên không nhỏ hơn mức dưới',
      });
    }
    if (t.periodFrom !== null && t.periodTo !== null && t.periodTo < t.periodFrom) {
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'Năm kết thúc sớm hơn năm bắt đầu' });
    }
    if (t.kind === 'yes-no' && t.threshold !== 0 && t.threshold !== 1) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'Chỉ tiêu Có/Không nhận 1 (Có) hoặc 0 (Không)' });
    }
  });
export type TargetInput = z.output<typeof targetInput>;

export const taskInput = z
  .object({
    content: z.string().trim().min(1, 'Cần nội dung nhiệm vụ').max(5000),
    leadUnitId: id.nullable().default(null),
    /** The lead agency as the plan writes it, kept whether or not it matched a unit. */
    leadText: optionalText(300),
    coordinatorIds: z.array(id).max(500).default([]),
    deadline: isoDate.nullable().default(null),
  })
  .strict();
export type TaskInput = z.output<typeof taskInput>;

export const planInput = z
  .object({
    programmeId: id.nullable().default(null),
    docNumber: optionalText(60),
    docDate: isoDate.nullable().default(null),
    issuer: z.string().trim().min(1, 'Cần cơ quan ban hành').max(300),
    signer: optionalText(200),
    type: z.enum(planTypes),
    title: z.string().trim().min(1, 'Cần tên kế hoạch').max(1000),
    periodStart: year,
    periodEnd: year,
    legalBasis: optionalText(5000),
    fullText: optionalText(500_000),
    targets: z.array(targetInput).max(300).default([]),
    tasks: z.array(taskInput).max(500).default([]),
  })
  .strict()
  .refine((p) => p.periodEnd >= p.periodStart, { path: ['periodEnd'], message: 'Năm kết thúc sớm hơn năm bắt đầu' });
export type PlanInput = z.output<typeof planInput>;

export const taskUpdate = z
  .object({
    taskId: id,
    status: z.enum(taskStatuses.filter((s) => s !== 'overdue') as ['not-started', 'in-progress', 'done']).optional(),
    note: z.string().trim().min(1, 'Ghi chú trống').max(5000).optional(),
  })
  .strict();
