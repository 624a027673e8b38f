// The language of each request: the user's choice kept in the session, then
// the `lang` cookie, then Accept-Language. `?lang=` on any page switches it.
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isLocale, localeFromAcceptLanguage, translator, type Locale } from '../i18n/index.js'

export const LANG_COOKIE = 'lang'

export const i18nPlugin = fp(async (app) => {
  app.decorateRequest('i18n', null as never)
  app.addHook('onRequest', async (request) => {
    request.i18n = translator(resolveLocale(request))
  })
  // A preHandler, so that it runs after the user is loaded (plugins/auth.ts).
  app.addHook('preHandler', async (request, reply) => {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang
    if (request.method === 'GET' && isLocale(asked) && asked !== request.i18n.locale) {
      await rememberLocale(request, reply, asked)
    }
  })
})

function resolveLocale(request: FastifyRequest): Locale {
  const fromSession = request.session?.lang
  if (isLocale(fromSession)) return fromSession
  const fromCookie = request.cookies?.[LANG_COOKIE]
  if (isLocale(fromCookie)) return fromCookie
  return localeFromAcceptLanguage(request.headers['accept-language']) ?? 'en'
}

/** Switches the language for this request and keeps the choice: in the
 * session, in a cookie for the next visit, and on the user once logged in. */
export async function rememberLocale(request: FastifyRequest, reply: FastifyReply, locale: Locale): Promise<void> {
  request.i18n = translator(locale)
  request.session.lang = locale
  reply.setCookie(LANG_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 })
  if (request.user) {
    await request.server.db.updateTable('users').set({ locale }).where('id', '=', request.user.id).execute()
  }
}
