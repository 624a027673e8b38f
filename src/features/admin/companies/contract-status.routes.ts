// Suspend, reactivate, close. A suspended or closed contract stays visible to
// its users, read-only (src/policy/guard.ts); closing is final and asks for a
// confirmation and a reason. Each change is one conditional UPDATE, so a
// double submit or two staff at once change it once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../../audit/audit.js'
import type { Contract, ContractStatus } from '../../../db/contracts.table.js'
import { cleanMultiline, field, type FieldErrors } from '../../../lib/forms.js'
import { contractOf, refuseClosed, renderContractPage } from './contract.routes.js'
import { actorOf, type Actor } from './params.js'

const staff = { policy: { staff: 'companies' as const } }
const REASON_MAX = 500

export async function contractStatusRoutes(app: FastifyInstance) {
  app.post('/admin/contracts/:code/suspend', { config: staff }, async (request, reply) => {
    const contract = await contractOf(request)
    const reason = cleanMultiline(field(request.body, 'reason'))
    if (reason.length > REASON_MAX) return renderContractPage(request, reply, contract, { values: { reason }, errors: tooLong() }, 422)
    return transition(request, reply, contract, { from: ['active'], to: 'suspended', reason, done: 'admin.companies.suspended' })
  })

  app.post('/admin/contracts/:code/reactivate', { config: staff }, async (request, reply) => {
    const contract = await contractOf(request)
    return transition(request, reply, contract, { from: ['suspended'], to: 'active', reason: '', done: 'admin.companies.reactivated' })
  })

  app.get('/admin/contracts/:code/close', { config: staff }, async (request, reply) => {
    const contract = await contractOf(request)
    if (contract.status === 'closed') return refuseClosed(request, reply, contract)
    return renderClose(reply, contract, { reason: '', confirm: false })
  })

  app.post('/admin/contracts/:code/close', { config: staff }, async (request, reply) => {
    const contract = await contractOf(request)
    if (contract.status === 'closed') return refuseClosed(request, reply, contract)
    const values = { reason: cleanMultiline(field(request.body, 'reason')), confirm: field(request.body, 'confirm') === 'yes' }
    const errors = await closeErrors(request, contract, values)
    if (Object.keys(errors).length > 0) return renderClose(reply, contract, values, errors, 422)
    return transition(request, reply, contract, { from: ['active', 'suspended'], to: 'closed', reason: values.reason, done: 'admin.companies.closed' })
  })
}

async function closeErrors(request: FastifyRequest, contract: Contract, values: { reason: string; confirm: boolean }): Promise<FieldErrors> {
  const errors: FieldErrors = {}
  if (!values.reason) errors.reason = 'admin.companies.error.reason_required'
  else if (values.reason.length > REASON_MAX) Object.assign(errors, tooLong())
  if (!values.confirm) errors.confirm = 'admin.companies.error.confirm_close'
  // A grouping contract can't close under contracts still billed through it.
  const members = await request.server.db.selectFrom('contracts').select('code')
    .where('grouping_contract_id', '=', contract.id).where('status', '!=', 'closed').execute()
  if (members.length > 0) errors.confirm = { key: 'admin.companies.error.grouping_members', params: { codes: members.map((m) => m.code).join(', ') } }
  return errors
}

function tooLong(): FieldErrors {
  return { reason: { key: 'account.error.too_long', params: { max: REASON_MAX } } }
}

interface Transition {
  from: ContractStatus[]
  to: ContractStatus
  reason: string
  done: 'admin.companies.suspended' | 'admin.companies.reactivated' | 'admin.companies.closed'
}

async function transition(request: FastifyRequest, reply: FastifyReply, contract: Contract, change: Transition) {
  if (contract.status === 'closed') return refuseClosed(request, reply, contract)
  const changed = await changeStatus(request.server.db, contract, change, actorOf(request))
  if (!changed) return renderContractPage(request, reply, contract, { problem: 'admin.companies.error.status_changed' }, 409)
  reply.flash('success', change.done, { code: contract.code })
  return reply.redirect(`/admin/contracts/${contract.code}`, 303)
}

async function changeStatus(db: FastifyInstance['db'], contract: Contract, change: Transition, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('contracts').set({ status: change.to, updated_at: new Date().toISOString() })
      .where('id', '=', contract.id).where('status', 'in', change.from).executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return false
    await writeAudit(trx, { action: `admin.contract.${change.to === 'active' ? 'reactivated' : change.to}`, actorUserId: actor.userId, contractId: contract.id, ip: actor.ip,
      details: { before: contract.status, after: change.to, ...(change.reason ? { reason: change.reason } : {}) } })
    return true
  })
}

function renderClose(reply: FastifyReply, contract: Contract, values: { reason: string; confirm: boolean }, errors: FieldErrors = {}, status = 200) {
  return reply.code(status).render('admin/companies/contract-close', { contract, values, errors })
}
