// The routes of requests and Need help with their policy, one file per area:
// part of the reviewed list of ../routes.test.ts.
import { listRoutes } from './list.js'
import { newRoutes } from './new.js'
import { helpRoutes } from './help.js'

export const REQUESTS_EXPECTED = [...listRoutes, ...newRoutes, ...helpRoutes]
