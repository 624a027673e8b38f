// The back-office's change catalog (area `catalog`, like the service catalog):
// catalogs → categories → items, each item with its own form as field
// definitions. Every route is `{ staff: 'catalog' }`.
//
// An item's code never changes once created: each change request keeps it
// (requests.item_code) and the request page names the item through it. A
// different change is a new item, the old one made inactive.
import type { FastifyInstance } from 'fastify'
import { changeCatalogPage } from './change-catalog-page.handler.js'
import { createItem, itemPage, newItemPage, saveItem } from './item.handlers.js'

const catalog = { policy: { staff: 'catalog' as const } }

export async function adminChangeCatalogRoutes(app: FastifyInstance) {
  app.get('/admin/change-catalog', { config: catalog }, changeCatalogPage)
  app.get('/admin/change-catalog/items/new', { config: catalog }, newItemPage)
  app.post('/admin/change-catalog/items/new', { config: catalog }, createItem)
  app.get('/admin/change-catalog/items/:code', { config: catalog }, itemPage)
  app.post('/admin/change-catalog/items/:code', { config: catalog }, saveItem)
}
