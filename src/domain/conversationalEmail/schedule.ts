/**
 * Business hours in the campaign's time zone, and pacing: an assistant's daily cap is spread evenly over the
 * sending window instead of going out in one burst at its start.
 */
export interface BusinessHours {
  readonly timeZone: string;
  /** Local hours, 0–23; the window is [startHour, endHour). */
  readonly startHour: number;
  readonly endHour: number;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  readonly weekdays: readonly number[];
}

const WEEKDAY_INDEX: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const STEP_MS = 15 * 60 * 1000;

export function localTime(instant: Date, timeZone: string): { weekday: number; hour: number; minute: number; day: string } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: WEEKDAY_INDEX[part('weekday')] ?? 1, hour: Number(part('hour')), minute: Number(part('minute')), day: `${part('year')}-${part('month')}-${part('day')}` };
}

export function isWithinBusinessHours(instant: Date, hours: BusinessHours): boolean {
  const local = localTime(instant, hours.timeZone);
  return hours.weekdays.includes(local.weekday) && local.hour >= hours.startHour && local.hour < hours.endHour;
}

/** The instant itself when inside the window, else the next window's opening (searched in 15-minute steps, ≤ 8 days). */
export function nextBusinessInstant(instant: Date, hours: BusinessHours): Date {
  if (isWithinBusinessHours(instant, hours)) return instant;
  let probe = new Date(Math.ceil(instant.getTime() / STEP_MS) * STEP_MS);
  for (let step = 0; step < (8 * 24 * 60 * 60 * 1000) / STEP_MS; step++) {
    if (isWithinBusinessHours(probe, hours)) return probe;
    probe = new Date(probe.getTime() + STEP_MS);
  }
  throw new Error('business hours contain no open window in a week');
}

/**
 * How many more e-mails the assistant may send right now: the cap spread evenly over today's window
 * (allowedByNow = ⌈cap × elapsed fraction⌉, at least 1 once the window opened), minus what went out today.
 */
export function sendsAllowedNow(input: { dailyCap: number; sentToday: number; now: Date; hours: BusinessHours }): number {
  if (!isWithinBusinessHours(input.now, input.hours)) return 0;
  const local = localTime(input.now, input.hours.timeZone);
  const windowMinutes = (input.hours.endHour - input.hours.startHour) * 60;
  const elapsedMinutes = (local.hour - input.hours.startHour) * 60 + local.minute + 1;
  const allowedByNow = Math.max(1, Math.ceil((input.dailyCap * Math.min(windowMinutes, elapsedMinutes)) / windowMinutes));
  return Math.max(0, Math.min(input.dailyCap, allowedByNow) - input.sentToday);
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function validateBusinessHours(hours: BusinessHours): string | undefined {
  if (!isKnownTimeZone(hours.timeZone)) return `Unknown time zone "${hours.timeZone}".`;
  if (hours.startHour >= hours.endHour) return 'Business hours must end after they start.';
  if (hours.weekdays.length === 0) return 'Choose at least one sending day.';
  return undefined;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** How far the zone's wall clock is ahead of UTC at this instant. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant local midnight starts `day` (YYYY-MM-DD) in the zone (offset read twice so a DST change is honoured). */
function zonedMidnight(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(year, month - 1, date);
  const first = wallMidnight - zoneOffsetMs(new Date(wallMidnight), timeZone);
  return new Date(wallMidnight - zoneOffsetMs(new Date(first), timeZone));
}

/** The local day (in `timeZone`) that contains `instant`, as [start, end) instants: "sent today" in the sender's day. */
export function localDayBounds(instant: Date, timeZone: string): { start: Date; end: Date; day: string } {
  const { day } = localTime(instant, timeZone);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const nextDay = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return { start: zonedMidnight(day, timeZone), end: zonedMidnight(nextDay, timeZone), day };
}
