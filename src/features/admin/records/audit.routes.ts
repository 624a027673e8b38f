// GET /admin/audit and /admin/audit.csv: the whole audit log, searched by
// actor, action, contract, target user and Paris days. Admin only (the staff
// table gives the `audit` area to no other role).
import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Executor } from '../../../db/database.js'
import type { MessageKey, Translate } from '../../../i18n/index.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { auditFilterErrors, readAuditFilters, type AuditFilters } from './audit.form.js'
import { AUDIT_PAGE_SIZE, auditBatchAfter, countAuditEntries, listAuditActions, listAuditEntries, resolveAuditSearch, type AuditEntryView, type AuditSearch } from './audit.queries.js'
import { CSV_START, csvHeaders, csvLine } from './csv.js'
import { filterQuery, pageWindow, requestedPage } from './list-params.js'

const POLICY = { policy: { staff: 'audit' } } as const
const CSV_BATCH = 500
const CSV_COLUMNS = ['at', 'actor', 'actor_name', 'staff', 'action', 'contract', 'target', 'target_name', 'changes', 'ip']
  .map((name) => `admin.records.audit.csv.${name}` as MessageKey)

export async function auditRoutes(app: FastifyInstance) {
  app.get('/admin/audit', { config: POLICY }, async (request, reply) => {
    const filters = readAuditFilters(request.query)
    const { search, errors } = await checkedSearch(app.db, filters)
    if (!search) return renderAudit(reply, app.db, filters, errors)
    const total = await countAuditEntries(app.db, search)
    const { page, pages, offset } = pageWindow(requestedPage(request.query), total, AUDIT_PAGE_SIZE)
    const rows = await listAuditEntries(app.db, search, offset, total)
    return renderAudit(reply, app.db, filters, {}, { rows, total, page, pages })
  })

  app.get('/admin/audit.csv', { config: POLICY }, async (request, reply) => {
    const filters = readAuditFilters(request.query)
    const { search, errors } = await checkedSearch(app.db, filters)
    if (!search) return renderAudit(reply, app.db, filters, errors)
    return reply.headers(csvHeaders('audit-log.csv')).send(Readable.from(auditCsv(app.db, search, request.i18n.t)))
  })
}

/** The search the filters describe, or the messages that stop it. */
async function checkedSearch(db: Executor, filters: AuditFilters): Promise<{ search?: AuditSearch; errors: FieldErrors }> {
  const errors = auditFilterErrors(filters)
  if (Object.keys(errors).length > 0) return { errors }
  const resolved = await resolveAuditSearch(db, filters)
  return Object.keys(resolved.errors).length > 0 ? { errors: resolved.errors } : resolved
}

interface AuditPage {
  rows: AuditEntryView[]
  total: number
  page: number
  pages: number
}

async function renderAudit(reply: FastifyReply, db: Executor, filters: AuditFilters, errors: FieldErrors, list: AuditPage = { rows: [], total: 0, page: 1, pages: 1 }) {
  const actions = await listAuditActions(db)
  const query = filterQuery({ ...filters })
  if (Object.keys(errors).length > 0) reply.code(422)
  return reply.render('admin/records/audit', { values: filters, errors, actions, query, ...list })
}

/** The CSV, read from the log in batches: no query holds the (single) connection for the whole download. */
async function* auditCsv(db: Executor, search: AuditSearch, t: Translate): AsyncGenerator<string> {
  yield CSV_START + csvLine(CSV_COLUMNS.map((key) => t(key)))
  let cursor: { at: string; id: number } | undefined
  for (;;) {
    const batch = await auditBatchAfter(db, search, cursor, CSV_BATCH)
    for (const row of batch) {
      yield csvLine([row.at, row.actor_login, fullName(row.actor_first, row.actor_last), row.actor_is_staff === 1 ? t('admin.records.audit.csv.yes') : '',
        row.action, row.contract_code, row.target_login, fullName(row.target_first, row.target_last), row.changes.join(' | '), row.ip])
    }
    const last = batch.at(-1)
    if (!last || batch.length < CSV_BATCH) return
    cursor = { at: last.at, id: last.id }
  }
}

const fullName = (first: string | null, last: string | null) => (first ? `${first} ${last ?? ''}`.trim() : '')
