import { planTypeLabels, type PlanDetail } from '../../../../shared/domain/plans';
import { formatDate } from '../../../../shared/text/format-vi';
import { text } from './text';

export function periodText(p: Pick<PlanDetail, 'periodStart' | 'periodEnd'>): string {
  return p.periodStart === p.periodEnd ? String(p.periodStart) : `${p.periodStart}-${p.periodEnd}`;
}

/** The line under a plan's name: kind, number and date, issuer, period. */
export function planMeta(p: PlanDetail): string {
  return `${planTypeLabels[p.type]} · ${text.number(p.docNumber)}${p.docDate ? ` ngày ${formatDate(p.docDate)}` : ''} · ${text.issuedBy}: ${p.issuer} · ${text.period}: ${periodText(p)}`;
}
