// "Create a tenant": a contract of a company, its referent (an existing user
// or a new person invited by email) and its domain owner.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Company } from '../../../db/companies.table.js'
import { OFFERS, type Offer } from '../../../db/contracts.table.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { findCompany } from './companies.queries.js'
import { contractErrors, readContractForm, SUPPORT_GROUPS, type ContractForm } from './contract.form.js'
import { createTenant } from './contract.create.js'
import { codeIsTaken, groupingContractsOf } from './contracts.queries.js'
import { actorOf, idQuery } from './params.js'
import { emptyPeopleForm, readPeopleForm, resolvePeople, type PeopleForm } from './people.form.js'

const staff = { policy: { staff: 'companies' as const } }

export async function contractNewRoutes(app: FastifyInstance) {
  app.get('/admin/contracts/new', { config: staff }, async (request, reply) => {
    const company = await companyOf(request)
    const values = { ...emptyContract(), people: emptyPeopleForm(request.i18n.locale) }
    return renderNew(request, reply, company, values)
  })

  app.post('/admin/contracts/new', { config: staff }, async (request, reply) => {
    const company = await companyOf(request)
    const { form, people, errors, groupings } = await readTenant(request, company)
    const values = { ...form, people: people.form }
    if (Object.keys(errors).length > 0) return renderNew(request, reply, company, values, errors, 422)
    const groupingId = groupings.find((g) => g.code === form.grouping)?.id ?? null
    const { code, taken } = await createTenant(app.db, app.config.publicUrl, {
      companyId: company.id, form, offer: form.offer as Offer, groupingId, referent: people.resolved.referent!, domainOwner: people.resolved.domainOwner,
    }, actorOf(request))
    if (taken) return renderNew(request, reply, company, values, { code: { key: 'admin.companies.error.code_taken', params: { code } } }, 422)
    if (people.resolved.outsiders.length > 0) reply.flash('success', 'admin.companies.contract_created_outsiders', { code, names: people.resolved.outsiders.join(', ') })
    else reply.flash('success', 'admin.companies.contract_created', { code })
    return reply.redirect(`/admin/contracts/${code}`, 303)
  })
}

/** Everything the form says, checked: the contract's fields, a typed code still free, the people. */
async function readTenant(request: FastifyRequest, company: Company) {
  const db = request.server.db
  const groupings = await groupingContractsOf(db, company.id)
  const form = readContractForm(request.body)
  const peopleForm = readPeopleForm(request.body)
  const errors = contractErrors(form, groupings.map((g) => g.code))
  if (form.code && !errors.code && (await codeIsTaken(db, form.code))) errors.code = { key: 'admin.companies.error.code_taken', params: { code: form.code } }
  const resolved = await resolvePeople(db, peopleForm, company.id, { allowNew: true })
  return { form, people: { form: peopleForm, resolved }, errors: { ...errors, ...resolved.errors }, groupings }
}

async function companyOf(request: FastifyRequest): Promise<Company> {
  const company = await findCompany(request.server.db, idQuery(request, 'company'))
  if (!company) throw new NotFoundError()
  return company
}

function emptyContract(): ContractForm {
  return { code: '', name: '', offer: '', support_level: '', start_date: new Date().toISOString().slice(0, 10), support_commitment_end: '', ref2: '', ref3: '', grouping: '' }
}

async function renderNew(request: FastifyRequest, reply: FastifyReply, company: Company, values: ContractForm & { people: PeopleForm }, errors: FieldErrors = {}, status = 200) {
  const groupings = await groupingContractsOf(request.server.db, company.id)
  // The confirmation box appears once the form has named someone of another company.
  const askConfirm = Boolean(errors.confirm_other_company) || values.people.confirm_other_company
  return reply.code(status).render('admin/companies/contract-new', { company, values, errors, groupings, askConfirm, offers: OFFERS, supportGroups: SUPPORT_GROUPS })
}
