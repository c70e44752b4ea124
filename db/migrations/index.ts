import type { Kysely } from 'kysely';
import * as m001 from './2026-11-23-001-domain';
import * as m002 from './2026-11-23-002-value-problems';
import * as m003 from './2026-11-23-003-original-contents';
import * as m004 from './2026-11-23-004-checking-and-approval';
import * as m005 from './2026-11-23-005-targets-and-registers';
import * as m006 from './2026-11-23-006-units-through-time';
import * as m007 from './2026-11-23-007-office-sources';
import * as m008 from './2026-12-06-008-inbox-handled';
import * as m009 from './2026-12-06-009-task-lead-text';
import * as m010 from './2026-12-06-010-outgoing-mail';

export interface Migration {
  /** Dated, ordered, never renamed once released. */
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

/** Listed statically so a bundled app finds them; append only. */
export const migrations: readonly Migration[] = [
  { name: '2026-11-23-001-domain', up: m001.up },
  { name: '2026-11-23-002-value-problems', up: m002.up },
  { name: '2026-11-23-003-original-contents', up: m003.up },
  { name: '2026-11-23-004-checking-and-approval', up: m004.up },
  { name: '2026-11-23-005-targets-and-registers', up: m005.up },
  { name: '2026-11-23-006-units-through-time', up: m006.up },
  { name: '2026-11-23-007-office-sources', up: m007.up },
  { name: '2026-12-06-008-inbox-handled', up: m008.up },
  { name: '2026-12-06-009-task-lead-text', up: m009.up },
  { name: '2026-12-06-010-outgoing-mail', up: m010.up },
];
