import type { z } from 'zod';
import type { Channel } from './channels';
import type { ChannelDef } from './channel';
import { appContract } from './app';
import { demoContract } from './demo';
import { unitsContract } from './units';
import { officeContract } from './office';
import { plansContract } from './plans';
import { targetsContract } from './targets';
import { formsContract } from './forms';
import { roundsContract } from './rounds';
import { settingsContract } from './settings';
import { backupContract } from './backup';
import { submissionsContract } from './submissions';
import { filesContract } from './files';
import { inboxContract } from './inbox';
import { mailContract } from './mail';

/**
 * The API contract: every feature's channels (shared/api/<feature>.ts) in one map. The feature
 * name is the same from screen to table: the channel prefix, electron/handlers/<feature>.ts,
 * electron/services/<feature>/, renderer/src/features/<feature>/ and the command line's command.
 */
export const contract = {
  ...appContract,
  ...demoContract,
  ...unitsContract,
  ...officeContract,
  ...plansContract,
  ...targetsContract,
  ...formsContract,
  ...roundsContract,
  ...settingsContract,
  ...backupContract,
  ...submissionsContract,
  ...filesContract,
  ...inboxContract,
  ...mailContract,
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
