// A payment received against an invoice, recorded by staff: the account
// statement's credits (src/features/bills reads payments).
import type { Executor } from '../../db/database.js'
import type { InvoiceRow } from '../../db/invoices.table.js'
import { writeAudit } from '../../audit/audit.js'

export interface PaymentInput {
  amountCents: number
  /** YYYY-MM-DD */
  receivedOn: string
  reference: string
  now: Date
  staffId: number
}

export async function recordPayment(trx: Executor, invoice: InvoiceRow, input: PaymentInput): Promise<void> {
  await trx.insertInto('payments').values({
    contract_id: invoice.contract_id, invoice_id: invoice.id, received_on: input.receivedOn, amount_cents: input.amountCents,
    reference: input.reference, recorded_by: input.staffId, recorded_at: input.now.toISOString(),
  }).execute()
  await writeAudit(trx, { action: 'invoicing.payment_recorded', actorUserId: input.staffId, contractId: invoice.contract_id,
    details: { invoice: invoice.number, amount_cents: input.amountCents, received_on: input.receivedOn, reference: input.reference } })
}
