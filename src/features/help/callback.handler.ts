// POST /help/callback: a call back at a chosen business-hours slot, kept for
// the back-office inbox (no email: the customer gets the acknowledgement on
// the page, staff see the soonest calls first).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { readCallbackForm } from './callback.form.js'
import { companyOfContract, contractsOfUser, insertCallback } from './help.queries.js'
import { renderHelp } from './help.page.js'
import { advisorAddress } from './advisor.address.js'

export async function requestCallback(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db
  const now = new Date()
  const form = readCallbackForm(request.body, await contractsOfUser(db, request.user!), now)
  if (form.errors || !form.contract || !form.callbackAt) return renderHelp(request, reply, { callback: { ...form.values }, errors: form.errors }, 422)
  const { contract, callbackAt } = form
  const company = await companyOfContract(db, contract.id)
  await db.transaction().execute((trx) => insertCallback(trx, {
    userId: request.user!.id, companyId: company.id, contractId: contract.id, toAddress: advisorAddress(company).email,
    subject: form.values.subject, message: '', phone: form.values.phone, callbackAt, now,
  }))
  reply.flash('success', 'help.callback.sent', { time: request.i18n.fmt.dateTime(callbackAt.toISOString()), phone: form.values.phone })
  return reply.redirect(`/help?contract=${encodeURIComponent(contract.code)}`, 303)
}
