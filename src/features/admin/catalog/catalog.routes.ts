// The back-office's catalog (area `catalog`): categories, services with their
// texts, prices, forms, offers and flags, and the subscriptions offered for
// reservation.
import type { FastifyInstance } from 'fastify'

export async function adminCatalogRoutes(app: FastifyInstance) {
}
