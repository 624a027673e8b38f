import type { Generated, Selectable } from 'kysely'

export type InvoiceKind = 'invoice' | 'credit_note'

/** An invoice or a credit note, with what it says frozen at issue. Money in cents. */
export interface InvoicesTable {
  id: Generated<number>
  /** Gapless per series: F2026-000001 (invoices), A2026-000001 (credit notes). */
  number: string
  kind: InvoiceKind
  /** The billed contract: the grouping contract for a grouped invoice. */
  contract_id: number
  /** YYYY-MM: the usage period. */
  month: string
  period_start: string
  period_end: string
  issued_on: string
  due_on: string
  /** Negative on a credit note. */
  total_excl_cents: number
  /** Basis points: 2000 = 20 %. */
  vat_rate_bp: number
  vat_cents: number
  total_incl_cents: number
  /** InvoiceCustomer as JSON: company name, address, VAT number, contract code and name. */
  customer_json: string
  ref1: string | null
  ref2: string | null
  ref3: string | null
  corrects_invoice_id: number | null
  reason: string | null
  /** Null: issued, not yet shown to the customer. */
  published_at: string | null
  created_by: number | null
  created_at: string
}

export interface InvoiceLinesTable {
  id: Generated<number>
  invoice_id: number
  position: number
  /** The member contract on a grouped invoice; the billed contract otherwise. */
  contract_id: number
  service: string
  description: string
  amount_excl_cents: number
}

/** The last number given in each series (`invoice-2026`, `credit_note-2026`). */
export interface InvoiceCountersTable {
  series: string
  last_number: number
}

/** A payment received, recorded by staff: the account statement's credits. */
export interface PaymentsTable {
  id: Generated<number>
  contract_id: number
  invoice_id: number | null
  received_on: string
  amount_cents: number
  reference: string
  recorded_by: number
  recorded_at: string
}

/** An imported usage file: the same bytes twice import once. */
export interface UsageImportsTable {
  id: Generated<number>
  sha256: string
  file_name: string
  rows_count: number
  amount_micro: number
  imported_by: number
  imported_at: string
}

export type InvoiceRow = Selectable<InvoicesTable>
export type InvoiceLineRow = Selectable<InvoiceLinesTable>

/** A contract's month per service and metric (quantities in thousandths, money in micro-euros): what the bills page reads. */
export interface UsageMonthlyTable {
  contract_id: number
  /** YYYY-MM */
  month: string
  service: string
  metric: string
  unit: string
  quantity_milli: number
  amount_micro: number
}
