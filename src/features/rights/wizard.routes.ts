// "Add a user": three steps kept in the session (who, roles, summary); nothing
// is written before Save, and Save is one transaction.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../lib/forms.js'
import { can, sectionsForOffer } from '../../policy/index.js'
import { findUserByEmail, isOnContract, loginIsTaken, personErrors, readPersonForm, type PersonForm } from './person.form.js'
import { consoleRolesOffered, readRolesForm, rolesErrors, type RolesForm } from './roles.form.js'
import { saveNewAccess } from './wizard.save.js'

declare module 'fastify' {
  interface Session {
    wizard?: { contract: string; person?: PersonForm; existingLogin?: string | null; roles?: RolesForm }
  }
}

const manager = { policy: { section: 'users' as const, level: 'manager' as const } }

export async function wizardRoutes(app: FastifyInstance) {
  app.get('/rights/new', { config: manager }, async (request, reply) => renderPerson(request, reply, wizardOf(request)?.person ?? emptyPerson(request.i18n.locale)))

  app.post('/rights/new', { config: manager }, async (request, reply) => {
    const { contract } = request.rights!
    const person = readPersonForm(request.body)
    const existing = person.email ? await findUserByEmail(app.db, person.email) : undefined
    const errors = personErrors(person, Boolean(existing))
    if (!existing && !errors.login && (await loginIsTaken(app.db, person.login))) errors.login = 'rights.error.login_taken'
    if (existing && (await isOnContract(app.db, contract.id, existing.id))) errors.email = 'rights.error.already_on_contract'
    if (Object.keys(errors).length > 0) return renderPerson(request, reply, person, errors, 422)
    request.session.wizard = { ...wizardOf(request), contract: contract.code, person, existingLogin: existing?.login ?? null }
    return reply.redirect(`/rights/new/roles?contract=${contract.code}`, 303)
  })

  app.get('/rights/new/roles', { config: manager }, async (request, reply) => {
    const wizard = wizardOf(request)
    if (!wizard?.person) return startAgain(request, reply)
    return renderRoles(request, reply, wizard.roles ?? defaultRoles(request))
  })

  app.post('/rights/new/roles', { config: manager }, async (request, reply) => {
    const wizard = wizardOf(request)
    if (!wizard?.person) return startAgain(request, reply)
    const roles = readRolesForm(request.body, request.rights!.contract)
    const errors = rolesErrors(roles, request.rights!.contract)
    if (Object.keys(errors).length > 0) return renderRoles(request, reply, roles, errors, 422)
    // Console roles only from an FE console manager: never shown on the summary, then dropped at Save.
    if (!can(request.rights, 'fe_console', 'manager')) roles.consoles = []
    request.session.wizard = { ...wizard, roles }
    return reply.redirect(`/rights/new/summary?contract=${request.rights!.contract.code}`, 303)
  })

  app.get('/rights/new/summary', { config: manager }, async (request, reply) => {
    const wizard = wizardOf(request)
    if (!wizard?.person || !wizard.roles) return startAgain(request, reply)
    return reply.render('rights/new-summary', { contract: request.rights!.contract, wizard, sections: sectionsForOffer(request.rights!.contract.offer) })
  })

  app.post('/rights/new/save', { config: manager }, async (request, reply) => {
    const wizard = wizardOf(request)
    if (!wizard?.person || !wizard.roles) return startAgain(request, reply)
    const login = await saveNewAccess(request, wizard.person, wizard.roles)
    request.session.wizard = undefined
    reply.flash('success', 'rights.wizard.saved', { name: `${wizard.person.first_name} ${wizard.person.last_name}` })
    return reply.redirect(`/rights/users/${login}?contract=${request.rights!.contract.code}`, 303)
  })
}

/** The wizard in progress for this contract, if any. */
function wizardOf(request: FastifyRequest) {
  const wizard = request.session.wizard
  return wizard && wizard.contract === request.rights!.contract.code ? wizard : undefined
}

function startAgain(request: FastifyRequest, reply: FastifyReply) {
  reply.flash('info', 'rights.wizard.start_again')
  return reply.redirect(`/rights/new?contract=${request.rights!.contract.code}`, 303)
}

function emptyPerson(locale: string): PersonForm {
  return { title: '', first_name: '', last_name: '', email: '', login: '', phone: '', locale }
}

// A new user starts with the lowest role of each section (contracts: visitor).
function defaultRoles(request: FastifyRequest): RolesForm {
  return { roles: Object.fromEntries(sectionsForOffer(request.rights!.contract.offer).map((row) => [row.name, row.roles[0]])), consoles: [] }
}

function renderPerson(request: FastifyRequest, reply: FastifyReply, person: PersonForm, errors: FieldErrors = {}, status = 200) {
  return reply.code(status).render('rights/new-person', { contract: request.rights!.contract, values: person, errors })
}

function renderRoles(request: FastifyRequest, reply: FastifyReply, form: RolesForm, errors: FieldErrors = {}, status = 200) {
  const contract = request.rights!.contract
  return reply.code(status).render('rights/new-roles', {
    contract, form, errors, sections: sectionsForOffer(contract.offer), person: wizardOf(request)!.person,
    consoleOptions: consoleRolesOffered(contract), chosenConsoles: new Set(form.consoles.map((c) => `${c.console}:${c.role}`)),
  })
}
