// When a maintenance window happens. A one-off window is its UTC interval; a
// recurring one is a local wall-clock rule ("the first and the last three
// Wednesdays of the month, 00:00–06:00, Europe/Paris") whose occurrences are
// computed here, so that a rule written in winter still starts at 00:00 local
// in summer. Pure functions over Intl: no time-zone library, no database.

/** A local wall-clock time, with no time zone of its own. */
export interface WallTime {
  year: number
  /** 1 … 12 */
  month: number
  day: number
  hour: number
  minute: number
}

/** What the computation reads of a maintenance window (a row of maintenance_windows). */
export interface WindowRule {
  kind: 'once' | 'recurring'
  starts_at: string | null
  ends_at: string | null
  /** 0 Sunday … 6 Saturday */
  weekday: number | null
  month_weeks: string | null
  local_start: string | null
  duration_minutes: number | null
  time_zone: string
  valid_from: string | null
  valid_until: string | null
  cancelled_at: string | null
}

export interface Occurrence {
  start: Date
  end: Date
}

/** Which weekdays of a month a rule may pick: the first four, then counted from the end. */
export const MONTH_WEEKS = [1, 2, 3, 4, -1, -2, -3] as const
export type MonthWeek = (typeof MONTH_WEEKS)[number]

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The wall clock of `timeZone` at an instant, to the second. */
function wallClockAt(instantMs: number, timeZone: string): WallTime & { second: number } {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs))
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0)
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') }
}

export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const { year, month, day, hour, minute } = wallClockAt(instant.getTime(), timeZone)
  return { year, month, day, hour, minute }
}

/** How far ahead of UTC the zone's clocks are at an instant (+1 h in a Paris winter, +2 h in summer). */
function offsetAt(instantMs: number, timeZone: string): number {
  const wall = wallClockAt(instantMs, timeZone)
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000
}

/**
 * The instant a local wall-clock time happens in `timeZone`. The offsets in
 * force half a day either side are the only candidates (zones change at most a
 * couple of times a year). A time the autumn night shows twice is its first
 * occurrence; a time the spring night skips is read with the winter offset,
 * so it lands just after the jump (02:30 → 03:30), as clocks and Temporal do.
 */
export function wallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const key = `${timeZone} ${wall.year}-${wall.month}-${wall.day} ${wall.hour}:${wall.minute}`
  let instant = instants.get(key)
  if (instant === undefined) {
    if (instants.size >= MAX_REMEMBERED_INSTANTS) instants.clear()
    instant = instantOfWallTime(wall, timeZone)
    instants.set(key, instant)
  }
  return new Date(instant)
}

// A wall time's instant never changes while the process runs (the time-zone data is fixed), and the
// platforms' pages and the customers' weather ask for the same few every request: each costs up to
// six Intl formatToParts calls, which made the occurrences most of a platform page's time. Remembered
// per process, bounded; nothing to invalidate when staff change a window.
const instants = new Map<string, number>()
const MAX_REMEMBERED_INSTANTS = 10_000

function instantOfWallTime(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)
  const before = offsetAt(asUtc - DAY / 2, timeZone)
  const after = offsetAt(asUtc + DAY / 2, timeZone)
  const valid = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((instant) => offsetAt(instant, timeZone) === asUtc - instant)
    .sort((a, b) => a - b)
  return valid[0] ?? asUtc - before
}

/** "1,-1,-2,-3" → [1, -1, -2, -3]; anything that is not a known week is left out. */
export function parseMonthWeeks(text: string | null): MonthWeek[] {
  if (!text) return []
  const known = new Set<number>(MONTH_WEEKS)
  return [...new Set(text.split(',').map((part) => Number(part.trim())))].filter((n): n is MonthWeek => known.has(n))
}

/** "HH:MM" (00:00 … 23:59) → [hours, minutes], or undefined. */
export function parseLocalTime(text: string | null): [number, number] | undefined {
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(text ?? '')
  return match ? [Number(match[1]), Number(match[2])] : undefined
}

/** "YYYY-MM-DD" of a real calendar day → [year, month, day], or undefined. */
export function parseLocalDate(text: string | null): [number, number, number] | undefined {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text ?? '')
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (year < 1970 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return [year, month, day]
}

/** The days of a month (1 … 31) that fall on `weekday` and are among `weeks`, in order, each once. */
export function chosenDays(year: number, month: number, weekday: number, weeks: readonly number[]): number[] {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const days: number[] = []
  for (let day = 1 + ((weekday - firstWeekday + 7) % 7); day <= daysInMonth; day += 7) days.push(day)
  const chosen = weeks.map((week) => (week > 0 ? days[week - 1] : days[days.length + week]))
  return [...new Set(chosen.filter((day): day is number => day !== undefined))].sort((a, b) => a - b)
}

const isoDate = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

/**
 * The occurrences of a window that overlap [fromUtc, toUtc): one still running
 * at `fromUtc` is included. A cancelled window has none.
 */
export function occurrences(window: WindowRule, fromUtc: Date, toUtc: Date): Occurrence[] {
  if (window.cancelled_at) return []
  const all = window.kind === 'once' ? onceOccurrence(window) : recurringOccurrences(window, fromUtc, toUtc)
  return all.filter((occurrence) => occurrence.start < toUtc && occurrence.end > fromUtc)
}

function onceOccurrence(window: WindowRule): Occurrence[] {
  if (!window.starts_at || !window.ends_at) return []
  const start = new Date(window.starts_at)
  const end = new Date(window.ends_at)
  return Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start ? [] : [{ start, end }]
}

// The duration is wall-clock time: "00:00 for 6 hours" ends at 06:00 local
// even on the night the clocks change (then 5 or 7 hours really pass).
function recurringOccurrences(window: WindowRule, fromUtc: Date, toUtc: Date): Occurrence[] {
  const weeks = parseMonthWeeks(window.month_weeks)
  const start = parseLocalTime(window.local_start)
  const duration = window.duration_minutes ?? 0
  const weekday = window.weekday ?? -1
  if (weeks.length === 0 || !start || duration <= 0 || weekday < 0 || weekday > 6) return []
  // From the month of the earliest occurrence that may still run at fromUtc.
  let { year, month } = wallTimeAt(new Date(fromUtc.getTime() - duration * MINUTE - DAY), window.time_zone)
  const last = wallTimeAt(new Date(toUtc.getTime() + DAY), window.time_zone)
  const found: Occurrence[] = []
  while (year < last.year || (year === last.year && month <= last.month)) {
    for (const day of chosenDays(year, month, weekday, weeks)) {
      const date = isoDate(year, month, day)
      if ((window.valid_from && date < window.valid_from) || (window.valid_until && date > window.valid_until)) continue
      found.push(occurrenceOn({ year, month, day, hour: start[0], minute: start[1] }, duration, window.time_zone))
    }
    month += 1
    if (month > 12) [year, month] = [year + 1, 1]
  }
  return found
}

function occurrenceOn(wallStart: WallTime, durationMinutes: number, timeZone: string): Occurrence {
  const start = wallTimeToUtc(wallStart, timeZone)
  const wallEnd = new Date(Date.UTC(wallStart.year, wallStart.month - 1, wallStart.day, wallStart.hour, wallStart.minute) + durationMinutes * MINUTE)
  const end = wallTimeToUtc({
    year: wallEnd.getUTCFullYear(), month: wallEnd.getUTCMonth() + 1, day: wallEnd.getUTCDate(), hour: wallEnd.getUTCHours(), minute: wallEnd.getUTCMinutes(),
  }, timeZone)
  return { start, end: end > start ? end : new Date(start.getTime() + durationMinutes * MINUTE) }
}

/** The local date and time ("2026-03-04", "00:00") of an instant, for a form. */
export function localDateAndTime(instant: Date, timeZone: string): { date: string; time: string } {
  const wall = wallTimeAt(instant, timeZone)
  return { date: isoDate(wall.year, wall.month, wall.day), time: `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}` }
}

/** A local date and time typed in a form → the instant, or undefined when either is not valid. */
export function localToUtc(date: string, time: string, timeZone: string): Date | undefined {
  const day = parseLocalDate(date)
  const clock = parseLocalTime(time)
  if (!day || !clock) return undefined
  return wallTimeToUtc({ year: day[0], month: day[1], day: day[2], hour: clock[0], minute: clock[1] }, timeZone)
}
