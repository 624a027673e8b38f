// A contract as staff see it: every field, its status, its holders, its
// users with their roles, its grouping; the suspend / reactivate buttons.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Contract } from '../../../db/contracts.table.js'
import type { MessageKey } from '../../../i18n/index.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { sectionsByLevel } from '../../../policy/index.js'
import { listContractUsers } from '../../rights/rights.queries.js'
import { findCompany } from './companies.queries.js'
import { findContractByCode, findGrouping, findHolders, groupedContracts } from './contracts.queries.js'
import { codeParam } from './params.js'

const staff = { policy: { staff: 'companies' as const } }

export async function contractRoutes(app: FastifyInstance) {
  app.get('/admin/contracts/:code', { config: staff }, async (request, reply) => renderContractPage(request, reply, await contractOf(request)))
}

export async function contractOf(request: FastifyRequest): Promise<Contract> {
  const contract = await findContractByCode(request.server.db, codeParam(request))
  if (!contract) throw new NotFoundError()
  return contract
}

interface PageExtra {
  errors?: FieldErrors
  values?: { reason: string }
  /** A refusal about the whole page (e.g. the contract is closed). */
  problem?: MessageKey
}

/** The contract's page; its status forms re-render it with their errors. */
export async function renderContractPage(request: FastifyRequest, reply: FastifyReply, contract: Contract, extra: PageExtra = {}, status = 200) {
  const db = request.server.db
  const [company, holders, grouping, members, users] = await Promise.all([
    findCompany(db, contract.company_id), findHolders(db, contract), findGrouping(db, contract.grouping_contract_id),
    contract.offer === 'multi_services' ? groupedContracts(db, contract.id) : [], listContractUsers(db, contract),
  ])
  return reply.code(status).render('admin/companies/contract', {
    contract, company, holders, grouping, members, users: users.map((user) => ({ ...user, roles: sectionsByLevel(user.rights) })),
    errors: extra.errors ?? {}, values: extra.values ?? { reason: '' }, problem: extra.problem,
  })
}

/** Closing is final: any change of a closed contract gets its page back with 409. */
export function refuseClosed(request: FastifyRequest, reply: FastifyReply, contract: Contract) {
  return renderContractPage(request, reply, contract, { problem: 'admin.companies.error.closed_final' }, 409)
}
