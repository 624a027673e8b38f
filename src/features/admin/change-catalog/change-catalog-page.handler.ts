// GET /admin/change-catalog: the change catalogs, each with its categories and
// their items (inactive ones too), in the order customers see them.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { listOf } from '../catalog/service.form.js'
import { listCatalogs, listCategoryChoices, listItems } from './change-catalog.queries.js'
import { portalOwned } from './params.js'

export async function changeCatalogPage(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db
  const [catalogs, categories, items] = await Promise.all([listCatalogs(db), listCategoryChoices(db), listItems(db)])
  const tree = catalogs.map((catalog) => ({
    catalog,
    categories: categories.filter((category) => category.catalog_id === catalog.id).map((category) => ({
      category,
      items: items.filter((item) => item.category_id === category.id).map((item) => ({ ...item, offerList: listOf(item.offers), portalOwned: portalOwned(item) })),
    })),
  }))
  return reply.render('admin/change-catalog/index', { tree })
}
