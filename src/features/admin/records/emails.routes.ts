// The email log (the outbox): every email with its delivery state, one
// email's text, and "retry now" for one failed or late email or for every
// failed one. Staff area `emails` (support and admin).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { writeAudit } from '../../../audit/audit.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { emailFilterErrors, readEmailFilters, type EmailStatusFilter } from './emails.form.js'
import { countEmails, countFailedEmails, EMAILS_PAGE_SIZE, findEmail, listEmails, maskPasswordLinks, retryEmail, retryFailedEmails } from './emails.queries.js'
import { filterQuery, pageWindow, requestedPage } from './list-params.js'

const POLICY = { policy: { staff: 'emails' } } as const

export async function emailsRoutes(app: FastifyInstance) {
  app.get('/admin/emails', { config: POLICY }, async (request, reply) => {
    const filters = readEmailFilters(request.query)
    const errors = emailFilterErrors(filters)
    const failed = await countFailedEmails(app.db)
    const view = { values: filters, errors, failed, query: filterQuery({ ...filters }), rows: [] as unknown[], total: 0, page: 1, pages: 1 }
    if (Object.keys(errors).length > 0) return reply.code(422).render('admin/records/emails', view)
    const search = { status: filters.status as EmailStatusFilter, q: filters.q }
    const total = await countEmails(app.db, search)
    const { page, pages, offset } = pageWindow(requestedPage(request.query), total, EMAILS_PAGE_SIZE)
    return reply.render('admin/records/emails', { ...view, rows: await listEmails(app.db, search, offset), total, page, pages })
  })

  app.get('/admin/emails/:id', { config: POLICY }, async (request, reply) => {
    const email = await emailOf(request)
    return reply.render('admin/records/email', { email, body: maskPasswordLinks(email.text_body) })
  })

  app.post('/admin/emails/:id/retry', { config: POLICY }, async (request, reply) => {
    const email = await emailOf(request)
    const retried = await app.db.transaction().execute(async (trx) => {
      if (!(await retryEmail(trx, email.id, new Date()))) return false
      await writeAudit(trx, { action: 'admin.email.retried', actorUserId: request.user!.id, ip: request.ip,
        details: { email_id: email.id, to: email.to_address, template: email.template, previous_status: email.status, attempts: email.attempts } })
      return true
    })
    if (!retried) {
      const current = (await findEmail(app.db, email.id)) ?? email
      return reply.code(422).render('admin/records/email', { email: current, body: maskPasswordLinks(current.text_body),
        formError: request.i18n.t('admin.records.emails.error.already_sent'), formErrorField: 'email-status' })
    }
    reply.flash('success', 'admin.records.emails.retried')
    return reply.redirect(`/admin/emails/${email.id}`, 303)
  })

  app.post('/admin/emails/retry-failed', { config: POLICY }, async (request, reply) => {
    const count = await app.db.transaction().execute(async (trx) => {
      const retried = await retryFailedEmails(trx, new Date())
      if (retried > 0) await writeAudit(trx, { action: 'admin.email.retried_all_failed', actorUserId: request.user!.id, ip: request.ip, details: { count: retried } })
      return retried
    })
    if (count === 0) reply.flash('info', 'admin.records.emails.none_failed')
    else reply.flash('success', 'admin.records.emails.retried_all', { count })
    return reply.redirect(count === 0 ? '/admin/emails?status=failed' : '/admin/emails?status=pending', 303)
  })
}

/** The email of the URL's id: 404 for an id that is not a plain number or names no email. */
async function emailOf(request: FastifyRequest) {
  const raw = (request.params as { id: string }).id
  if (!/^[1-9][0-9]{0,14}$/.test(raw)) throw new NotFoundError()
  const email = await findEmail(request.server.db, Number(raw))
  if (!email) throw new NotFoundError()
  return email
}
