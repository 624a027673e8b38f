// The back-office's catalog (area `catalog`): categories, services with their
// texts, prices, forms, offers and flags, and the subscriptions offered for
// reservation. Every route is `{ staff: 'catalog' }`.
//
// A service's code never changes once created: it is the customers' URL
// (/catalog/:service), the item code every order request keeps, and the link
// of the confirmation emails already sent. A service renamed in its texts
// keeps its code; a different service is a new one (and the old one is made
// inactive, its past orders still showing it).
import type { FastifyInstance } from 'fastify'
import { catalogPage } from './catalog-page.handler.js'
import { categoryPage, createCategory, newCategoryPage, saveCategory } from './category.handlers.js'
import { createService, newServicePage, saveService, servicePage } from './service.handlers.js'
import { createOffer, newOfferPage, offerPage, saveOffer } from './offer.handlers.js'

const catalog = { policy: { staff: 'catalog' as const } }

export async function adminCatalogRoutes(app: FastifyInstance) {
  app.get('/admin/catalog', { config: catalog }, catalogPage)

  app.get('/admin/catalog/categories/new', { config: catalog }, newCategoryPage)
  app.post('/admin/catalog/categories/new', { config: catalog }, createCategory)
  app.get('/admin/catalog/categories/:id', { config: catalog }, categoryPage)
  app.post('/admin/catalog/categories/:id', { config: catalog }, saveCategory)

  app.get('/admin/catalog/services/new', { config: catalog }, newServicePage)
  app.post('/admin/catalog/services/new', { config: catalog }, createService)
  app.get('/admin/catalog/services/:code', { config: catalog }, servicePage)
  app.post('/admin/catalog/services/:code', { config: catalog }, saveService)

  app.get('/admin/catalog/subscription-offers/new', { config: catalog }, newOfferPage)
  app.post('/admin/catalog/subscription-offers/new', { config: catalog }, createOffer)
  app.get('/admin/catalog/subscription-offers/:id', { config: catalog }, offerPage)
  app.post('/admin/catalog/subscription-offers/:id', { config: catalog }, saveOffer)
}
