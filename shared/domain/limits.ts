/**
 * How long a text the user types may be: one number per kind of text, used by the channels' schemas
 * and by the screens' inputs (maxLength), so the two never disagree.
 */
export const textLimits = {
  /** A reason (unlocking, returning a report) or a note (a frozen round's letter). */
  reason: 500,
  /** A legal basis of a unit change. */
  basis: 500,
  /** One field of the office's details. */
  officeField: 200,
  /** A name: a form's, a rule's, a round's, a register's, a unit's. */
  name: 300,
} as const;
