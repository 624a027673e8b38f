// A user's profile on a contract: their roles (changed by a Users manager,
// console roles by the FE console manager) and deleting their access.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../lib/http-errors.js'
import { field } from '../../lib/forms.js'
import { can, sectionsForOffer } from '../../policy/index.js'
import { findContractUser, listConsoleRolesOf, type ContractUser } from './rights.queries.js'
import { consoleRolesOffered, readRolesForm, rolesErrors, type RolesForm } from './roles.form.js'
import { deleteAccess, setRoles } from './rights.writes.js'
import { sendWelcome } from './wizard.save.js'

export async function userRoutes(app: FastifyInstance) {
  app.get('/rights/users/:login', { config: { policy: { section: 'users', level: 'visitor' } } }, async (request, reply) => {
    const user = await targetUser(request)
    const consoles = await listConsoleRolesOf(app.db, request.rights!.contract.id, user.id)
    return renderProfile(request, reply, user, { roles: user.rights.levels, consoles })
  })

  app.post('/rights/users/:login/roles', { config: { policy: { section: 'users', level: 'manager' } } }, async (request, reply) => {
    const user = await targetUser(request)
    const { contract } = request.rights!
    if (user.rights.isReferent) return renderProfile(request, reply, user, { roles: user.rights.levels, consoles: [] }, { formError: 'rights.error.referent_roles' }, 422)
    const form = readRolesForm(request.body, contract)
    const errors = rolesErrors(form, contract)
    if (Object.keys(errors).length > 0) return renderProfile(request, reply, user, form, { errors }, 422)
    const withConsoles = can(request.rights, 'fe_console', 'manager')
    await app.db.transaction().execute((trx) => setRoles(trx, contract, user.id, form, { userId: request.user!.id, ip: request.ip }, withConsoles))
    reply.flash('success', 'rights.roles_saved', { name: `${user.first_name} ${user.last_name}` })
    return reply.redirect(`/rights/users/${user.login}?contract=${contract.code}`, 303)
  })

  app.post('/rights/users/:login/resend', { config: { policy: { section: 'users', level: 'manager' } } }, async (request, reply) => {
    const user = await targetUser(request)
    const { contract } = request.rights!
    if (user.pending) {
      const invitedBy = `${request.user!.first_name} ${request.user!.last_name}`
      const locale = (await app.db.selectFrom('users').select('locale').where('id', '=', user.id).executeTakeFirstOrThrow()).locale
      await app.db.transaction().execute((trx) => sendWelcome(trx, request, { ...user, locale }, contract.name, invitedBy))
      reply.flash('success', 'rights.invitation_resent', { email: user.email })
    }
    return reply.redirect(`/rights/users/${user.login}?contract=${contract.code}`, 303)
  })

  app.get('/rights/users/:login/delete', { config: { policy: { section: 'users', level: 'manager' } } }, async (request, reply) => {
    const user = await targetUser(request)
    return reply.render('rights/delete', { contract: request.rights!.contract, target: user })
  })

  app.post('/rights/users/:login/delete', { config: { policy: { section: 'users', level: 'manager' } } }, async (request, reply) => {
    const user = await targetUser(request)
    const { contract } = request.rights!
    if (user.rights.isReferent) return reply.code(422).render('rights/delete', { contract, target: user, formError: request.i18n.t('rights.error.referent_delete') })
    if (field(request.body, 'confirm') !== 'yes') return reply.code(422).render('rights/delete', { contract, target: user, errors: { confirm: 'rights.error.confirm_delete' } })
    await app.db.transaction().execute((trx) => deleteAccess(trx, contract, user.id, { userId: request.user!.id, ip: request.ip }))
    reply.flash('success', 'rights.access_deleted', { name: `${user.first_name} ${user.last_name}`, contract: contract.name })
    return reply.redirect(user.id === request.user!.id ? '/' : `/rights?contract=${contract.code}`, 303)
  })
}

async function targetUser(request: FastifyRequest): Promise<ContractUser> {
  const { login } = request.params as { login: string }
  const user = await findContractUser(request.server.db, request.rights!.contract, login)
  if (!user) throw new NotFoundError()
  return user
}


function renderProfile(request: FastifyRequest, reply: FastifyReply, user: ContractUser, form: RolesForm, extra: { errors?: object; formError?: 'rights.error.referent_roles' } = {}, status = 200) {
  const contract = request.rights!.contract
  return reply.code(status).render('rights/user', {
    contract, target: user, form, sections: sectionsForOffer(contract.offer),
    consoleOptions: consoleRolesOffered(contract), chosenConsoles: new Set(form.consoles.map((c) => `${c.console}:${c.role}`)),
    errors: extra.errors ?? {}, formError: extra.formError ? request.i18n.t(extra.formError) : undefined,
  })
}
