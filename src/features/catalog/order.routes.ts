// Ordering a service (spec 000, "Ordering a service"): the order form built
// from the service's field definitions, the reservation steps, and the final
// Order button. Services manager.
import type { FastifyInstance } from 'fastify'
import { sendOrder, showOrder } from './order.handler.js'
import { chooseSubscription, showSubscriptions, showSummary } from './reservation/steps.handler.js'
import { sendChoice } from './reservation/choose.handler.js'

const manager = { policy: { section: 'services' as const, level: 'manager' as const } }

export async function orderRoutes(app: FastifyInstance) {
  app.get('/catalog/:service/order', { config: manager }, showOrder)
  app.post('/catalog/:service/order', { config: manager }, sendOrder)
  // The reservation steps (region, template, instances → subscription → summary), kept in the session.
  app.post('/catalog/:service/order/choose', { config: manager }, sendChoice)
  app.get('/catalog/:service/order/subscriptions', { config: manager }, showSubscriptions)
  app.post('/catalog/:service/order/subscriptions', { config: manager }, chooseSubscription)
  app.get('/catalog/:service/order/summary', { config: manager }, showSummary)
}
