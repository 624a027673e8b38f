import type { FastifyInstance } from 'fastify'

export async function logoutRoutes(app: FastifyInstance) {
  app.post('/logout', { config: { public: true } }, async (request, reply) => {
    const lang = request.i18n.locale
    // The old row is deleted; the new session only keeps the language and the notice.
    await request.session.regenerate()
    request.session.lang = lang
    reply.flash('info', 'login.logged_out')
    return reply.redirect('/login', 303)
  })
}
