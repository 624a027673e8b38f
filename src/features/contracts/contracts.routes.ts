import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../lib/forms.js'
import { can, sectionsForOffer } from '../../policy/index.js'
import { listContractUsers } from '../rights/rights.queries.js'
import { findCompany, findContractPeople, findGroupingContract, listConsoleRoles } from './contracts.queries.js'

export async function contractsRoutes(app: FastifyInstance) {
  app.get('/contracts/:code', { config: { policy: { section: 'contracts', level: 'visitor' } } }, async (request, reply) => renderContract(request, reply))
}

/** The contract's page; its forms (referent, domain owner, 2FA) re-render it with their errors. */
export async function renderContract(request: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors } = {}, status = 200) {
  const db = request.server.db
  const rights = request.rights!
  const { contract } = rights
  const holdsRoles = rights.isReferent || rights.isDomainOwner
  const [company, people, grouping, consoleRoles, users] = await Promise.all([
    can(rights, 'contracts', 'manager') ? findCompany(db, contract.company_id) : undefined,
    findContractPeople(db, contract.referent_user_id, contract.domain_owner_user_id),
    findGroupingContract(db, contract.grouping_contract_id),
    listConsoleRoles(db, contract.id, rights.userId),
    holdsRoles ? listContractUsers(db, contract) : [],
  ])
  return reply.code(status).render('contracts/show', {
    contract, company, people, grouping, consoleRoles, errors: extra.errors ?? {},
    candidates: users.filter((user) => !user.pending),
    sections: sectionsForOffer(contract.offer),
  })
}
