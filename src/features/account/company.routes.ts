// "My company": the company's information, and a message to its web account
// manager (emailed, and kept for staff).
import type { FastifyInstance } from 'fastify'
import { cleanMultiline, cleanText, field, type FieldErrors } from '../../lib/forms.js'
import { queueEmail } from '../../mail/outbox.js'
import { findAccount, findCompanyOfUser } from './account.queries.js'

export async function companyRoutes(app: FastifyInstance) {
  app.get('/account/company', { config: { policy: 'authenticated' } }, async (request, reply) => {
    const account = await findAccount(app.db, request.user!.id)
    return reply.render('account/company', { company: await findCompanyOfUser(app.db, account.company_id), values: { subject: '', message: '' } })
  })

  app.post('/account/company/contact', { config: { policy: 'authenticated', rateLimit: { max: 5, timeWindow: 60_000 } } }, async (request, reply) => {
    const account = await findAccount(app.db, request.user!.id)
    const company = await findCompanyOfUser(app.db, account.company_id)
    const values = { subject: cleanText(field(request.body, 'subject')), message: cleanMultiline(field(request.body, 'message')) }
    const errors = messageErrors(values)
    if (!company?.account_manager_email) return reply.code(422).render('account/company', { company, values, formError: request.i18n.t('account.company.no_manager') })
    if (errors) return reply.code(422).render('account/company', { company, values, errors })
    await app.db.transaction().execute(async (trx) => {
      await trx.insertInto('contact_messages').values({
        user_id: account.id, company_id: company.id, to_address: company.account_manager_email!, subject: values.subject, message: values.message, created_at: new Date().toISOString(),
      }).execute()
      await queueEmail(trx, {
        to: company.account_manager_email!, locale: company.country === 'FR' ? 'fr' : 'en', template: 'account_manager_contact',
        data: { managerName: company.account_manager_name ?? company.account_manager_email!, fromName: `${account.first_name} ${account.last_name}`, fromEmail: account.email, fromLogin: account.login, companyName: company.name, subject: values.subject, message: values.message },
      })
    })
    reply.flash('success', 'account.company.sent', { name: company.account_manager_name ?? company.account_manager_email })
    return reply.redirect('/account/company', 303)
  })
}

function messageErrors(values: { subject: string; message: string }): FieldErrors | undefined {
  const errors: FieldErrors = {}
  if (!values.subject) errors.subject = 'account.error.subject_required'
  else if (values.subject.length > 150) errors.subject = { key: 'account.error.too_long', params: { max: 150 } }
  if (!values.message) errors.message = 'account.error.message_required'
  else if (values.message.length > 5000) errors.message = { key: 'account.error.too_long', params: { max: 5000 } }
  return Object.keys(errors).length > 0 ? errors : undefined
}
