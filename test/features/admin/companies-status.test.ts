// A contract's status, set in the back-office: suspend, reactivate, close
// (final); and what its customers see: the contract read-only.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { DEMO_PASSWORD, loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import type { DB } from '../../../src/db/database.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

const contract = (db: DB, code: string) => db.selectFrom('contracts').selectAll().where('code', '=', code).executeTakeFirstOrThrow()
const auditOf = (db: DB, action: string) => db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()
const snapshot = async (db: DB) => JSON.stringify(await Promise.all([
  db.selectFrom('contracts').selectAll().orderBy('id').execute(),
  db.selectFrom('contract_roles').selectAll().orderBy('contract_id').orderBy('user_id').orderBy('section').execute(),
  db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
  db.selectFrom('outbox').selectAll().orderBy('id').execute(),
]))

t.test('suspending a contract, with a reason, is audited and shows its users a read-only notice; reactivating undoes it', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/contracts/OCB0000301')
  const suspended = await marc.post('/admin/contracts/OCB0000301/suspend', { reason: 'Unpaid invoices since September' })
  t.equal(suspended.statusCode, 303)
  t.equal((await contract(db, 'OCB0000301')).status, 'suspended')
  const [audit] = await auditOf(db, 'admin.contract.suspended')
  t.same(JSON.parse(audit!.details!), { before: 'active', after: 'suspended', reason: 'Unpaid invoices since September' })
  t.equal(audit!.contract_id, (await contract(db, 'OCB0000301')).id)

  const helene = await loginAs(app, 'helene.fabre')
  t.match((await helene.get('/')).body, /Suspendu<\/span> <span class="muted">lecture seule<\/span>/)
  t.match((await helene.get('/contracts/OCB0000301')).body, 'Ce contrat est suspendu : vous pouvez le consulter, mais rien ne peut y être modifié.')

  const page = await marc.get('/admin/contracts/OCB0000301')
  t.match(page.body, 'Réactiver le contrat')
  t.equal((await marc.post('/admin/contracts/OCB0000301/reactivate', {})).statusCode, 303)
  t.equal((await contract(db, 'OCB0000301')).status, 'active')
  t.equal((await auditOf(db, 'admin.contract.reactivated')).length, 1)
})

t.test('a status change that no longer applies (reactivating an active contract, suspending twice) answers 409 and writes nothing', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/contracts/OCB0000201')
  const before = await snapshot(db)
  const response = await marc.post('/admin/contracts/OCB0000201/reactivate', {})
  t.equal(response.statusCode, 409)
  t.match(response.body, 'Le statut du contrat a changé entre-temps')
  t.equal(await snapshot(db), before)
  t.equal((await marc.post('/admin/contracts/OCB0000201/suspend', {})).statusCode, 303)
  t.equal((await marc.post('/admin/contracts/OCB0000201/suspend', {})).statusCode, 409, 'a second click changes nothing')
  t.equal((await auditOf(db, 'admin.contract.suspended')).length, 1)
})

t.test('a suspension reason over 500 characters is refused with 422 on the contract page, kept, and nothing changes', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/contracts/OCB0000201')
  const response = await marc.post('/admin/contracts/OCB0000201/suspend', { reason: `<b>${'r'.repeat(500)}</b>` })
  t.equal(response.statusCode, 422)
  t.match(response.body, 'Utilisez au plus 500 caractères')
  t.match(response.body, '&lt;b&gt;rrr')
  t.equal((await contract(db, 'OCB0000201')).status, 'active')
})

t.test('closing needs a reason and a ticked confirmation; without them it answers 422 and the contract stays open', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const page = await marc.get('/admin/contracts/OCB0000201/close')
  t.match(page.body, 'La clôture est définitive.')
  const before = await snapshot(db)
  const response = await marc.post('/admin/contracts/OCB0000201/close', { reason: '', confirm: 'no' })
  t.equal(response.statusCode, 422)
  t.match(response.body, 'Saisissez le motif de la clôture')
  t.match(response.body, 'Cochez la case pour confirmer la clôture')
  t.equal(await snapshot(db), before)
})

t.test('closing is final: audited with its reason, then the contract can no longer be edited, suspended, reactivated or closed again (409)', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/contracts/OCB0000202/close')
  const closed = await marc.post('/admin/contracts/OCB0000202/close', { reason: 'End of the contract on 31 December', confirm: 'yes' })
  t.equal(closed.statusCode, 303)
  t.equal((await contract(db, 'OCB0000202')).status, 'closed')
  const [audit] = await auditOf(db, 'admin.contract.closed')
  t.same(JSON.parse(audit!.details!), { before: 'active', after: 'closed', reason: 'End of the contract on 31 December' })
  const page = await marc.get('/admin/contracts/OCB0000202')
  t.match(page.body, 'La clôture est définitive : ce contrat ne peut plus être modifié.')
  t.notMatch(page.body, '/admin/contracts/OCB0000202/edit', 'no edit link')
  const before = await snapshot(db)
  t.equal((await marc.get('/admin/contracts/OCB0000202/edit')).statusCode, 409)
  t.equal((await marc.get('/admin/contracts/OCB0000202/close')).statusCode, 409)
  for (const action of ['edit', 'suspend', 'reactivate', 'close']) {
    const response = await marc.post(`/admin/contracts/OCB0000202/${action}`, { name: 'Reopened', reason: 'x', confirm: 'yes', referent_email: 'emma.leroy@lumiere.example' })
    t.equal(response.statusCode, 409, action)
    t.match(response.body, 'Ce contrat est clos : la clôture est définitive')
  }
  t.equal(await snapshot(db), before)
})

t.test('a multi-services contract can’t be closed while contracts grouped under it are open', async (t) => {
  const { app, db } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/contracts/OCB0000100/close')
  const response = await marc.post('/admin/contracts/OCB0000100/close', { reason: 'Regrouping ends', confirm: 'yes' })
  t.equal(response.statusCode, 422)
  t.match(response.body, 'Ces contrats sont encore regroupés sous celui-ci : OCB0000101, OCB0000102.')
  t.equal((await contract(db, 'OCB0000100')).status, 'active')
})

t.test('on a closed contract, a customer manager’s changes are refused with 403 and write nothing, while its pages still open', async (t) => {
  const { app, db } = await setup(t)
  await db.updateTable('contracts').set({ status: 'closed' }).where('code', '=', 'OCB0000201').execute()
  const before = await snapshot(db)

  const emma = await loginAs(app, 'emma.leroy') // referent of OCB0000201
  const page = await emma.get('/contracts/OCB0000201')
  t.equal(page.statusCode, 200, 'the contract still opens')
  t.match(page.body, 'This contract is closed: it stays visible, with its bills, but nothing on it can be changed.')
  t.match((await emma.get('/')).body, /Closed<\/span> <span class="muted">read-only<\/span>/)
  const twoFactors = await emma.post('/contracts/OCB0000201/require-2fa', { required: 'yes', password: DEMO_PASSWORD })
  t.equal(twoFactors.statusCode, 403)
  t.match(twoFactors.body, 'This contract is closed')

  const farid = await loginAs(app, 'farid.haddad') // users manager of OCB0000201
  t.equal((await farid.get('/rights?contract=OCB0000201')).statusCode, 200, 'the users list still opens')
  await farid.get('/rights/users/gabriel.roux/delete?contract=OCB0000201')
  const deletion = await farid.post('/rights/users/gabriel.roux/delete', { contract: 'OCB0000201', confirm: 'yes' })
  t.equal(deletion.statusCode, 403)
  const roles = await farid.post('/rights/users/gabriel.roux/roles', { contract: 'OCB0000201', 'role[users]': 'manager' })
  t.equal(roles.statusCode, 403)
  t.equal(await snapshot(db), before, 'nothing written')
  t.equal((await emma.post('/contracts/OCB0000202/require-2fa', { required: 'yes', password: DEMO_PASSWORD })).statusCode, 303, 'her other, active, contract is unaffected')
})

t.test('on a suspended contract the refusal says it is suspended', async (t) => {
  const { app, db } = await setup(t)
  await db.updateTable('contracts').set({ status: 'suspended' }).where('code', '=', 'OCB0000301').execute()
  const helene = await loginAs(app, 'helene.fabre')
  await helene.get('/contracts/OCB0000301')
  const response = await helene.post('/contracts/OCB0000301/require-2fa', { required: 'yes', password: DEMO_PASSWORD })
  t.equal(response.statusCode, 403)
  t.match(response.body, 'Ce contrat est suspendu : vous pouvez le consulter, mais rien ne peut y être modifié.')
  t.equal((await contract(db, 'OCB0000301')).require_totp, 0)
})
