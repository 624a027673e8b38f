// A credit note (corrective invoice) against an invoice: its own series
// (A2026-000001), negative totals with VAT computed like an invoice's, and
// never more than what remains creditable on the invoice (its total
// excluding VAT less the credit notes already issued against it).
import type { Executor } from '../../db/database.js'
import type { InvoiceRow } from '../../db/invoices.table.js'
import { parisDay } from '../../lib/paris-calendar.js'
import { writeAudit } from '../../audit/audit.js'
import { nextNumber } from './invoicing-numbers.js'
import { totalsOf } from './pricing.js'

export const REASON_MAX = 500

export interface CreditNoteInput {
  amountCents: number
  reason: string
  now: Date
  staffId: number | null
}

export class CreditRefused extends Error {
  override name = 'CreditRefused'
}

/** Cents excluding VAT still creditable on the invoice. */
export async function creditableCents(db: Executor, invoice: InvoiceRow): Promise<number> {
  const row = await db.selectFrom('invoices').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('total_excl_cents'), eb.lit(0)).as('credited'))
    .where('kind', '=', 'credit_note').where('corrects_invoice_id', '=', invoice.id).executeTakeFirstOrThrow()
  return Math.max(0, invoice.total_excl_cents + Number(row.credited))
}

/** Issues the credit note (unpublished) against an invoice. Call it with `trx`. */
export async function issueCreditNote(trx: Executor, invoice: InvoiceRow, input: CreditNoteInput): Promise<InvoiceRow> {
  if (invoice.kind !== 'invoice') throw new CreditRefused(`${invoice.number} is not an invoice`)
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0 || input.amountCents > await creditableCents(trx, invoice)) {
    throw new CreditRefused(`credit of ${input.amountCents} cents refused on ${invoice.number}`)
  }
  const totals = totalsOf([-input.amountCents], invoice.vat_rate_bp)
  const issuedOn = parisDay(input.now)
  const number = await nextNumber(trx, 'credit_note', issuedOn)
  const note = await trx.insertInto('invoices').values({
    number, kind: 'credit_note', contract_id: invoice.contract_id, month: invoice.month, period_start: invoice.period_start, period_end: invoice.period_end,
    issued_on: issuedOn, due_on: issuedOn, total_excl_cents: totals.exclCents, vat_rate_bp: totals.vatRateBp, vat_cents: totals.vatCents, total_incl_cents: totals.inclCents,
    customer_json: invoice.customer_json, ref1: invoice.ref1, ref2: invoice.ref2, ref3: invoice.ref3,
    corrects_invoice_id: invoice.id, reason: input.reason, published_at: null, created_by: input.staffId, created_at: input.now.toISOString(),
  }).returningAll().executeTakeFirstOrThrow()
  await trx.insertInto('invoice_lines').values({
    invoice_id: note.id, position: 1, contract_id: invoice.contract_id, service: 'credit', description: `Credit on ${invoice.number}`, amount_excl_cents: totals.exclCents,
  }).execute()
  await writeAudit(trx, { action: 'invoicing.credit_note_issued', actorUserId: input.staffId, contractId: invoice.contract_id,
    details: { number, invoice: invoice.number, amount_cents: input.amountCents, reason: input.reason } })
  return note
}
