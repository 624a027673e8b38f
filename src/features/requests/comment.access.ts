// Who may write in a request's conversation (and so reopen it): its author,
// or a user who may create a request of that type on the contract (an
// incident: support ≥ visitor; a change or an order: services manager).
// Seeing a request isn't enough: an orders visitor reads the contract's
// orders but doesn't speak for them.
import type { Executor } from '../../db/database.js'
import { ForbiddenError } from '../../lib/http-errors.js'
import { can, loadRights } from '../../policy/index.js'
import { createSection, REQUEST_TYPE_TABLE } from './request-types.js'
import type { VisibleRequest } from './visibility.js'

type Commented = Pick<VisibleRequest, 'type' | 'author_user_id' | 'contract_code'>

/** The role that opens the conversation to someone other than the author. */
export function commentRole(req: Pick<VisibleRequest, 'type'>) {
  return { section: createSection(req.type), level: REQUEST_TYPE_TABLE[req.type].createLevel }
}

export async function mayComment(db: Executor, userId: number, req: Commented): Promise<boolean> {
  if (req.author_user_id === userId) return true
  const { section, level } = commentRole(req)
  return can(await loadRights(db, userId, req.contract_code), section, level)
}

/** 403 naming the role needed, unless the user may comment. */
export async function assertMayComment(db: Executor, userId: number, req: Commented): Promise<void> {
  if (!(await mayComment(db, userId, req))) throw new ForbiddenError(commentRole(req))
}
