// Billing contacts (staff area `billing`: billing and admin): per contract,
// its references and who receives its invoices; as a page and as CSV.
import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type { Executor } from '../../../db/database.js'
import type { Translate } from '../../../i18n/index.js'
import { cleanText, field, type FieldErrors } from '../../../lib/forms.js'
import { billingContactsPage, listBillingContacts, type BillingContract } from './billing.queries.js'
import { CSV_START, csvHeaders, csvLine } from './csv.js'
import { filterQuery, requestedPage } from './list-params.js'

const POLICY = { policy: { staff: 'billing' } } as const
const CSV_BATCH = 500
const MAX_SEARCH = 100

function readSearch(query: unknown): { q: string; errors: FieldErrors } {
  const q = cleanText(field(query, 'q'))
  return { q, errors: q.length > MAX_SEARCH ? { q: { key: 'admin.records.billing.error.q_length', params: { max: MAX_SEARCH } } } : {} }
}

export async function billingRoutes(app: FastifyInstance) {
  app.get('/admin/billing', { config: POLICY }, async (request, reply) => {
    const { q, errors } = readSearch(request.query)
    const view = { values: { q }, errors, query: filterQuery({ q }), rows: [] as BillingContract[], total: 0, page: 1, pages: 1 }
    if (Object.keys(errors).length > 0) return reply.code(422).render('admin/records/billing', view)
    const { rows, total, page, pages } = await billingContactsPage(app.db, q, requestedPage(request.query))
    return reply.render('admin/records/billing', { ...view, rows, total, page, pages })
  })

  app.get('/admin/billing.csv', { config: POLICY }, async (request, reply) => {
    const { q, errors } = readSearch(request.query)
    if (Object.keys(errors).length > 0) return reply.code(422).render('admin/records/billing', { values: { q }, errors, query: '', rows: [], total: 0, page: 1, pages: 1 })
    return reply.headers(csvHeaders('billing-contacts.csv')).send(Readable.from(billingCsv(app.db, q, request.i18n.t)))
  })
}

async function* billingCsv(db: Executor, q: string, t: Translate): AsyncGenerator<string> {
  yield CSV_START + csvLine([t('admin.records.billing.col.company'), t('admin.records.billing.col.code'), t('admin.records.billing.col.name'),
    t('admin.records.billing.col.offer'), t('admin.records.billing.col.status'), t('admin.records.billing.col.ref1'), t('admin.records.billing.col.ref2'), t('admin.records.billing.col.ref3'),
    t('admin.records.billing.col.referent'), t('admin.records.billing.csv.referent_email'), t('admin.records.billing.col.managers')])
  for (let offset = 0; ; offset += CSV_BATCH) {
    const batch = await listBillingContacts(db, q, offset, CSV_BATCH)
    for (const row of batch) {
      yield csvLine([row.company_name, row.code, row.name, t(`offer.${row.offer}` as const), t(`contract_status.${row.status}` as const), row.ref1, row.ref2, row.ref3,
        row.referent_login ? `${row.referent_first} ${row.referent_last}` : '', row.referent_email,
        row.managers.map((manager) => `${manager.first_name} ${manager.last_name} <${manager.email}>`).join('; ')])
    }
    if (batch.length < CSV_BATCH) return
  }
}
