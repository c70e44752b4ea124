/** Services take the time from here, so tests can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** The calendar day in Vietnam (UTC+7 all year) at that instant, as YYYY-MM-DD. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A calendar day (YYYY-MM-DD) moved by whole days, either way. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
