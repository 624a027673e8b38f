// "Forgotten password": by login or email, the same answer whether or not the
// account exists; a link valid one hour goes by email.
import type { FastifyInstance } from 'fastify'
import { cleanText, field } from '../../lib/forms.js'
import { hitRateCounter } from '../auth/login-throttle.js'
import { queueResetLink } from './password-links.js'

const PER_IDENTIFIER_PER_HOUR = 3

export async function forgotRoutes(app: FastifyInstance) {
  app.get('/password/forgot', { config: { public: true } }, async (request, reply) =>
    reply.render('password/forgot', { values: { identifier: '' } }))

  app.post('/password/forgot', {
    config: { public: true, rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (request, reply) => {
    const identifier = cleanText(field(request.body, 'identifier')).toLowerCase()
    if (!identifier || identifier.length > 254) {
      return reply.code(422).render('password/forgot', { values: { identifier }, errors: { identifier: 'forgot.error.identifier_required' } })
    }
    if (await hitRateCounter(app.db, `forgot:${identifier}`, PER_IDENTIFIER_PER_HOUR, 3_600_000)) await sendResetLink(app, identifier)
    return reply.redirect('/password/forgot/sent', 303)
  })

  app.get('/password/forgot/sent', { config: { public: true } }, async (request, reply) => reply.render('password/forgot-sent'))
}

async function sendResetLink(app: FastifyInstance, identifier: string): Promise<void> {
  const user = await app.db.selectFrom('users').select(['id', 'email', 'first_name', 'locale'])
    .where((eb) => eb.or([eb('login', '=', identifier), eb('email', '=', identifier)]))
    .executeTakeFirst()
  if (!user) return
  await app.db.transaction().execute((trx) => queueResetLink(trx, app.config.publicUrl, user))
}
