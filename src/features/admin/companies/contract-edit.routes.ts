// Editing a contract: name, support level, dates, REF2/REF3, grouping, the
// administrative (billing) contact, and its referent and domain owner by the
// email of an existing customer (a new person is invited from the customer's
// Rights wizard, or at creation).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Contract } from '../../../db/contracts.table.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { contractErrors, readContractForm, SUPPORT_GROUPS, type ContractForm } from './contract.form.js'
import { adminContactFieldsOf, parseAdminContactFields, readAdminContactFields, type AdminContactFields } from './admin-contact.form.js'
import { saveContractEdit } from './contract.edit.js'
import { contractOf, refuseClosed } from './contract.routes.js'
import { declaredUserIds, findHolders, groupingContractsOf } from './contracts.queries.js'
import { actorOf } from './params.js'
import { emptyPeopleForm, knownReferent, readPeopleForm, resolvePeople, type PeopleForm } from './people.form.js'

const staff = { policy: { staff: 'companies' as const } }
type EditValues = ContractForm & AdminContactFields & { people: PeopleForm }

export async function contractEditRoutes(app: FastifyInstance) {
  app.get('/admin/contracts/:code/edit', { config: staff }, async (request, reply) => {
    const contract = await contractOf(request)
    if (contract.status === 'closed') return refuseClosed(request, reply, contract)
    return renderEdit(request, reply, contract, await currentValues(request, contract))
  })

  app.post('/admin/contracts/:code/edit', { config: staff }, async (request, reply) => {
    const contract = await contractOf(request)
    if (contract.status === 'closed') return refuseClosed(request, reply, contract)
    const groupings = await groupingCandidates(request, contract)
    // Code and offer don't change here: the form's are ignored.
    const form = { ...readContractForm(request.body), code: '', offer: contract.offer }
    const contactFields = readAdminContactFields(request.body)
    const contact = parseAdminContactFields(contactFields)
    const people = readPeopleForm(request.body)
    const resolved = await resolvePeople(app.db, people, contract.company_id, { allowNew: false, declared: await declaredUserIds(app.db, contract.id) })
    const errors = { ...contractErrors(form, groupings.map((g) => g.code)), ...('errors' in contact ? contact.errors : {}), ...resolved.errors }
    if ('errors' in contact || Object.keys(errors).length > 0) return renderEdit(request, reply, contract, { ...form, ...contactFields, people }, errors, 422)
    const groupingId = groupings.find((g) => g.code === form.grouping)?.id ?? null
    const edit = { form, groupingId, adminContact: contact.contact, referent: knownReferent(resolved), domainOwner: resolved.domainOwner }
    const changed = await saveContractEdit(app.db, app.config.publicUrl, contract, edit, actorOf(request))
    reply.flash(changed.length > 0 ? 'success' : 'info', changed.length > 0 ? 'admin.companies.contract_saved' : 'admin.companies.nothing_changed', { code: contract.code })
    return reply.redirect(`/admin/contracts/${contract.code}`, 303)
  })
}

/** The grouping contracts this one may join: its company's, itself aside. */
async function groupingCandidates(request: FastifyRequest, contract: Contract) {
  const all = await groupingContractsOf(request.server.db, contract.company_id)
  return all.filter((g) => g.id !== contract.id)
}

async function currentValues(request: FastifyRequest, contract: Contract): Promise<EditValues> {
  const [holders, groupings] = await Promise.all([findHolders(request.server.db, contract), groupingContractsOf(request.server.db, contract.company_id)])
  const people = emptyPeopleForm(request.i18n.locale)
  people.referent.email = holders.referent?.email ?? ''
  people.domain_owner_email = holders.domainOwner?.email ?? ''
  return {
    code: contract.code, name: contract.name, offer: contract.offer, support_level: contract.support_level ?? '', start_date: contract.start_date ?? '',
    support_commitment_end: contract.support_commitment_end ?? '', ref2: contract.ref2 ?? '', ref3: contract.ref3 ?? '',
    grouping: groupings.find((g) => g.id === contract.grouping_contract_id)?.code ?? '', ...adminContactFieldsOf(contract), people,
  }
}

async function renderEdit(request: FastifyRequest, reply: FastifyReply, contract: Contract, values: EditValues, errors: FieldErrors = {}, status = 200) {
  const groupings = await groupingCandidates(request, contract)
  const askConfirm = Boolean(errors.confirm_other_company) || values.people.confirm_other_company
  return reply.code(status).render('admin/companies/contract-edit', { contract, values, errors, groupings, askConfirm, supportGroups: SUPPORT_GROUPS })
}
