// Days on the Paris calendar that customers, staff and billing live by: at
// 00:30 on 1 January in Paris it is already the new year's first month,
// though UTC still says 31 December. Dates are YYYY-MM-DD strings.

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not), between 1970 and 9998. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1970 || year > 9998) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The date it is in Paris at `now`. */
export function parisDay(now: Date): string {
  return PARIS_DAY.format(now)
}

/** The 1st of the month after `now`'s month in Paris: 31 December 2026 gives 2027-01-01. */
export function firstOfNextMonth(now: Date): string {
  const [year, month] = parisDay(now).split('-').map(Number) as [number, number]
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
}

/** The day before `day`: e.g. the last day billed before a cancellation. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}

/** The last day of `months` months starting on the 1st `firstDay`: 2027-01-01 + 6 gives 2027-06-30. */
export function commitmentEnd(firstDay: string, months: number): string {
  const [year, month] = firstDay.split('-').map(Number) as [number, number]
  // Day 0 of the month after the last one is that last month's last day.
  return new Date(Date.UTC(year, month - 1 + months, 0)).toISOString().slice(0, 10)
}
