import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { cleanText, field, safeLocalPath } from '../../lib/forms.js'
import type { MessageKey } from '../../i18n/index.js'
import { authenticate, type LoginOutcome } from './authenticate.js'

export async function loginRoutes(app: FastifyInstance) {
  app.get('/login', { config: { public: true } }, async (request, reply) => {
    if (request.user) return reply.redirect('/', 302)
    const next = safeLocalPath((request.query as Record<string, unknown>).next)
    return reply.render('auth/login', { values: { login: '', next } })
  })

  app.post('/login', {
    config: { public: true, rateLimit: { max: app.config.loginRateLimitPerIp, timeWindow: 60_000 } },
  }, async (request, reply) => {
    const login = cleanText(field(request.body, 'login'))
    const password = field(request.body, 'password')
    const next = safeLocalPath(field(request.body, 'next'))
    const values = { login, next }
    const missing = requiredErrors(login, password)
    if (missing) return reply.code(422).render('auth/login', { values, errors: missing })
    const outcome = await authenticate(app.db, app.config, login, password, request.ip)
    if (!outcome.ok) return renderRefusal(request, reply, values, outcome)
    if (outcome.needsTotp) {
      await startPendingSecondFactor(request, outcome.userId, next)
      return reply.redirect('/login/2fa', 303)
    }
    await startSession(request, outcome.userId, outcome.locale)
    return reply.redirect(next, 303)
  })
}

function requiredErrors(login: string, password: string): Record<string, MessageKey> | undefined {
  const errors: Record<string, MessageKey> = {}
  if (!login) errors.login = 'login.error.login_required'
  if (!password) errors.password = 'login.error.password_required'
  return Object.keys(errors).length > 0 ? errors : undefined
}

function renderRefusal(request: FastifyRequest, reply: FastifyReply, values: object, outcome: Exclude<LoginOutcome, { ok: true }>) {
  const { t, fmt } = request.i18n
  const message = outcome.reason === 'locked'
    ? t('login.error.locked', { time: fmt.dateTime(outcome.until) })
    : t(outcome.reason === 'throttled' ? 'login.error.throttled' : outcome.reason === 'no_access' ? 'login.error.no_access' : 'login.error.invalid')
  return reply.code(outcome.reason === 'throttled' ? 429 : 422).render('auth/login', { values, formError: message })
}

// Between the password and the code: the session knows who, but is not signed in.
async function startPendingSecondFactor(request: FastifyRequest, userId: number, next: string) {
  const lang = request.i18n.locale
  await request.session.regenerate()
  request.session.pending = { userId, at: Date.now(), next, attempts: 0 }
  request.session.lang = lang
}

// A new session id at login: a session id fixed by an attacker before login is worth nothing after it.
export async function startSession(request: FastifyRequest, userId: number, locale: 'en' | 'fr') {
  await request.session.regenerate()
  const now = Date.now()
  request.session.userId = userId
  request.session.loginAt = now
  request.session.seenAt = now
  request.session.lang = locale
  // Shown in "My security" so the user can tell their browsers apart.
  request.session.ip = request.ip
  request.session.userAgent = String(request.headers['user-agent'] ?? '').slice(0, 200)
}
