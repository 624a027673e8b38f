import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../lib/http-errors.js'
import { field } from '../../lib/forms.js'
import { NOTIFICATION_KINDS, type Channel, type NotificationKind } from './kinds.js'
import { listNotifications, listPreferences, markRead, PAGE_SIZE, savePreferences } from './notifications.queries.js'

export async function notificationsRoutes(app: FastifyInstance) {
  app.get('/notifications', { config: { policy: 'authenticated' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>
    const page = Math.max(1, Math.min(10_000, Number.parseInt(String(query.page ?? '1'), 10) || 1))
    const unreadOnly = query.show === 'unread'
    const [list, preferences] = await Promise.all([listNotifications(app.db, request.user!.id, page, unreadOnly), listPreferences(app.db, request.user!.id)])
    const off = new Set(preferences.filter((p) => p.enabled === 0).map((p) => `${p.kind}:${p.channel}`))
    return reply.render('notifications/index', { ...list, page, pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)), unreadOnly, kinds: Object.entries(NOTIFICATION_KINDS), off })
  })

  app.post('/notifications/:id/read', { config: { policy: 'authenticated' } }, async (request, reply) => {
    const raw = (request.params as { id: string }).id
    if (!/^[1-9][0-9]{0,14}$/.test(raw)) throw new NotFoundError()
    await markRead(app.db, request.user!.id, Number(raw))
    return reply.redirect('/notifications', 303)
  })

  app.post('/notifications/read-all', { config: { policy: 'authenticated' } }, async (request, reply) => {
    await markRead(app.db, request.user!.id, null)
    reply.flash('success', 'notifications.all_read')
    return reply.redirect('/notifications', 303)
  })

  // Checkboxes: a ticked box arrives as `<kind>:<channel>=on`; an unticked one does not arrive.
  app.post('/notifications/preferences', { config: { policy: 'authenticated' } }, async (request, reply) => {
    const rows = Object.entries(NOTIFICATION_KINDS).flatMap(([kind, row]) =>
      (row.optional as readonly Channel[]).map((channel) => ({ kind: kind as NotificationKind, channel, enabled: field(request.body, `${kind}:${channel}`) === 'on' })))
    await app.db.transaction().execute((trx) => savePreferences(trx, request.user!.id, rows))
    reply.flash('success', 'notifications.preferences_saved')
    return reply.redirect('/notifications', 303)
  })
}
