// The routes of the catalog and ordering with their policy, one file per
// area: part of the reviewed list of ../routes.test.ts.
import { browseRoutes } from './browse.js'
import { orderRoutes } from './order.js'

export const CATALOG_EXPECTED = [...browseRoutes, ...orderRoutes]
