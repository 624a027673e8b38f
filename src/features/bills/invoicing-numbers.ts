// Gapless invoice numbering: each series (`invoice-2026`, `credit_note-2026`)
// keeps its last number in invoice_counters, bumped in the transaction that
// issues the document. A rolled-back issue gives its number back; two issues
// never share one (SQLite runs one writing transaction at a time, and the
// numbers are UNIQUE on invoices anyway).
import type { Executor } from '../../db/database.js'
import type { InvoiceKind } from '../../db/invoices.table.js'

const PREFIX: Record<InvoiceKind, string> = { invoice: 'F', credit_note: 'A' }

export function seriesOf(kind: InvoiceKind, issuedOn: string): string {
  return `${kind}-${issuedOn.slice(0, 4)}`
}

/** Takes the next number of the series: `F2026-000001`, then `F2026-000002`… Call it with `trx`. */
export async function nextNumber(trx: Executor, kind: InvoiceKind, issuedOn: string): Promise<string> {
  const series = seriesOf(kind, issuedOn)
  const row = await trx
    .insertInto('invoice_counters')
    .values({ series, last_number: 1 })
    .onConflict((conflict) => conflict.column('series').doUpdateSet((eb) => ({ last_number: eb('invoice_counters.last_number', '+', 1) })))
    .returning('last_number')
    .executeTakeFirstOrThrow()
  return `${PREFIX[kind]}${issuedOn.slice(0, 4)}-${String(row.last_number).padStart(6, '0')}`
}
