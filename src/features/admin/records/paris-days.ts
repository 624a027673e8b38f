// The back-office's date filters name whole days as the staff live them, in
// Paris: 2026-03-29 runs from 2026-03-28T23:00Z to 2026-03-29T22:00Z (the
// clocks go forward that night), whatever the server's time zone.
export { isCalendarDate } from '../../../lib/paris-calendar.js'

const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
})

/** How far Paris's wall clock is ahead of UTC at `instant` (ms). */
function parisOffsetMs(instant: number): number {
  const parts = Object.fromEntries(PARIS.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]))
  const wallClock = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!)
  return wallClock - Math.floor(instant / 1000) * 1000
}

/** The instant the Paris day `date` (YYYY-MM-DD, valid) starts. Paris changes
 * its clocks at 02:00 or 03:00, never at midnight: the day always starts. */
export function startOfParisDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const midnightAsUtc = Date.UTC(year, month - 1, day)
  const firstGuess = midnightAsUtc - parisOffsetMs(midnightAsUtc)
  return new Date(midnightAsUtc - parisOffsetMs(firstGuess))
}

/** The instant the Paris day after `date` starts: the exclusive end of `date`. */
export function endOfParisDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10)
  return startOfParisDay(next)
}
