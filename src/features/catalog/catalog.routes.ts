// The catalog (spec 000, "Catalog"): the services sold on the selected
// contract's offer and their "More information" page. Services ≥ visitor.
import type { FastifyInstance } from 'fastify'

export async function catalogRoutes(app: FastifyInstance) {
}
