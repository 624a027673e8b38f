// Reporting an incident. Step 1 (a GET form) asks for the problem in a few
// words and shows the FAQ answers matching them; the full form follows with
// those words as its title. A direct POST needs no step 1.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import { searchFaq } from '../../help/faq.js'
import { checkAttachment, insertAttachment } from '../attachments.js'
import { requestNumber } from '../request-number.js'
import { PRIORITIES } from '../request-types.js'
import { insertRequest } from '../requests.writes.js'
import { dueAt, repairTable } from '../time-to-repair.js'
import { DESCRIPTION_MAX, emptyIncident, incidentErrors, isValidIncident, readIncidentForm, summaryOf, TITLE_MAX, type IncidentForm } from './incident.form.js'
import { incidentService, incidentServices } from './incident-services.js'

export async function showIncident(request: FastifyRequest, reply: FastifyReply) {
  const summary = summaryOf(request.query)
  if (summary === undefined) return renderIncident(request, reply, { step: 'summary' })
  if (summary === '') return renderIncident(request, reply, { step: 'summary', errors: { title: 'requests.incident.error.summary_required' }, status: 422 })
  return renderIncident(request, reply, { step: 'form', form: emptyIncident(summary) })
}

export async function sendIncident(request: FastifyRequest, reply: FastifyReply) {
  const { contract } = request.rights!
  const form = readIncidentForm(request.body)
  const errors = incidentErrors(form, contract.offer, request.i18n.locale)
  const file = checkAttachment(request)
  if (!file.ok) return renderIncident(request, reply, { step: 'form', form, errors: { ...errors, ...file.errors }, status: file.status })
  if (!isValidIncident(form, errors)) return renderIncident(request, reply, { step: 'form', form, errors, status: 422 })
  const now = new Date()
  const authorId = request.user!.id
  // Kept as the author read it, like a change's title: the request reads the same wherever it is shown.
  const service = incidentService(contract.offer, form.service)!.label[request.i18n.locale]
  const id = await request.server.db.transaction().execute(async (trx) => {
    const requestId = await insertRequest(trx, {
      contractId: contract.id, type: 'incident', title: form.title, description: form.description, priority: form.priority, service,
      authorId, dueAt: dueAt(contract.offer, contract.support_level, form.priority, now),
    }, now)
    if (file.attachment) await insertAttachment(trx, { requestId, commentId: null, uploadedBy: authorId, file: file.attachment, now })
    return requestId
  })
  reply.flash('success', 'requests.new.sent', { number: requestNumber(id) })
  return reply.redirect(`/requests/${requestNumber(id)}`, 303)
}

interface IncidentPage {
  step: 'summary' | 'form'
  form?: IncidentForm
  errors?: FieldErrors
  status?: number
}

function renderIncident(request: FastifyRequest, reply: FastifyReply, page: IncidentPage) {
  const { contract } = request.rights!
  const { locale } = request.i18n
  const form = page.form ?? emptyIncident()
  const hours = repairTable(contract.offer, contract.support_level)
  return reply.code(page.status ?? 200).render('requests/new/incident', {
    contract, step: page.step, values: form, errors: page.errors ?? {},
    faq: page.step === 'form' && form.title ? searchFaq(form.title, locale, 5) : [],
    repair: PRIORITIES.map((priority) => ({ priority, hours: hours[priority] })),
    services: incidentServices(contract.offer).map((service) => ({ value: service.value, label: service.label[locale] })),
    priorities: PRIORITIES, titleMax: TITLE_MAX, descriptionMax: DESCRIPTION_MAX,
  })
}
