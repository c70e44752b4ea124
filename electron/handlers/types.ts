import type { Channel, EventName } from '../../shared/api/channels';
import type { OutputOf, ParsedInputOf, ProgressEvent } from '../../shared/api/contract';

/** One handler per channel of the contract, each a thin call into a service. */
export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** A feature's handlers: exactly its channels (`feature:…`). */
export type FeatureHandlers<F extends string> = Pick<Handlers, Extract<Channel, `${F}:${string}`>>;

export type Emit = (event: EventName, payload: unknown) => void;

/** Reports the progress of long work (an import, an export) to the window. */
export type Progress = (p: ProgressEvent) => void;
