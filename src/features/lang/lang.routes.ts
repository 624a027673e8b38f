import type { FastifyInstance } from 'fastify'
import { field, safeLocalPath } from '../../lib/forms.js'
import { isLocale } from '../../i18n/index.js'
import { rememberLocale } from '../../plugins/i18n.js'

export async function langRoutes(app: FastifyInstance) {
  // An unknown language falls back to the current one: no error for a harmless mistake.
  app.post('/lang', { config: { public: true } }, async (request, reply) => {
    const lang = field(request.body, 'lang')
    const back = safeLocalPath(field(request.body, 'back'))
    if (isLocale(lang)) await rememberLocale(request, reply, lang)
    return reply.redirect(back, 303)
  })
}
