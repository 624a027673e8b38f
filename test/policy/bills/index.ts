// The routes of the Bills section with their policy, one file per area:
// part of the reviewed list of ../routes.test.ts.
import { pageRoutes } from './page.js'
import { exportsRoutes } from './exports.js'

export const BILLS_EXPECTED = [...pageRoutes, ...exportsRoutes]
