// The account statement of a contract (source 004): its published invoices
// (debit), credit notes and payments (credit), in date order with the
// running balance. Money in cents; a credit note's totals are stored
// negative, shown here as a positive credit.
import type { Executor } from '../../db/database.js'
import { statementDocuments, statementPayments } from './bills.queries.js'

export type EntryKind = 'invoice' | 'credit_note' | 'payment'

export interface StatementEntry {
  /** YYYY-MM-DD: issue date of a document, receipt date of a payment. */
  date: string
  kind: EntryKind
  /** The document's number, or the payment's bank reference. */
  reference: string
  /** The invoice a payment settles, when staff named it. */
  invoiceNumber: string | null
  dueOn: string | null
  debitCents: number
  creditCents: number
  balanceCents: number
}

export interface Statement {
  entries: StatementEntry[]
  /** What the customer owes now: invoices − credit notes − payments. */
  balanceCents: number
}

// On the same day a document comes before the payment that settles it.
const ORDER: Record<EntryKind, number> = { invoice: 0, credit_note: 1, payment: 2 }

export async function statementOf(db: Executor, contractId: number): Promise<Statement> {
  const [documents, payments] = await Promise.all([statementDocuments(db, contractId), statementPayments(db, contractId)])
  const unordered = [
    ...documents.map((doc) => ({
      date: doc.issued_on.slice(0, 10), kind: doc.kind as EntryKind, reference: doc.number, invoiceNumber: null, dueOn: doc.due_on,
      debitCents: doc.kind === 'invoice' ? doc.total_incl_cents : 0, creditCents: doc.kind === 'credit_note' ? -doc.total_incl_cents : 0,
    })),
    ...payments.map((payment) => ({
      date: payment.received_on.slice(0, 10), kind: 'payment' as const, reference: payment.reference, invoiceNumber: payment.invoice_number, dueOn: null,
      debitCents: 0, creditCents: payment.amount_cents,
    })),
  ]
  // Array.prototype.sort is stable: same-day documents keep their issue order.
  unordered.sort((a, b) => a.date.localeCompare(b.date) || ORDER[a.kind] - ORDER[b.kind])
  let balance = 0
  const entries = unordered.map((entry) => {
    balance += entry.debitCents - entry.creditCents
    return { ...entry, balanceCents: balance }
  })
  return { entries, balanceCents: balance }
}
