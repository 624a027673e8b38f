// Support-level dates on the Paris calendar the customer and the billing live
// by: at 00:30 on 1 January in Paris it is already next year's first month,
// though UTC still says 31 December.

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The date (YYYY-MM-DD) it is in Paris at `now`. */
export function parisDay(now: Date): string {
  return PARIS_DAY.format(now)
}

/** YYYY-MM-01 of the month after `now`'s month in Paris (31 December 2026 gives 2027-01-01). */
export function firstOfNextMonth(now: Date): string {
  const [year, month] = parisDay(now).split('-').map(Number) as [number, number]
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
}

/** The last day of a commitment of `months` months starting on the 1st `firstDay`: 2027-01-01 + 6 gives 2027-06-30. */
export function commitmentEnd(firstDay: string, months: number): string {
  const [year, month] = firstDay.split('-').map(Number) as [number, number]
  // Day 0 of the month after the last one is that last month's last day.
  return new Date(Date.UTC(year, month - 1 + months, 0)).toISOString().slice(0, 10)
}
