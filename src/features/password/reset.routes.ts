// Setting a password from an emailed link (reset, or the welcome link of a new
// user). Success unlocks the account and ends every session of the user.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { field } from '../../lib/forms.js'
import { hashPassword } from '../../lib/passwords.js'
import { writeAudit } from '../../audit/audit.js'
import { queueEmail } from '../../mail/outbox.js'
import { notify } from '../notifications/notifications.queries.js'
import { consumePasswordToken, findPasswordToken, type TokenLookup } from './password-tokens.queries.js'
import { newPasswordErrors } from './new-password.form.js'

type ValidToken = Extract<TokenLookup, { state: 'valid' }>

export async function resetRoutes(app: FastifyInstance) {
  app.get('/password/reset/:token', { config: { public: true } }, async (request, reply) => {
    const token = await findPasswordToken(app.db, tokenOf(request))
    if (token.state !== 'valid') return renderUnusable(reply, token.state)
    return reply.render('password/reset', { purpose: token.purpose, token: tokenOf(request) })
  })

  app.post('/password/reset/:token', { config: { public: true, rateLimit: { max: 10, timeWindow: 60_000 } } }, async (request, reply) => {
    const token = await findPasswordToken(app.db, tokenOf(request))
    if (token.state !== 'valid') return renderUnusable(reply, token.state)
    const password = field(request.body, 'password')
    const errors = newPasswordErrors(password, field(request.body, 'confirm'), token.login)
    if (errors) return reply.code(422).render('password/reset', { purpose: token.purpose, token: tokenOf(request), errors })
    const used = await setPassword(app, request, token, await hashPassword(password))
    if (!used) return renderUnusable(reply, 'used')
    reply.flash('success', 'reset.done')
    return reply.redirect('/login', 303)
  })
}

function tokenOf(request: FastifyRequest): string {
  return (request.params as { token: string }).token
}

function renderUnusable(reply: FastifyReply, state: 'used' | 'expired' | 'unknown') {
  return reply.code(state === 'unknown' ? 404 : 410).render('password/unusable', { state })
}

// One transaction: the token is spent, the password set, the lock lifted, every session ended, the email queued.
async function setPassword(app: FastifyInstance, request: FastifyRequest, token: ValidToken, passwordHash: string): Promise<boolean> {
  return app.db.transaction().execute(async (trx) => {
    if (!(await consumePasswordToken(trx, token.id))) return false
    const now = new Date().toISOString()
    const user = await trx.updateTable('users')
      .set({ password_hash: passwordHash, failed_login_count: 0, locked_until: null, updated_at: now })
      .where('id', '=', token.userId).returning(['email', 'first_name', 'locale']).executeTakeFirstOrThrow()
    await trx.deleteFrom('sessions').where('user_id', '=', token.userId).execute()
    await writeAudit(trx, { action: token.purpose === 'welcome' ? 'password.set' : 'password.reset', actorUserId: token.userId, targetUserId: token.userId, ip: request.ip })
    await notify(trx, token.userId, 'password_changed')
    await queueEmail(trx, {
      to: user.email, locale: user.locale, template: 'password_changed',
      data: { firstName: user.first_name, changedAt: now, ip: request.ip, forgotLink: `${app.config.publicUrl}/password/forgot` },
    })
    return true
  })
}
