// The one place where consumption becomes money to invoice: the bills page's
// simulation, the simulation workbook and the invoices all go through here,
// so that the page, the Excel file and the PDF agree to the cent.
//
// Usage is priced in micro-euros line by line (src/features/usage); here a
// service's month is rounded ONCE to the cent (half away from zero), then VAT
// is computed on the total excluding VAT and rounded once.
import type { Executor } from '../../db/database.js'

/** French standard VAT, in basis points (2000 = 20 %). */
export const VAT_RATE_BP = 2000

const MICRO_PER_CENT = 10_000

export interface MetricUsage {
  contractId: number
  service: string
  metric: string
  unit: string
  quantityMilli: number
  amountMicro: number
}

export interface ServiceLine {
  service: string
  amountExclCents: number
  metrics: MetricUsage[]
}

export interface Totals {
  exclCents: number
  vatRateBp: number
  vatCents: number
  inclCents: number
}

/** Half away from zero, like amountMicro. */
export function microToCents(micro: number): number {
  return Math.sign(micro) * Math.round(Math.abs(micro) / MICRO_PER_CENT)
}

/** The month's usage of these contracts per service and metric, from the monthly roll-up. */
export async function monthUsage(db: Executor, contractIds: readonly number[], month: string): Promise<MetricUsage[]> {
  if (contractIds.length === 0) return []
  const rows = await db.selectFrom('usage_monthly')
    .select(['contract_id', 'service', 'metric', 'unit', 'quantity_milli', 'amount_micro'])
    .where('contract_id', 'in', contractIds).where('month', '=', month)
    .orderBy('service').orderBy('metric').orderBy('unit').orderBy('contract_id')
    .execute()
  return rows.map((row) => ({ contractId: row.contract_id, service: row.service, metric: row.metric, unit: row.unit, quantityMilli: row.quantity_milli, amountMicro: row.amount_micro }))
}

/** One line per service (in name order), its amount rounded once to the cent. */
export function serviceLines(usage: readonly MetricUsage[]): ServiceLine[] {
  const byService = new Map<string, MetricUsage[]>()
  for (const row of usage) byService.set(row.service, [...(byService.get(row.service) ?? []), row])
  return [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, metrics]) => ({ service, metrics, amountExclCents: microToCents(metrics.reduce((sum, row) => sum + row.amountMicro, 0)) }))
}

/** Totals of lines already in cents: VAT computed once on the total excluding VAT. */
export function totalsOf(lineCents: readonly number[], vatRateBp = VAT_RATE_BP): Totals {
  const exclCents = lineCents.reduce((sum, cents) => sum + cents, 0)
  const vatCents = Math.sign(exclCents) * Math.round((Math.abs(exclCents) * vatRateBp) / 10_000)
  return { exclCents, vatRateBp, vatCents, inclCents: exclCents + vatCents }
}
