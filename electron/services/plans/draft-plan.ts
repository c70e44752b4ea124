import type { PlanDraft, TaskDraft } from '../../../shared/domain/plan-text';
import { foldText } from '../../../shared/text/fold';
import type { ServiceContext } from '../context';
import { readPlanText } from './read-plan-text';
import { listCurrentUnitRows } from '../../../db/units/repo';

interface KnownUnit {
  id: number;
  name: string;
  kind: string;
  /** The name folded, and without a trailing "tỉnh" ("Đài Phát thanh và Truyền hình tỉnh" is written without it). */
  keys: string[];
}

/** Reads a pasted plan and matches the agencies its tasks name to the office's current units. */
export async function draftPlanFromText(ctx: ServiceContext, text: string): Promise<PlanDraft> {
  const reading = readPlanText(text);
  const units: KnownUnit[] = (await listCurrentUnitRows(ctx.db)).map((u) => {
    const key = foldText(u.name);
    return { ...u, keys: [...new Set([key, key.replace(/ tinh$/, '')])].filter((k) => k.length >= 5) };
  });
  /** The units a text names, in the order it names them. */
  const named = (folded: string) =>
    units
      .map((u) => ({ u, at: Math.min(...u.keys.map((k) => folded.indexOf(k)).filter((i) => i >= 0)) }))
      .filter(({ u, at }) => u.kind !== 'province' && Number.isFinite(at))
      .sort((a, b) => a.at - b.at)
      .map(({ u }) => u);
  const districts = units.filter((u) => u.kind === 'district');
  const tasks: TaskDraft[] = reading.tasks.map((t) => {
    const lead = t.leadName ? (named(foldText(t.leadName))[0] ?? null) : null;
    const content = foldText(t.content);
    const others = named(content).filter((u) => u.id !== lead?.id);
    // "UBND các huyện, thị xã, thành phố", "phối hợp với các huyện…": every district takes part.
    const everyDistrict = /cac huyen, thi xa, thanh pho/.test(content)
      ? districts.filter((d) => d.id !== lead?.id)
      : [];
    const coordinators = [...new Map([...others, ...everyDistrict].map((u) => [u.id, u])).values()];
    return {
      ...t,
      leadUnitId: lead?.id ?? null,
      coordinatorIds: coordinators.map((u) => u.id),
      coordinatorNames: coordinators.map((u) => u.name),
    };
  });
  return { ...reading, tasks };
}
