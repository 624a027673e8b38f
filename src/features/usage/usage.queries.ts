// Reading consumption, always from the daily roll-up (usage_daily), never
// from the priced lines: a page view or a job run costs one grouped query.
//
// Days are UTC calendar days (YYYY-MM-DD) and a month is a UTC calendar
// month: the platforms' usage files are stamped in UTC, and a Europe/Paris
// month would move one or two hours of the 1st into the previous month for
// no gain in a figure that is an estimate until invoiced.
import type { Executor } from '../../db/database.js'

export interface DayAmount {
  day: string
  amountMicro: number
}

/** YYYY-MM-DD of `now` in UTC. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10)
}

/** YYYY-MM of `now` in UTC. */
export function utcMonth(now: Date): string {
  return now.toISOString().slice(0, 7)
}

/** Every day of the UTC month of `now` from the 1st up to `now`'s day, in order. */
export function daysOfMonthToDate(now: Date): string[] {
  const month = utcMonth(now)
  const last = now.getUTCDate()
  return Array.from({ length: last }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`)
}

/** The micro-euros consumed by each contract from the 1st of `now`'s month up to `now`'s day (0 when nothing). */
export async function monthToDate(db: Executor, contractIds: readonly number[], now: Date): Promise<Map<number, number>> {
  const consumed = new Map<number, number>(contractIds.map((id) => [id, 0]))
  for (const [id, days] of await dailyOfMonthToDate(db, contractIds, now)) {
    consumed.set(id, days.reduce((sum, day) => sum + day.amountMicro, 0))
  }
  return consumed
}

/** The days of `month` (YYYY-MM) on which the contract consumed something, in order. */
export async function dailyConsumption(db: Executor, contractId: number, month: string): Promise<DayAmount[]> {
  const rows = await db
    .selectFrom('usage_daily')
    .select(['day', (eb) => eb.fn.sum<number | string>('amount_micro').as('amount')])
    .where('contract_id', '=', contractId)
    .where('day', '>=', `${month}-01`)
    .where('day', '<=', `${month}-31`)
    .groupBy('day')
    .orderBy('day')
    .execute()
  return rows.map((row) => ({ day: row.day, amountMicro: Number(row.amount) }))
}

/** Per contract, the amount of each day this month up to `now` (days without usage absent), in one query. */
export async function dailyOfMonthToDate(db: Executor, contractIds: readonly number[], now: Date): Promise<Map<number, DayAmount[]>> {
  const byContract = new Map<number, DayAmount[]>()
  if (contractIds.length === 0) return byContract
  const rows = await db
    .selectFrom('usage_daily')
    .select(['contract_id', 'day', (eb) => eb.fn.sum<number | string>('amount_micro').as('amount')])
    .where('contract_id', 'in', [...contractIds])
    .where('day', '>=', `${utcMonth(now)}-01`)
    .where('day', '<=', utcDay(now))
    .groupBy(['contract_id', 'day'])
    .orderBy('contract_id')
    .orderBy('day')
    .execute()
  for (const row of rows) {
    const days = byContract.get(row.contract_id) ?? []
    days.push({ day: row.day, amountMicro: Number(row.amount) })
    byContract.set(row.contract_id, days)
  }
  return byContract
}
