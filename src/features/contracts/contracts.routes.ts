import type { FastifyInstance } from 'fastify'
import { can, sectionsForOffer } from '../../policy/index.js'
import { findCompany, findContractPeople, findGroupingContract, listConsoleRoles } from './contracts.queries.js'

export async function contractsRoutes(app: FastifyInstance) {
  app.get('/contracts/:code', { config: { policy: { section: 'contracts', level: 'visitor' } } }, async (request, reply) => {
    const rights = request.rights!
    const { contract } = rights
    const [company, people, grouping, consoleRoles] = await Promise.all([
      can(rights, 'contracts', 'manager') ? findCompany(app.db, contract.company_id) : undefined,
      findContractPeople(app.db, contract.referent_user_id, contract.domain_owner_user_id),
      findGroupingContract(app.db, contract.grouping_contract_id),
      listConsoleRoles(app.db, contract.id, rights.userId),
    ])
    return reply.render('contracts/show', {
      contract, company, people, grouping, consoleRoles,
      sections: sectionsForOffer(contract.offer),
    })
  })
}
