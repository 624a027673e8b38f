// GET /catalog: the services sold on one of the user's contracts (a contract
// select of those with services ≥ visitor), searched, filtered by category
// and sorted; "More information" for everyone, "Order" for services managers.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { field } from '../../lib/forms.js'
import { can, contractsPassing } from '../../policy/index.js'
import { catalogViewer, listOfferedServices, refusalOf } from './catalog.queries.js'
import { listCategories, lowestOfferPrices } from './browse.queries.js'
import { shownPrice } from './browse.price.js'
import { applyCatalogFilters, CATALOG_SEARCH_MAX, CATALOG_SORTS, readCatalogFilters } from './browse.filters.js'

export async function showCatalog(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db
  const rights = request.rights!
  field(request.query, 'contract') // sent twice: a 400, as everywhere, rather than the guard's default contract
  const viewer = await catalogViewer(db, rights.contract, rights.userId)
  const [services, categories, lowest, contracts] = await Promise.all([
    listOfferedServices(db, viewer), listCategories(db), lowestOfferPrices(db), contractsPassing(db, rights.userId, { section: 'services', level: 'visitor' }),
  ])
  const read = readCatalogFilters(request.query, categories.map((category) => category.code))
  const all = services.map((service) => ({ service, price: shownPrice(service, lowest), refusal: refusalOf(service, viewer) }))
  const offered = new Set(services.map((service) => service.category_code))
  const common = {
    contract: rights.contract, contracts, categories: categories.filter((category) => offered.has(category.code)),
    sorts: CATALOG_SORTS, searchMax: CATALOG_SEARCH_MAX, values: read.values,
    mayOrder: can(rights, 'services', 'manager') && rights.contract.status === 'active',
  }
  if (!read.ok) return reply.code(422).render('catalog/list', { ...common, errors: read.errors, entries: [] })
  const entries = applyCatalogFilters(all, read.filters, request.i18n.locale)
  return reply.render('catalog/list', { ...common, errors: {}, entries, filtered: read.filters.q !== '' || read.filters.category !== undefined })
}
