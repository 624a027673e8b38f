// Maintenance windows seen on a calendar: the occurrences of several windows
// in time order, and which windows overlap one another. Overlaps are allowed
// (two teams may work on one platform the same night) but staff must see them.
import { occurrences, type Occurrence, type WindowRule } from './recurrence.js'

/** The staff's clock: dates and times are typed and shown in Paris time, and rules are written in it. */
export const STAFF_TIME_ZONE = 'Europe/Paris'
const DAY = 24 * 60 * 60_000
/** How far ahead overlaps are looked for. */
export const OVERLAP_HORIZON_DAYS = 90
/** How far ahead the platforms' pages list occurrences. */
export const UPCOMING_DAYS = 30

export const daysAfter = (from: Date, days: number) => new Date(from.getTime() + days * DAY)

export interface Scheduled<W> extends Occurrence {
  window: W
}

/** Every occurrence of these windows within [from, to), in time order. */
export function upcomingOccurrences<W extends WindowRule>(windows: readonly W[], from: Date, to: Date): Array<Scheduled<W>> {
  return windows
    .flatMap((window) => occurrences(window, from, to).map((occurrence) => ({ ...occurrence, window })))
    .sort((a, b) => a.start.getTime() - b.start.getTime())
}

/** For each window id, the other windows one of whose occurrences overlaps one of its own within [from, to). */
export function overlappingWindows<W extends WindowRule & { id: number }>(windows: readonly W[], from: Date, to: Date): Map<number, W[]> {
  const scheduled = upcomingOccurrences(windows, from, to)
  const overlaps = new Map<number, Set<W>>(windows.map((window) => [window.id, new Set<W>()]))
  for (const [index, a] of scheduled.entries()) {
    // Sorted by start: only the following occurrences that start before this one ends can overlap it.
    for (const b of scheduled.slice(index + 1)) {
      if (b.start >= a.end) break
      if (a.window.id === b.window.id) continue
      overlaps.get(a.window.id)!.add(b.window)
      overlaps.get(b.window.id)!.add(a.window)
    }
  }
  return new Map([...overlaps].map(([id, others]) => [id, [...others].sort((x, y) => x.id - y.id)]))
}
