import { z } from 'zod';
import type { Channel } from './channels';
import type { UnitTreeRow } from '../domain/units';
import type { PlanDetail } from '../domain/plans';
import { isIsoDate } from '../text/format-vi';

/**
 * The API contract: one entry per channel, with the zod schema its input must pass
 * and (as a type only) what it returns. Main validates every payload against these;
 * the renderer's client is typed by them.
 */
interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type, never read at run time. */
  output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });
}

const noInput = z.object({}).strict();
const isoDate = z.string().refine(isIsoDate, { message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật' });

export interface AppStatus {
  version: string;
  databasePath: string;
  isEmpty: boolean;
  counts: { units: number; plans: number; targets: number; tasks: number };
}

export interface DemoSummary {
  units: number;
  programmes: number;
  plans: number;
  targets: number;
  tasks: number;
}

export interface ImportUnitsReport {
  fileName: string;
  created: number;
  updated: number;
  unchanged: number;
}

export const contract = {
  'app:get-status': channel<AppStatus>()(noInput),
  'demo:create-demo': channel<DemoSummary>()(noInput),
  'units:list-units': channel<UnitTreeRow[]>()(z.object({ asOf: isoDate.optional() }).strict()),
  /** Asks the user for a .csv/.xlsx/.xls file and imports it; null when the user cancels. */
  'units:import-file': channel<ImportUnitsReport | null>()(noInput),
  'plans:list-plans': channel<PlanDetail[]>()(noInput),
} satisfies Record<Channel, ChannelDef<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

/** The object the preload exposes as `window.api`. */
export interface PreloadApi {
  invoke(channel: Channel, input: unknown): Promise<import('../errors').Result<unknown>>;
  on(event: import('./channels').EventName, listener: (payload: unknown) => void): () => void;
}

export interface ProgressEvent {
  task: string;
  done: number;
  total: number;
  label?: string;
}
