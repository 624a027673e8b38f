// GET /bills: the bills page of one of the user's contracts (a contract
// select of those with billing ≥ visitor). Also renders the page again
// with the administrative contact form refused (422).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../lib/forms.js'
import { currentValues, type AdminContactValues } from './admin-contact.form.js'
import { billsPage, pageNumber } from './page.data.js'
import { monthLabel } from './page.simulation.js'
import { microToCents } from './pricing.js'

export async function showBillsPage(request: FastifyRequest, reply: FastifyReply) {
  return renderBillsPage(request, reply, currentValues(request.rights!.contract))
}

export async function renderBillsPage(request: FastifyRequest, reply: FastifyReply, contactValues: AdminContactValues, errors: FieldErrors = {}, status = 200) {
  const page = pageNumber((request.query as Record<string, unknown> | undefined)?.page)
  const data = await billsPage(request.server.db, request.rights!, { page, now: new Date() })
  const locale = request.i18n.locale
  return reply.code(status).render('bills/index', { ...data, contactValues, errors, isReferent: request.rights!.isReferent, monthLabel: (month: string) => monthLabel(month, locale), microToCents })
}
