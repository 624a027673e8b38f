// Ordering a service (spec 000, "Ordering a service"): the order form built
// from the service's field definitions, the reservation steps, and the final
// Order button. Services manager.
import type { FastifyInstance } from 'fastify'

export async function orderRoutes(app: FastifyInstance) {
}
