// The columns of a usage report's line sheets and CSV, in order: the same
// for both files. Prices and amounts only in a valued report (billing
// managers); a member contract's code only when the report covers several.
import type { MessageKey } from '../../i18n/index.js'
import type { RawUsageLine } from './downloads.queries.js'

export type ColumnKind = 'text' | 'date' | 'quantity' | 'price' | 'amount'

export interface LineContext {
  contractCode: string
  service: string
}

export interface ReportColumn {
  header: MessageKey
  kind: ColumnKind
  width: number
  value: (line: RawUsageLine, context: LineContext) => string | number
}

const CONTRACT: ReportColumn = { header: 'bills.files.col.contract', kind: 'text', width: 14, value: (_line, context) => context.contractCode }
const COMMON: ReportColumn[] = [
  { header: 'bills.files.col.day', kind: 'date', width: 12, value: (line) => line.day },
  { header: 'bills.files.col.service', kind: 'text', width: 26, value: (_line, context) => context.service },
  { header: 'bills.files.col.resource', kind: 'text', width: 24, value: (line) => line.resource },
  { header: 'bills.files.col.metric', kind: 'text', width: 18, value: (line) => line.metric },
  // Thousandths of the unit, as a number with its three decimals exact.
  { header: 'bills.files.col.quantity', kind: 'quantity', width: 14, value: (line) => line.quantity_milli / 1000 },
  { header: 'bills.files.col.unit', kind: 'text', width: 10, value: (line) => line.unit },
]
// Micro-euros, as euros with their six decimals: a line is priced finer than
// the cent, and only a service's month is rounded (pricing.ts).
const PRICES: ReportColumn[] = [
  { header: 'bills.files.col.unit_price', kind: 'price', width: 18, value: (line) => line.unit_price_micro / 1_000_000 },
  { header: 'bills.files.col.amount', kind: 'price', width: 18, value: (line) => line.amount_micro / 1_000_000 },
]

export function reportColumns(options: { valued: boolean; severalContracts: boolean }): ReportColumn[] {
  return [...(options.severalContracts ? [CONTRACT] : []), ...COMMON, ...(options.valued ? PRICES : [])]
}

/** Excel number formats: thousandths for quantities, euros to the cent for amounts, four decimals for unit prices. */
export const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  date: 'yyyy-mm-dd',
  quantity: '#,##0.000',
  price: '#,##0.0000 €',
  amount: '#,##0.00 €',
}
