// Who is asking: loads the signed-in user on every request, ends sessions past
// their idle or absolute limit, and sends anonymous visitors of non-public
// pages to the login page.
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { findCurrentUser } from '../features/auth/auth.queries.js'

const TOUCH_EVERY_MS = 60_000

export const authPlugin = fp(async (app) => {
  const idleMs = app.config.sessionIdleMinutes * 60_000
  const absoluteMs = app.config.sessionMaxHours * 3_600_000
  app.decorateRequest('user', undefined)
  app.decorateRequest('rights', undefined)
  app.decorateRequest('staff', undefined)

  app.addHook('preHandler', async (request, reply) => {
    await loadUser(request, reply)
    const config = request.routeOptions.config
    // No declared policy: the not-found handler, which must answer 404 to anybody.
    if (request.user || config.public || !config.policy) return
    return sendToLogin(request, reply)
  })

  async function loadUser(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const session = request.session
    if (session?.userId === undefined) return
    const now = Date.now()
    const expired = now - (session.seenAt ?? 0) > idleMs || now - (session.loginAt ?? 0) > absoluteMs
    const user = expired ? undefined : await findCurrentUser(app.db, session.userId)
    if (!user) {
      // A fresh empty session (the old row is deleted) that can carry the notice.
      await session.regenerate()
      reply.flash('info', 'login.session_expired')
      return
    }
    request.user = user
    // Writing the session costs a row update: refresh the idle clock once a minute.
    if (now - (session.seenAt ?? 0) > TOUCH_EVERY_MS) session.seenAt = now
    reply.header('cache-control', 'no-store')
  }
})

function sendToLogin(request: FastifyRequest, reply: FastifyReply) {
  const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : ''
  return reply.redirect(`/login${next}`, request.method === 'GET' ? 302 : 303)
}
