// The `month` of a usage report (YYYY-MM): a real calendar month, not after
// the current one (UTC, like the usage days), and not before the contract's
// start — nor more than three years back, what the platforms keep online.
import type { MessageKey } from '../../i18n/index.js'

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
export const MONTHS_KEPT = 36

export type MonthCheck = { ok: true; month: string } | { ok: false; error: MessageKey }

/** YYYY-MM of `now` moved by `delta` months (UTC). */
export function shiftMonth(now: Date, delta: number): string {
  const moved = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + delta, 1))
  return moved.toISOString().slice(0, 7)
}

/** The month asked for, or why it can't be reported. `contractStart` is YYYY-MM-DD or null. */
export function checkReportMonth(raw: unknown, now: Date, contractStart: string | null): MonthCheck {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, error: 'bills.files.error.month_missing' }
  if (!MONTH.test(raw)) return { ok: false, error: 'bills.files.error.month_format' }
  if (raw > shiftMonth(now, 0)) return { ok: false, error: 'bills.files.error.month_future' }
  const oldest = [shiftMonth(now, -(MONTHS_KEPT - 1)), contractStart?.slice(0, 7) ?? ''].sort().at(-1)!
  if (raw < oldest) return { ok: false, error: 'bills.files.error.month_too_old' }
  return { ok: true, month: raw }
}
