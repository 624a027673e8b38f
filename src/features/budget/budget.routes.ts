// A contract's monthly budget and alert threshold: set by its contracts
// managers (the rights table), audited with the values before and after.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../audit/audit.js'
import type { Contract } from '../../db/contracts.table.js'
import type { FieldErrors } from '../../lib/forms.js'
import { can } from '../../policy/index.js'
import { budgetSummaries } from '../usage/budget-summary.js'
import { parseBudgetForm, readBudgetForm, valuesOf, type BudgetSetting, type BudgetValues } from './budget.form.js'

const contractsManager = { policy: { section: 'contracts' as const, level: 'manager' as const } }

export async function budgetRoutes(app: FastifyInstance) {
  app.get('/contracts/:code/budget', { config: contractsManager }, async (request, reply) => {
    const { contract } = request.rights!
    return renderBudget(request, reply, valuesOf(contract.budget_cents, contract.budget_threshold_percent, request.i18n.locale))
  })

  app.post('/contracts/:code/budget', { config: contractsManager }, async (request, reply) => {
    const { contract } = request.rights!
    const values = readBudgetForm(request.body)
    const parsed = parseBudgetForm(values)
    if (parsed.errors) return renderBudget(request, reply, values, parsed.errors, 422)
    const changed = await saveBudget(request, contract, parsed.setting)
    reply.flash(changed ? 'success' : 'info', changed ? 'budget.saved' : 'budget.unchanged')
    return reply.redirect(`/contracts/${contract.code}`, 303)
  })
}

/** Writes the setting and its audit entry in one transaction; false when it is the current one. */
async function saveBudget(request: FastifyRequest, contract: Contract, after: BudgetSetting): Promise<boolean> {
  const before = { budgetCents: contract.budget_cents, thresholdPercent: contract.budget_threshold_percent }
  if (before.budgetCents === after.budgetCents && before.thresholdPercent === after.thresholdPercent) return false
  await request.server.db.transaction().execute(async (trx) => {
    await trx.updateTable('contracts')
      .set({ budget_cents: after.budgetCents, budget_threshold_percent: after.thresholdPercent, updated_at: new Date().toISOString() })
      .where('id', '=', contract.id).execute()
    await writeAudit(trx, { action: 'contract.budget_changed', actorUserId: request.user!.id, contractId: contract.id, ip: request.ip, details: { before, after } })
  })
  return true
}

async function renderBudget(request: FastifyRequest, reply: FastifyReply, values: BudgetValues, errors: FieldErrors = {}, status = 200) {
  const rights = request.rights!
  const [budget] = await budgetSummaries(request.server.db, [rights.contract], new Date())
  return reply.code(status).render('budget/edit', { contract: rights.contract, values, errors, budget, showAmounts: can(rights, 'billing', 'manager') })
}
