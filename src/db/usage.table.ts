import type { Generated, Selectable } from 'kysely'

/** One priced line of consumption: a contract's use of a resource on a day.
 * Money in micro-euros (millionths of a euro) and quantities in thousandths
 * of their unit, both integers: a month of rows sums without losing a cent;
 * rounding to cents happens only when shown or invoiced. */
export interface UsageRecordsTable {
  id: Generated<number>
  contract_id: number
  /** YYYY-MM-DD */
  day: string
  service: string
  resource: string
  metric: string
  unit: string
  quantity_milli: number
  unit_price_micro: number
  /** round(quantity_milli × unit_price_micro / 1000) */
  amount_micro: number
  /** The imported file this line came from (idempotent imports). */
  import_id: string | null
}

/** The roll-up every page reads: a contract's amount per day and service,
 * kept in step with usage_records by src/features/usage/usage.writes.ts. */
export interface UsageDailyTable {
  contract_id: number
  day: string
  service: string
  amount_micro: number
}

/** A budget alert sent: one per contract, month and threshold. */
export interface BudgetAlertsTable {
  contract_id: number
  /** YYYY-MM */
  month: string
  threshold_percent: number
  consumed_micro: number
  budget_cents: number
  sent_at: string
}

export type UsageRecord = Selectable<UsageRecordsTable>
