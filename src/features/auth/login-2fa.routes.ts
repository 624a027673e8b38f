// The second step of a login with two factors: a TOTP code or a recovery code.
// Each wrong code counts as a failed login (5 lock the account); the pending
// state lasts 5 minutes and 5 attempts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { field } from '../../lib/forms.js'
import { acceptTotpCode, totpBox } from '../security/totp.js'
import { looksLikeRecoveryCode, useRecoveryCode } from '../security/recovery-codes.js'
import { recordSuccessfulLogin } from './auth.queries.js'
import { failed } from './authenticate.js'
import { startSession } from './login.routes.js'

const PENDING_MS = 5 * 60_000
const MAX_ATTEMPTS = 5

export async function loginSecondFactorRoutes(app: FastifyInstance) {
  const box = totpBox(app.config.sessionSecret)

  app.get('/login/2fa', { config: { public: true } }, async (request, reply) => {
    if (!pendingOf(request)) return reply.redirect('/login', 302)
    return reply.render('auth/login-2fa')
  })

  app.post('/login/2fa', { config: { public: true, rateLimit: { max: app.config.loginRateLimitPerIp, timeWindow: 60_000 } } }, async (request, reply) => {
    const pending = pendingOf(request)
    if (!pending) return reply.redirect('/login', 303)
    const code = field(request.body, 'code').trim()
    if (await isLocked(pending.userId)) {
      request.session.pending = undefined
      reply.flash('error', 'login2fa.too_many')
      return reply.redirect('/login', 303)
    }
    if (!code) return reply.code(422).render('auth/login-2fa', { errors: { code: 'login2fa.error.code_required' } })
    const accepted = await app.db.transaction().execute((trx) =>
      looksLikeRecoveryCode(code) ? useRecoveryCode(trx, pending.userId, code) : acceptTotpCode(trx, box, pending.userId, code))
    if (!accepted) return refuse(request, reply, pending)
    await recordSuccessfulLogin(app.db, pending.userId)
    const user = await app.db.selectFrom('users').select('locale').where('id', '=', pending.userId).executeTakeFirstOrThrow()
    await startSession(request, pending.userId, user.locale)
    return reply.redirect(pending.next, 303)
  })

  // A lock set after the password step (by wrong codes here, or elsewhere) holds here too.
  async function isLocked(userId: number): Promise<boolean> {
    const user = await app.db.selectFrom('users').select('locked_until').where('id', '=', userId).executeTakeFirstOrThrow()
    return user.locked_until !== null && user.locked_until > new Date().toISOString()
  }

  async function refuse(request: FastifyRequest, reply: FastifyReply, pending: NonNullable<FastifyRequest['session']['pending']>) {
    const user = await app.db.selectFrom('users').select(['id', 'failed_login_count']).where('id', '=', pending.userId).executeTakeFirstOrThrow()
    const outcome = await failed(app.db, app.config, user, request.ip, new Date())
    pending.attempts += 1
    if (outcome.ok === false && outcome.reason === 'locked' || pending.attempts >= MAX_ATTEMPTS) {
      request.session.pending = undefined
      reply.flash('error', 'login2fa.too_many')
      return reply.redirect('/login', 303)
    }
    request.session.pending = { ...pending }
    return reply.code(422).render('auth/login-2fa', { errors: { code: 'login2fa.error.code_wrong' } })
  }
}

function pendingOf(request: FastifyRequest) {
  const pending = request.session?.pending
  if (!pending || Date.now() - pending.at > PENDING_MS) return undefined
  return pending
}
