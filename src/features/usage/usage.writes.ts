// Writing consumption: the priced lines (usage_records) and, in the same
// transaction, the roll-ups pages read: per day and service (usage_daily:
// the dashboard and the budget job) and per month, service and metric
// (usage_monthly: the bills page and invoices). The staff CSV import calls
// recordUsage too.
import type { Executor } from '../../db/database.js'

export interface UsageLine {
  contractId: number
  /** YYYY-MM-DD, a UTC calendar day (see usage.queries.ts). */
  day: string
  service: string
  resource: string
  metric: string
  unit: string
  /** Thousandths of the unit (1.5 vCPU-hours = 1500). */
  quantityMilli: number
  /** Micro-euros per unit. */
  unitPriceMicro: number
  importId?: string | null
}

// SQLite allows 32 766 bound variables per statement; 11 columns × 500 rows
// stays far below while keeping a month of seeding to a few statements.
const BATCH = 500

/** The priced amount of a line: quantity (thousandths) × unit price (micro-euros) / 1000, rounded half away from zero to the micro-euro. */
export function amountMicro(quantityMilli: number, unitPriceMicro: number): number {
  const product = quantityMilli * unitPriceMicro
  if (Number.isSafeInteger(product)) return Math.sign(product) * Math.round(Math.abs(product) / 1000)
  // Beyond 2^53 the product is exact only in BigInt.
  const big = BigInt(quantityMilli) * BigInt(unitPriceMicro)
  const sign = big < 0n ? -1n : 1n
  return Number((sign * ((sign * big * 2n + 1000n) / 2000n)))
}

/** Inserts the lines and adds their amounts to the daily roll-up (per contract, day and service). */
export async function recordUsage(trx: Executor, lines: readonly UsageLine[]): Promise<void> {
  if (lines.length === 0) return
  const rows = lines.map((line) => ({
    contract_id: line.contractId,
    day: line.day,
    service: line.service,
    resource: line.resource,
    metric: line.metric,
    unit: line.unit,
    quantity_milli: line.quantityMilli,
    unit_price_micro: line.unitPriceMicro,
    amount_micro: amountMicro(line.quantityMilli, line.unitPriceMicro),
    import_id: line.importId ?? null,
  }))
  for (let start = 0; start < rows.length; start += BATCH) {
    await trx.insertInto('usage_records').values(rows.slice(start, start + BATCH)).execute()
  }
  await addToDaily(trx, rows)
  await addToMonthly(trx, rows)
}

async function addToDaily(trx: Executor, rows: Array<{ contract_id: number; day: string; service: string; amount_micro: number }>) {
  const totals = new Map<string, { contract_id: number; day: string; service: string; amount_micro: number }>()
  for (const row of rows) {
    const key = JSON.stringify([row.contract_id, row.day, row.service])
    const total = totals.get(key)
    if (total) total.amount_micro += row.amount_micro
    else totals.set(key, { contract_id: row.contract_id, day: row.day, service: row.service, amount_micro: row.amount_micro })
  }
  const daily = [...totals.values()]
  for (let start = 0; start < daily.length; start += BATCH) {
    await trx
      .insertInto('usage_daily')
      .values(daily.slice(start, start + BATCH))
      .onConflict((conflict) =>
        conflict
          .columns(['contract_id', 'day', 'service'])
          .doUpdateSet((eb) => ({ amount_micro: eb('usage_daily.amount_micro', '+', eb.ref('excluded.amount_micro')) })),
      )
      .execute()
  }
}

type MonthlyRow = { contract_id: number; month: string; service: string; metric: string; unit: string; quantity_milli: number; amount_micro: number }

async function addToMonthly(trx: Executor, rows: Array<{ contract_id: number; day: string; service: string; metric: string; unit: string; quantity_milli: number; amount_micro: number }>) {
  const totals = new Map<string, MonthlyRow>()
  for (const row of rows) {
    const month = row.day.slice(0, 7)
    const key = JSON.stringify([row.contract_id, month, row.service, row.metric, row.unit])
    const total = totals.get(key)
    if (total) {
      total.quantity_milli += row.quantity_milli
      total.amount_micro += row.amount_micro
    } else {
      totals.set(key, { contract_id: row.contract_id, month, service: row.service, metric: row.metric, unit: row.unit, quantity_milli: row.quantity_milli, amount_micro: row.amount_micro })
    }
  }
  const monthly = [...totals.values()]
  for (let start = 0; start < monthly.length; start += BATCH) {
    await trx
      .insertInto('usage_monthly')
      .values(monthly.slice(start, start + BATCH))
      .onConflict((conflict) =>
        conflict
          .columns(['contract_id', 'month', 'service', 'metric', 'unit'])
          .doUpdateSet((eb) => ({
            quantity_milli: eb('usage_monthly.quantity_milli', '+', eb.ref('excluded.quantity_milli')),
            amount_micro: eb('usage_monthly.amount_micro', '+', eb.ref('excluded.amount_micro')),
          })),
      )
      .execute()
  }
}
