// When a cancellation takes effect: the first day of the month after the one
// it was asked in (spec 003), counted on the Paris calendar the customer and
// the billing live by, not in UTC: a request at 00:30 on 1 March in Paris is
// still a February request in UTC, yet it is a March one for the customer.

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The date (YYYY-MM-DD) it is in Paris at `now`. */
export function parisDay(now: Date): string {
  return PARIS_DAY.format(now)
}

/** YYYY-MM-01 of the month after `now`'s month in Paris: 31 December 2026 gives 2027-01-01. */
export function firstOfNextMonth(now: Date): string {
  const [year, month] = parisDay(now).split('-').map(Number) as [number, number]
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
}

/** The day before a YYYY-MM-DD date: the last day billed before a cancellation. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}
