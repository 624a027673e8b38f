// "My security": two-factor authentication, recovery codes, signed-in browsers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { countUnusedRecoveryCodes } from './recovery-codes.js'
import { enrolmentQrSvg, totpBox } from './totp.js'
import { endSessionByHandle, findSecurityState, listSessions } from './security.queries.js'
import { field, type FieldErrors } from '../../lib/forms.js'

export async function securityRoutes(app: FastifyInstance) {
  app.get('/account/security', { config: { policy: 'authenticated' } }, async (request, reply) => renderSecurity(request, reply))

  app.post('/account/sessions/end', { config: { policy: 'authenticated' } }, async (request, reply) => {
    if (await endSessionByHandle(app.db, request.user!.id, field(request.body, 'session'))) reply.flash('success', 'security.sessions.ended')
    return reply.redirect('/account/security', 303)
  })

  app.post('/account/sessions/end-others', { config: { policy: 'authenticated' } }, async (request, reply) => {
    await app.db.deleteFrom('sessions').where('user_id', '=', request.user!.id).where('id', '!=', request.session.sessionId).execute()
    reply.flash('success', 'security.sessions.ended_others')
    return reply.redirect('/account/security', 303)
  })
}

/** The page in its current state; forms of this page re-render it with their errors. */
export async function renderSecurity(request: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; status?: number } = {}) {
  const app = request.server
  const state = await findSecurityState(app.db, request.user!.id)
  const enrolling = state.totp_secret !== null && state.totp_enabled_at === null
  const secret = enrolling ? totpBox(app.config.sessionSecret).open(state.totp_secret!) : null
  const [sessions, recoveryLeft, qr] = await Promise.all([
    listSessions(app.db, state.id, request.session.sessionId),
    state.totp_enabled_at ? countUnusedRecoveryCodes(app.db, state.id) : 0,
    secret ? enrolmentQrSvg(request.i18n.t('app.name'), state.login, secret) : null,
  ])
  const view = { state, enrolling, secret: secret?.replace(/(.{4})/g, '$1 ').trim(), qr, sessions, recoveryLeft, errors: extra.errors ?? {} }
  return reply.code(extra.status ?? 200).render('security/index', view)
}
