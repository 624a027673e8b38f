// GET /requests/new: choose the contract, then the type of request. Only the
// contracts on which the user may create at least one type are offered, and
// on the chosen one only the types their roles allow.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Executor } from '../../../db/database.js'
import { field } from '../../../lib/forms.js'
import { ForbiddenError, NotFoundError } from '../../../lib/http-errors.js'
import { can, contractsPassing, loadRights, type Rights } from '../../../policy/index.js'

export type NewRequestType = 'incident' | 'order' | 'change'

/** The user's contracts where reporting an incident or requesting a change is open to them, by name. */
export async function creatableContracts(db: Executor, userId: number) {
  const [support, services] = await Promise.all([
    contractsPassing(db, userId, { section: 'support', level: 'visitor' }),
    contractsPassing(db, userId, { section: 'services', level: 'manager' }),
  ])
  const byCode = new Map([...support, ...services].map((contract) => [contract.code, contract]))
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code))
}

/** The types these rights create, with where each one starts (an order starts in the catalog). */
export function typesOffered(rights: Rights): Array<{ type: NewRequestType; href: string }> {
  const code = encodeURIComponent(rights.contract.code)
  const types: Array<{ type: NewRequestType; href: string }> = []
  if (can(rights, 'support', 'visitor')) types.push({ type: 'incident', href: `/requests/new/incident?contract=${code}` })
  if (can(rights, 'services', 'manager')) types.push({ type: 'order', href: `/catalog?contract=${code}` })
  if (can(rights, 'services', 'manager')) types.push({ type: 'change', href: `/requests/new/change?contract=${code}` })
  return types
}

export async function chooseType(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db
  const userId = request.user!.id
  const contracts = await creatableContracts(db, userId)
  const asked = field(request.query, 'contract')
  const code = asked || contracts[0]?.code
  const rights = code ? await loadRights(db, userId, code) : undefined
  if (code && !rights) throw new NotFoundError()
  // Their contract, but no type of request is open to them on it: the role to ask for.
  if (rights && !contracts.some((contract) => contract.code === rights.contract.code)) throw new ForbiddenError({ section: 'support', level: 'visitor' })
  return reply.render('requests/new/choose', {
    contracts, contract: rights?.contract, types: rights && rights.contract.status === 'active' ? typesOffered(rights) : [],
  })
}
