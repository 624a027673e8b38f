// What the bills page and the account statement read: published invoices
// and credit notes only (an issued document stays staff-only until
// published), the contracts of a multi-services grouping, and payments.
import type { Executor } from '../../db/database.js'
import type { InvoiceKind } from '../../db/invoices.table.js'

export const HISTORY_PAGE_SIZE = 12

export interface InvoiceSummary {
  number: string
  kind: InvoiceKind
  month: string
  period_start: string
  period_end: string
  issued_on: string
  due_on: string
  total_excl_cents: number
  total_incl_cents: number
  corrects_number: string | null
}

/** A page of the contract's published invoices and credit notes, newest first. */
export async function publishedInvoices(db: Executor, contractId: number, page: number): Promise<InvoiceSummary[]> {
  return db.selectFrom('invoices')
    .leftJoin('invoices as corrected', 'corrected.id', 'invoices.corrects_invoice_id')
    .select(['invoices.number', 'invoices.kind', 'invoices.month', 'invoices.period_start', 'invoices.period_end', 'invoices.issued_on',
      'invoices.due_on', 'invoices.total_excl_cents', 'invoices.total_incl_cents', 'corrected.number as corrects_number'])
    .where('invoices.contract_id', '=', contractId).where('invoices.published_at', 'is not', null)
    .orderBy('invoices.issued_on', 'desc').orderBy('invoices.id', 'desc')
    .limit(HISTORY_PAGE_SIZE).offset((page - 1) * HISTORY_PAGE_SIZE)
    .execute()
}

export async function countPublishedInvoices(db: Executor, contractId: number): Promise<number> {
  const row = await db.selectFrom('invoices').select((eb) => eb.fn.countAll<number>().as('count'))
    .where('contract_id', '=', contractId).where('published_at', 'is not', null)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** The last published invoice proper (not a credit note), if any. */
export async function lastPublishedInvoice(db: Executor, contractId: number): Promise<InvoiceSummary | undefined> {
  return db.selectFrom('invoices')
    .select(['number', 'kind', 'month', 'period_start', 'period_end', 'issued_on', 'due_on', 'total_excl_cents', 'total_incl_cents'])
    .select((eb) => eb.val<string | null>(null).as('corrects_number'))
    .where('contract_id', '=', contractId).where('kind', '=', 'invoice').where('published_at', 'is not', null)
    .orderBy('issued_on', 'desc').orderBy('id', 'desc')
    .executeTakeFirst()
}

export interface ContractRef {
  id: number
  code: string
  name: string
}

/** The member contracts of a multi-services grouping contract, by code. */
export async function groupMembers(db: Executor, groupingId: number): Promise<ContractRef[]> {
  return db.selectFrom('contracts').select(['id', 'code', 'name'])
    .where('grouping_contract_id', '=', groupingId).orderBy('code').execute()
}

export async function contractById(db: Executor, id: number): Promise<ContractRef | undefined> {
  return db.selectFrom('contracts').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst()
}

export interface StatementDocument {
  number: string
  kind: InvoiceKind
  issued_on: string
  due_on: string
  total_incl_cents: number
}

/** Every published invoice and credit note of the contract, oldest first. */
export async function statementDocuments(db: Executor, contractId: number): Promise<StatementDocument[]> {
  return db.selectFrom('invoices').select(['number', 'kind', 'issued_on', 'due_on', 'total_incl_cents'])
    .where('contract_id', '=', contractId).where('published_at', 'is not', null)
    .orderBy('issued_on').orderBy('id').execute()
}

export interface StatementPayment {
  received_on: string
  amount_cents: number
  reference: string
  invoice_number: string | null
}

/** The payments recorded for the contract, oldest first: none on an invoice the customer can't see yet (unpublished). */
export async function statementPayments(db: Executor, contractId: number): Promise<StatementPayment[]> {
  return db.selectFrom('payments').leftJoin('invoices', 'invoices.id', 'payments.invoice_id')
    .select(['payments.received_on', 'payments.amount_cents', 'payments.reference', 'invoices.number as invoice_number'])
    .where('payments.contract_id', '=', contractId)
    .where((eb) => eb.or([eb('payments.invoice_id', 'is', null), eb('invoices.published_at', 'is not', null)]))
    .orderBy('payments.received_on').orderBy('payments.id').execute()
}

/** Names or removes (both null) the contract's administrative contact. */
export async function setAdminContact(trx: Executor, contractId: number, contact: { name: string | null; email: string | null }, now: Date): Promise<void> {
  await trx.updateTable('contracts')
    .set({ admin_contact_name: contact.name, admin_contact_email: contact.email, updated_at: now.toISOString() })
    .where('id', '=', contractId).execute()
}
