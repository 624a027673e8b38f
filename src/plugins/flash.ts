// One-shot messages shown on the next page (post/redirect/get).
import fp from 'fastify-plugin'
import type { MessageKey, Params } from '../i18n/index.js'

export interface Flash {
  type: 'success' | 'info' | 'error'
  key: MessageKey
  params?: Params
}

declare module 'fastify' {
  interface FastifyReply {
    flash(type: Flash['type'], key: MessageKey, params?: Params): void
  }
}

export const flashPlugin = fp(async (app) => {
  app.decorateReply('flash', function flash(type: Flash['type'], key: MessageKey, params?: Params) {
    const session = this.request.session
    session.flash = [...(session.flash ?? []), params ? { type, key, params } : { type, key }]
  })
})

/** The messages waiting in the session, removed as they are read. */
export function takeFlashes(session: { flash?: Flash[] }): Flash[] {
  const flashes = session.flash ?? []
  if (flashes.length > 0) session.flash = undefined
  return flashes
}
