import { z } from 'zod';
import type { Channel } from './channels';

/**
 * One channel of the API: the zod schema its input must pass and (as a type only) what it
 * returns. Main validates every payload against it; the renderer's client is typed by it.
 */
export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type, never read at run time. */
  output?: O;
}

export function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });
}

export const noInput = z.object({}).strict();

/** A feature's part of the contract: exactly the channels named `feature:…`. */
export type FeatureContract<F extends string> = Record<
  Extract<Channel, `${F}:${string}`>,
  ChannelDef<z.ZodType, unknown>
>;
