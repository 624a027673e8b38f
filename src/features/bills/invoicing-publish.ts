// Publishing an invoice or a credit note: from then on the customer sees it,
// and, in the same transaction (the outbox), the contract's billing managers
// and referent are told in the portal and by email in their language, and
// the administrative contact by email. On a grouped invoice only the grouping
// contract's people are told: the members' managers and referents have no
// right on the grouping contract's bills (they would see its total and get a
// link answering 404).
//
// The administrative contact needs no portal account, so a link behind the
// login is no use to them: their email carries the PDF. It is rendered here,
// inside the publishing transaction, because the invoices a month's closing
// or a credit note publishes are issued in that same transaction (their
// number is taken there): they don't exist before it. Rendering is pdfkit in
// memory (CPU only, no I/O, a few kilobytes) and the lines are read with
// `trx`, so the single SQLite connection is held no longer than by the rest.
//
// Orange Business invoices are published without telling anyone through the
// portal: that offer's invoices are not shown in the customer space.
import type { Executor } from '../../db/database.js'
import type { InvoiceRow } from '../../db/invoices.table.js'
import type { Locale } from '../../db/users.table.js'
import { writeAudit } from '../../audit/audit.js'
import { MAX_ATTACHMENTS_BYTES, queueEmail, type EmailAttachment } from '../../mail/outbox.js'
import type { InvoicePublishedData } from '../../mail/templates/invoice-published.js'
import { notify, wants } from '../notifications/notifications.queries.js'
import { invoiceFileName, invoicePdfOf } from './invoice-pdf.js'

export interface PublishInput {
  now: Date
  /** The portal's address, for the links in emails. */
  publicUrl: string
  staffId: number | null
}

interface Recipient {
  id: number
  email: string
  first_name: string
  locale: Locale
  /** The contract through which they hold the right: their bills page. */
  contract_code: string
}

export const invoicePdfPath = (contractCode: string, number: string) => `/bills/${contractCode}/invoices/${number}.pdf`
export const billsPath = (contractCode: string) => `/bills?contract=${contractCode}`

/** Marks the invoice published and tells who must know. False when it already was. Call it with `trx`. */
export async function publishInvoice(trx: Executor, invoice: InvoiceRow, input: PublishInput): Promise<boolean> {
  const result = await trx.updateTable('invoices').set({ published_at: input.now.toISOString() })
    .where('id', '=', invoice.id).where('published_at', 'is', null).executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return false
  const contract = await trx.selectFrom('contracts').select(['id', 'code', 'name', 'offer', 'admin_contact_name', 'admin_contact_email'])
    .where('id', '=', invoice.contract_id).executeTakeFirstOrThrow()
  await writeAudit(trx, { action: 'invoicing.published', actorUserId: input.staffId, contractId: contract.id, details: { number: invoice.number } })
  if (contract.offer === 'orange_business') return true
  const data = (firstName: string, billsCode: string): InvoicePublishedData => ({
    firstName, kind: invoice.kind, number: invoice.number, contractName: contract.name, contractCode: contract.code, month: invoice.month,
    totalInclCents: invoice.total_incl_cents, dueOn: invoice.due_on,
    pdfLink: `${input.publicUrl}${invoicePdfPath(contract.code, invoice.number)}`, billsLink: `${input.publicUrl}${billsPath(billsCode)}`,
  })
  for (const person of await recipientsOf(trx, contract.id)) {
    if (await wants(trx, person.id, 'invoice_published', 'email')) {
      await queueEmail(trx, { to: person.email, locale: person.locale, template: 'invoice_published', data: data(person.first_name, person.contract_code) })
    }
    await notify(trx, person.id, 'invoice_published', { number: invoice.number, code: contract.code, name: contract.name }, billsPath(person.contract_code))
  }
  if (contract.admin_contact_email) {
    const pdf = await adminContactPdf(trx, invoice)
    const contactData = data(contract.admin_contact_name ?? '', contract.code)
    await queueEmail(trx, pdf
      ? { to: contract.admin_contact_email, locale: 'fr', template: 'invoice_published', data: { ...contactData, attachedFileName: pdf.filename }, attachments: [pdf] }
      : { to: contract.admin_contact_email, locale: 'fr', template: 'invoice_published', data: contactData })
  }
  return true
}

/** The document as a PDF for the administrative contact (in French, like
 * their email); none, and the email links it instead, in the unlikely case it
 * outweighs what an email may carry. */
async function adminContactPdf(trx: Executor, invoice: InvoiceRow): Promise<EmailAttachment | undefined> {
  const content = await invoicePdfOf(trx, invoice, 'fr')
  if (content.length > MAX_ATTACHMENTS_BYTES) return undefined
  return { filename: invoiceFileName(invoice), contentType: 'application/pdf', content }
}

/** Billing managers and the referent of the billed contract (the grouping contract for a grouped invoice), each person once. */
async function recipientsOf(trx: Executor, contractId: number): Promise<Recipient[]> {
  const contract = await trx.selectFrom('contracts').select(['id', 'code', 'referent_user_id'])
    .where('id', '=', contractId).executeTakeFirstOrThrow()
  const people = await trx.selectFrom('users').select(['id', 'email', 'first_name', 'locale'])
    .where((eb) => eb.or([
      eb('id', 'in', eb.selectFrom('contract_roles').select('user_id')
        .where('contract_id', '=', contract.id).where('section', '=', 'billing').where('role', '=', 'manager')),
      eb('id', '=', contract.referent_user_id ?? -1),
    ])).orderBy('id').execute()
  return people.map((person) => ({ ...person, contract_code: contract.code }))
}
