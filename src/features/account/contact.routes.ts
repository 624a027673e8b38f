import type { FastifyInstance } from 'fastify'
import { writeAudit } from '../../audit/audit.js'
import { findAccount, emailBelongsToAnother } from './account.queries.js'
import { contactErrors, readContactForm } from './contact.form.js'

export async function contactRoutes(app: FastifyInstance) {
  app.get('/account/contact', { config: { policy: 'authenticated' } }, async (request, reply) => {
    const account = await findAccount(app.db, request.user!.id)
    const values = { title: account.title ?? '', email: account.email, phone: account.phone_mobile ?? '', landline: account.phone_landline ?? '' }
    return reply.render('account/contact', { values })
  })

  app.post('/account/contact', { config: { policy: 'authenticated' } }, async (request, reply) => {
    const form = readContactForm(request.body)
    const errors = contactErrors(form)
    if (!errors.email && (await emailBelongsToAnother(app.db, form.email, request.user!.id))) errors.email = 'account.error.email_taken'
    if (Object.keys(errors).length > 0) return reply.code(422).render('account/contact', { values: form, errors })
    await app.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({
        title: form.title as 'mr' | 'mrs', email: form.email, phone_mobile: form.phone || null, phone_landline: form.landline || null,
        updated_at: new Date().toISOString(),
      }).where('id', '=', request.user!.id).execute()
      await writeAudit(trx, { action: 'account.contact_updated', actorUserId: request.user!.id, targetUserId: request.user!.id, ip: request.ip, details: { email: form.email } })
    })
    reply.flash('success', 'account.contact.saved')
    return reply.redirect('/account', 303)
  })
}
