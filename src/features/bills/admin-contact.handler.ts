// POST /bills/:code/admin-contact: the referent names, changes or removes
// the contract's administrative contact (who receives the invoice emails).
// A multi-services grouping contract is read-only to customers: its billing
// details change through the account manager.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../audit/audit.js'
import { parseAdminContact, readAdminContactForm } from './admin-contact.form.js'
import { setAdminContact } from './bills.queries.js'
import { renderBillsPage } from './page.handler.js'
import { situationOf } from './page.data.js'

export async function saveAdminContact(request: FastifyRequest, reply: FastifyReply) {
  const { contract } = request.rights!
  const values = readAdminContactForm(request.body)
  if (situationOf(contract) === 'grouping') {
    return renderBillsPage(request, reply, values, { contact: 'bills.contact.error.read_only' }, 422)
  }
  const parsed = parseAdminContact(values)
  if ('errors' in parsed) return renderBillsPage(request, reply, values, parsed.errors, 422)
  const before = { name: contract.admin_contact_name, email: contract.admin_contact_email }
  const after = parsed.contact
  const changed = before.name !== after.name || before.email !== after.email
  if (changed) {
    await request.server.db.transaction().execute(async (trx) => {
      await setAdminContact(trx, contract.id, after, new Date())
      await writeAudit(trx, { action: 'contract.admin_contact_changed', actorUserId: request.user!.id, contractId: contract.id, ip: request.ip, details: { before, after } })
    })
  }
  const message = !changed ? 'bills.contact.unchanged' : after.email === null ? 'bills.contact.removed' : 'bills.contact.saved'
  reply.flash(changed ? 'success' : 'info', message)
  return reply.redirect(`/bills?contract=${contract.code}#admin-contact`, 303)
}
