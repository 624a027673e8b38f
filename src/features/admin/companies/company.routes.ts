// One company: create, show (its contracts and users), edit. A name already
// used by another company (compared without case) is refused.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { writeAudit } from '../../../audit/audit.js'
import type { Company } from '../../../db/companies.table.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { companyWithName, findCompany, lockCompanyNames, insertCompany, listCompanyContracts, listCompanyUsers, updateCompany } from './companies.queries.js'
import { companyColumns, companyErrors, emptyCompanyForm, readCompanyForm, type CompanyForm } from './company.form.js'
import { changedFields } from './diff.js'
import { actorOf, idParam } from './params.js'

const staff = { policy: { staff: 'companies' as const } }

export async function companyRoutes(app: FastifyInstance) {
  app.get('/admin/companies/new', { config: staff }, async (_request, reply) => renderForm(reply, { values: emptyCompanyForm() }))

  app.post('/admin/companies/new', { config: staff }, async (request, reply) => {
    const form = readCompanyForm(request.body)
    const errors = companyErrors(form)
    if (Object.keys(errors).length > 0) return renderForm(reply, { values: form, errors }, 422)
    const actor = actorOf(request)
    // The duplicate check and the insert in one transaction: two posts can't both pass it.
    const outcome = await app.db.transaction().execute(async (trx) => {
      await lockCompanyNames(trx)
      const duplicate = await companyWithName(trx, form.name)
      if (duplicate) return { duplicate }
      const id = await insertCompany(trx, form)
      await writeAudit(trx, { action: 'admin.company.created', actorUserId: actor.userId, ip: actor.ip, details: { id, ...companyColumns(form) } })
      return { id }
    })
    if ('duplicate' in outcome) return renderForm(reply, { values: form, errors: nameTaken(outcome.duplicate!) }, 422)
    reply.flash('success', 'admin.companies.company_created', { name: form.name })
    return reply.redirect(`/admin/companies/${outcome.id}`, 303)
  })

  app.get('/admin/companies/:id', { config: staff }, async (request, reply) => {
    const company = await companyOrNotFound(app, idParam(request))
    const [contracts, users] = await Promise.all([listCompanyContracts(app.db, company.id), listCompanyUsers(app.db, company.id)])
    return reply.render('admin/companies/company', { company, contracts, users })
  })

  app.get('/admin/companies/:id/edit', { config: staff }, async (request, reply) => {
    const company = await companyOrNotFound(app, idParam(request))
    return renderForm(reply, { company, values: formOf(company) })
  })

  app.post('/admin/companies/:id/edit', { config: staff }, async (request, reply) => {
    const company = await companyOrNotFound(app, idParam(request))
    const form = readCompanyForm(request.body)
    const errors = companyErrors(form)
    if (Object.keys(errors).length > 0) return renderForm(reply, { company, values: form, errors }, 422)
    const actor = actorOf(request)
    const duplicate = await app.db.transaction().execute(async (trx) => {
      await lockCompanyNames(trx)
      const taken = await companyWithName(trx, form.name, company.id)
      if (taken) return taken
      const diff = changedFields(company, companyColumns(form))
      if (diff.changed.length === 0) return undefined
      await updateCompany(trx, company.id, form)
      await writeAudit(trx, { action: 'admin.company.updated', actorUserId: actor.userId, ip: actor.ip, details: { id: company.id, before: diff.before, after: diff.after } })
      return undefined
    })
    if (duplicate) return renderForm(reply, { company, values: form, errors: nameTaken(duplicate) }, 422)
    reply.flash('success', 'admin.companies.company_saved', { name: form.name })
    return reply.redirect(`/admin/companies/${company.id}`, 303)
  })
}

async function companyOrNotFound(app: FastifyInstance, id: number): Promise<Company> {
  const company = await findCompany(app.db, id)
  if (!company) throw new NotFoundError()
  return company
}

function nameTaken(duplicate: { name: string }): FieldErrors {
  return { name: { key: 'admin.companies.error.name_taken', params: { name: duplicate.name } } }
}

function formOf(company: Company): CompanyForm {
  const values = Object.fromEntries(Object.entries(company).map(([key, value]) => [key, value ?? '']))
  return { ...values, create_tenant_online: company.create_tenant_online === 1 } as unknown as CompanyForm
}

/** The same form creates (no `company`) and edits. */
function renderForm(reply: FastifyReply, data: { company?: Company; values: CompanyForm; errors?: FieldErrors }, status = 200) {
  return reply.code(status).render('admin/companies/company-form', { company: undefined, errors: {}, ...data })
}
