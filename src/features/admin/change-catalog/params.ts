// The item a URL names: a code that can't be one, or that no item has, is a
// 404, never a 500. The portal's own item (the support-level downgrade) is
// shown but never saved from here: see portalOwned.
import type { FastifyRequest } from 'fastify'
import { ForbiddenError, NotFoundError } from '../../../lib/http-errors.js'
import type { ChangeItemRow } from '../../../db/change-catalog.table.js'
import { DOWNGRADE_ITEM } from '../../support-level/support-level.writes.js'
import { findItemByCode } from './change-catalog.queries.js'
import { ITEM_CODE } from './item.checks.js'

export async function itemOfParam(request: FastifyRequest): Promise<ChangeItemRow> {
  const code = (request.params as { code?: unknown }).code
  if (typeof code !== 'string' || !ITEM_CODE.test(code)) throw new NotFoundError()
  const item = await findItemByCode(request.server.db, code)
  if (item === undefined) throw new NotFoundError()
  return item
}

/** The item the support-level page opens itself (requestDowngrade): its
 * request carries the from/to levels the portal writes, never this item's
 * form, and customers must not choose it (it stays inactive). Editing its
 * fields or activating it would only break that, so staff read it and no
 * more. */
export function portalOwned(item: ChangeItemRow): boolean {
  return item.code === DOWNGRADE_ITEM
}

/** Saving the portal's own item: the page offers no form, so a POST is refused. */
export function refuseIfPortalOwned(item: ChangeItemRow): void {
  if (portalOwned(item)) throw new ForbiddenError()
}
