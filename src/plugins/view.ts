// Eta through @fastify/view, and reply.render(): the one way a page is
// rendered, with what every template needs (t, fmt, user, CSRF token, menu,
// flash messages, can) added here rather than by each handler.
import fastifyView from '@fastify/view'
import { Eta } from 'eta'
import fp from 'fastify-plugin'
import type { FastifyReply } from 'fastify'
import { existingMenu, menuFor } from '../features/navigation.js'
import { countUnread } from '../features/notifications/notifications.queries.js'
import { can, type Level, type Section } from '../policy/index.js'
import { takeFlashes } from './flash.js'
import { VIEWS_DIR } from '../lib/paths.js'
import type { Translator } from '../i18n/index.js'
import type { FieldError } from '../lib/forms.js'

declare module 'fastify' {
  interface FastifyReply {
    render(view: string, data?: Record<string, unknown>): Promise<FastifyReply>
  }
}

/** What the layout needs on a page shown outside any session. */
export function bareLocals(i18n: Translator) {
  return { ...i18n, message: messageOf(i18n), user: undefined, rights: undefined, menu: [], unread: 0, flashes: [], canPost: false, csrf: () => '', can: () => false, errors: {}, values: {} }
}

/** The text of a field error, with its parameters. */
function messageOf(i18n: Translator) {
  return (error: FieldError) => (typeof error === 'string' ? i18n.t(error) : i18n.t(error.key, error.params))
}

export const viewPlugin = fp(async (app) => {
  const production = app.config.nodeEnv === 'production'
  const eta = new Eta({ views: VIEWS_DIR, cache: production, autoEscape: true, autoTrim: false })
  await app.register(fastifyView, { engine: { eta }, root: VIEWS_DIR, production })
  let menu: ReturnType<typeof existingMenu> = []
  app.addHook('onReady', async () => {
    menu = existingMenu(app)
  })

  app.decorateReply('render', async function render(this: FastifyReply, view: string, data: Record<string, unknown> = {}) {
    const request = this.request
    let csrfToken: string | undefined
    const locals = {
      ...request.i18n,
      message: messageOf(request.i18n),
      user: request.user,
      rights: request.rights,
      path: request.url,
      menu: await menuFor(request, menu),
      unread: request.user ? await countUnread(request.server.db, request.user.id) : 0,
      flashes: request.session ? takeFlashes(request.session) : [],
      csrf: () => (csrfToken ??= this.generateCsrf()),
      // No session (a page answered before the hooks ran): no form can be posted from it.
      canPost: Boolean(request.session),
      can: (section: Section, level: Level) => can(request.rights, section, level),
      errors: {},
      values: {},
      ...data,
    }
    return this.type('text/html; charset=utf-8').view(view, locals)
  })
})
