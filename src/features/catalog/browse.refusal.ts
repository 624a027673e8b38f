// The 403 page of a catalog service the viewer may not order: only the
// contract's referent orders a referent-only service, and not on a
// multi-services grouping contract, whose references change through the
// account manager. Shared by "More information" and the order form.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Contract } from '../../db/contracts.table.js'
import type { CatalogService } from '../../db/catalog.table.js'
import type { Refusal } from './catalog.queries.js'
import { accountManagerOf } from './browse.queries.js'

export async function renderRefusal(request: FastifyRequest, reply: FastifyReply, contract: Contract, service: CatalogService, refusal: Refusal) {
  const accountManager = refusal === 'grouping_contract' ? await accountManagerOf(request.server.db, contract.company_id) : undefined
  return reply.code(403).render('catalog/refused', { contract, service, refusal, accountManager })
}
