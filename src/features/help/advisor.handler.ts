// POST /help/advisor: a message to the company's account manager (or, when
// none is assigned, the support centre of the contract's offer), emailed and
// kept for the back-office inbox, in one transaction.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { queueEmail } from '../../mail/outbox.js'
import { findAccount } from '../account/account.queries.js'
import { readAdvisorForm } from './advisor.form.js'
import { companyOfContract, contractsOfUser, insertAdvisorMessage } from './help.queries.js'
import { renderHelp } from './help.page.js'
import { advisorAddress } from './advisor.address.js'

export async function sendAdvisorMessage(request: FastifyRequest, reply: FastifyReply) {
  const db = request.server.db
  const form = readAdvisorForm(request.body, await contractsOfUser(db, request.user!))
  if (form.errors || !form.contract) return renderHelp(request, reply, { advisor: { ...form.values }, errors: form.errors }, 422)
  const contract = form.contract
  const [account, company] = await Promise.all([findAccount(db, request.user!.id), companyOfContract(db, contract.id)])
  const to = advisorAddress(company)
  await db.transaction().execute(async (trx) => {
    await insertAdvisorMessage(trx, { userId: account.id, companyId: company.id, contractId: contract.id, toAddress: to.email, subject: form.values.subject, message: form.values.message, now: new Date() })
    await queueEmail(trx, {
      to: to.email, locale: company.country === 'FR' ? 'fr' : 'en', template: 'advisor_message',
      data: { advisorName: to.name, fromName: `${account.first_name} ${account.last_name}`, fromEmail: account.email, fromLogin: account.login,
        companyName: company.name, contractCode: contract.code, contractName: contract.name, subject: form.values.subject, message: form.values.message },
    })
  })
  reply.flash('success', 'help.advisor.sent')
  return reply.redirect(`/help?contract=${encodeURIComponent(contract.code)}`, 303)
}
