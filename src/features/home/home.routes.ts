// The dashboard (home page): weather of the user's platforms, budgets of the
// contracts shown, and the user's contracts, searchable and paginated.
import type { FastifyInstance } from 'fastify'
import { cleanText, field } from '../../lib/forms.js'
import { can, sectionsByLevel } from '../../policy/index.js'
import { budgetSummaries, type BudgetSummary } from '../usage/budget-summary.js'
import { contractLinksOf, contractMenu } from '../navigation.js'
import { offersWithDashboard, pageOfContracts, type ContractSearch, type ListedContract } from './home.queries.js'
import { weatherOf } from './weather.js'

const MAX_SEARCH_LENGTH = 100
/** Budget charts drawn on the dashboard: those of the page's first contracts with a budget. */
export const DASHBOARD_BUDGETS = 5

/** `?q=&page=`: a page that is not a positive number is the first; a repeated parameter is a 400. */
export function contractSearchOf(query: unknown): ContractSearch {
  const q = cleanText(field(query, 'q')).slice(0, MAX_SEARCH_LENGTH)
  const rawPage = field(query, 'page')
  return { q, page: /^[1-9][0-9]{0,8}$/.test(rawPage) ? Number(rawPage) : 1 }
}

// Budgets are part of the dashboard (dashboard ≥ visitor on the contract) and
// need billing ≥ visitor; their amounts are for billing managers only.
function showsBudget(contract: ListedContract): boolean {
  return contract.contract.budget_cents !== null && can(contract, 'dashboard', 'visitor') && can(contract, 'billing', 'visitor')
}

export async function homeRoutes(app: FastifyInstance) {
  app.get('/', { config: { policy: 'authenticated' } }, async (request, reply) => {
    // Staff hold no contract: their home is the back-office.
    if (request.user!.is_staff === 1) return reply.redirect('/admin', 302)
    const now = new Date()
    const userId = request.user!.id
    const search = contractSearchOf(request.query)
    const [offers, list] = await Promise.all([offersWithDashboard(app.db, userId), pageOfContracts(app.db, userId, search)])
    const dashboard = offers.length > 0
    const budgeted = dashboard ? list.contracts.filter(showsBudget) : []
    // A chart costs a grouped query over the month's days and a few kilobytes
    // of SVG: the first few of the page, the others one click away.
    const charted = budgeted.slice(0, DASHBOARD_BUDGETS)
    const [weather, budgets] = await Promise.all([
      dashboard ? weatherOf(app.db, offers, request.i18n.locale, now) : [],
      budgetSummaries(app.db, charted.map((rights) => rights.contract), now),
    ])
    const budgetOf = new Map<number, BudgetSummary>(budgets.map((budget) => [budget.contractId, budget]))
    const links = contractLinksOf(app)
    const shown = charted.map((rights) => ({ rights, budget: budgetOf.get(rights.contract.id)! }))
    return reply.render('home/index', {
      dashboard, weather, search, total: list.total, page: list.page, pages: list.pages,
      budgetsNotShown: budgeted.length - shown.length,
      budgets: shown.map(({ rights, budget }) => ({
        contract: rights.contract, budget, showAmounts: can(rights, 'billing', 'manager'),
        budgetLink: contractMenu(links, rights).find((link) => link.key === 'dashboard.link.budget')?.href,
      })),
      contracts: list.contracts.map((rights) => ({
        contract: rights.contract,
        companyName: can(rights, 'contracts', 'manager') ? rights.companyName : undefined,
        roles: sectionsByLevel(rights),
        menu: contractMenu(links, rights),
      })),
    })
  })
}
