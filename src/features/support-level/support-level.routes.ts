// The contract's support level: the offer's ladder for every contract user,
// the change form for contracts managers. An upgrade is applied (Cloud
// Avenue) or scheduled for the 1st of next month (Flexible Engine); a
// downgrade becomes a change request to support.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { field, type FieldErrors } from '../../lib/forms.js'
import type { MessageKey } from '../../i18n/index.js'
import { can } from '../../policy/index.js'
import { parisDay } from '../../lib/paris-calendar.js'
import { CLOUD_AVENUE_TABLE, decideChange, inCommitment, ladderOf } from './ladder.js'
import { supportStateOf } from './support-level.queries.js'
import { requestNumber } from '../requests/request-number.js'
import { applyUpgradeNow, requestDowngrade, scheduleUpgrade, type Requester } from './support-level.writes.js'

export async function supportLevelRoutes(app: FastifyInstance) {
  app.get('/contracts/:code/support-level', { config: { policy: { section: 'contracts', level: 'visitor' } } }, async (request, reply) => renderPage(request, reply))

  app.post('/contracts/:code/support-level', { config: { policy: { section: 'contracts', level: 'manager' } } }, async (request, reply) => {
    const { contract } = request.rights!
    const wanted = field(request.body, 'level')
    const now = new Date()
    const state = await supportState(request)
    const decision = decideChange(state, wanted, now)
    if (decision.outcome === 'refused') return renderPage(request, reply, { level: wanted }, { level: `support.error.${decision.error}` }, 422)
    const by = requesterOf(request)
    if (decision.outcome === 'request_to_support') {
      const requestId = await app.db.transaction().execute((trx) => requestDowngrade(trx, contract, wanted, by, now))
      reply.flash('success', 'requests.downgrade.flash', { number: requestNumber(requestId) })
      return reply.redirect(`/requests/${requestNumber(requestId)}`, 303)
    } else if (decision.outcome === 'immediate') {
      await app.db.transaction().execute((trx) => applyUpgradeNow(trx, contract, wanted, by, now, parisDay(now)))
      reply.flash('success', 'support.flash.upgraded', { level: request.i18n.t(`support.level.${wanted}` as MessageKey), date: request.i18n.fmt.date(decision.billedFrom) })
    } else {
      await app.db.transaction().execute((trx) => scheduleUpgrade(trx, contract, wanted, decision, by, now))
      reply.flash('success', 'support.flash.scheduled', { level: request.i18n.t(`support.level.${wanted}` as MessageKey), date: request.i18n.fmt.date(decision.effectiveOn), end: request.i18n.fmt.date(decision.commitmentEnd) })
    }
    return reply.redirect(`/contracts/${contract.code}/support-level`, 303)
  })
}

function supportState(request: FastifyRequest) {
  return supportStateOf(request.server.db, request.rights!.contract)
}

async function renderPage(request: FastifyRequest, reply: FastifyReply, values: { level: string } = { level: '' }, errors: FieldErrors = {}, status = 200) {
  const rights = request.rights!
  const state = await supportState(request)
  const ladder = ladderOf(rights.contract.offer)
  return reply.code(status).render('support-level/show', {
    contract: rights.contract, ladder, pending: state.pending, caTable: CLOUD_AVENUE_TABLE,
    committed: inCommitment(state, new Date()), commitmentEnd: state.commitmentEnd,
    mayChange: ladder !== undefined && can(rights, 'contracts', 'manager') && rights.contract.status === 'active',
    values, errors,
  })
}

function requesterOf(request: FastifyRequest): Requester {
  const user = request.user!
  return { userId: user.id, ip: request.ip, name: `${user.first_name} ${user.last_name}`, email: user.email, login: user.login, locale: user.locale }
}
