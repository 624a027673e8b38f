// GET /admin/catalog: the services by category (inactive ones too, with how
// many orders each has had), the categories, the subscription offers.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { listCategories } from '../../catalog/browse.queries.js'
import { listServices, listSubscriptionOffers, orderCountsByService } from './admin-catalog.queries.js'
import { listOf } from './service.form.js'

export async function catalogPage(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db
  const [categories, services, offers, orderCounts] = await Promise.all([listCategories(db), listServices(db), listSubscriptionOffers(db), orderCountsByService(db)])
  const groups = categories.map((category) => ({
    category,
    services: services.filter((service) => service.category_id === category.id).map((service) => ({
      ...service, offerList: listOf(service.offers), orders: orderCounts.get(service.id) ?? 0,
    })),
  }))
  return reply.render('admin/catalog/index', { groups, offers })
}
