// The catalog (spec 000, "Catalog"): the services sold on the selected
// contract's offer and their "More information" page. Services ≥ visitor.
import type { FastifyInstance } from 'fastify'
import { showCatalog } from './browse.handler.js'
import { showService } from './service.handler.js'

const servicesVisitor = { section: 'services' as const, level: 'visitor' as const }

export async function catalogRoutes(app: FastifyInstance) {
  // A top menu page: without ?contract= the first contract the user reads the catalog of.
  app.get('/catalog', { config: { policy: { ...servicesVisitor, defaultContract: true } } }, showCatalog)
  app.get('/catalog/:service', { config: { policy: servicesVisitor } }, showService)
}
