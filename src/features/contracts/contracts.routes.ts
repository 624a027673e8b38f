import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../lib/forms.js'
import { can, rolesToHandOver, sectionsForOffer } from '../../policy/index.js'
import { listContractUsers } from '../rights/rights.queries.js'
import { budgetSummaries } from '../usage/budget-summary.js'
import { contractLinksOf, contractMenu } from '../navigation.js'
import { findCompany, findContractPeople, findGroupingContract, listConsoleRoles, listGroupedContracts } from './contracts.queries.js'

// The contract page links these of the contract's sections (the dashboard's
// menu links them all); the rest of the menu is on the dashboard.
const PAGE_LINKS = new Set(['dashboard.link.subscriptions', 'dashboard.link.documents', 'dashboard.link.support_level', 'dashboard.link.budget'])

export async function contractsRoutes(app: FastifyInstance) {
  app.get('/contracts/:code', { config: { policy: { section: 'contracts', level: 'visitor' } } }, async (request, reply) => renderContract(request, reply))
}

/** The contract's page; its forms (referent, domain owner, 2FA) re-render it with their errors. */
export async function renderContract(request: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors } = {}, status = 200) {
  const db = request.server.db
  const rights = request.rights!
  const { contract } = rights
  const handOver = rolesToHandOver(rights)
  const showsBudget = contract.budget_cents !== null && can(rights, 'billing', 'visitor')
  const [company, people, grouping, grouped, consoleRoles, users, budgets] = await Promise.all([
    can(rights, 'contracts', 'manager') ? findCompany(db, contract.company_id) : undefined,
    findContractPeople(db, contract.referent_user_id, contract.domain_owner_user_id),
    findGroupingContract(db, contract.grouping_contract_id),
    contract.offer === 'multi_services' ? listGroupedContracts(db, contract.id, rights.userId) : [],
    listConsoleRoles(db, contract.id, rights.userId),
    handOver.length > 0 ? listContractUsers(db, contract) : [],
    showsBudget ? budgetSummaries(db, [contract], new Date()) : [],
  ])
  const links = Object.fromEntries(contractMenu(contractLinksOf(request.server), rights)
    .filter((link) => PAGE_LINKS.has(link.key)).map((link) => [link.key, link.href]))
  return reply.code(status).render('contracts/show', {
    contract, company, people, grouping, grouped, consoleRoles, handOver, errors: extra.errors ?? {}, links,
    budget: budgets[0], showAmounts: can(rights, 'billing', 'manager'),
    consoleLinks: consoleLinks(request.server.config.consoleUrls, contract.code, consoleRoles),
    candidates: users.filter((user) => !user.pending),
    sections: sectionsForOffer(contract.offer),
  })
}

// The spec: an FE console Admin opens the Flexible Engine console, a Backup
// Cust_admin the backup console, both from the contract's details.
function consoleLinks(urls: { fe: string | null; backup: string | null }, code: string, roles: Array<{ console: string; role: string }>) {
  const holds = (console: string, role: string) => roles.some((r) => r.console === console && r.role === role)
  return [
    urls.fe && holds('fe', 'admin') ? { console: 'fe', href: urls.fe.replaceAll('{contract}', encodeURIComponent(code)) } : null,
    urls.backup && holds('backup', 'cust_admin') ? { console: 'backup', href: urls.backup.replaceAll('{contract}', encodeURIComponent(code)) } : null,
  ].filter((link): link is { console: string; href: string } => link !== null)
}
