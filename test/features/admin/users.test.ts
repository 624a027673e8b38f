// User support in the back-office: find an account, see its contracts and
// roles, unlock it, send a new password link, reset its two factors.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { Client } from '../../helpers/client.js'
import { createCompany, createContract, createUser, grantRoles } from '../../helpers/factories.js'
import { DEMO_PASSWORD, loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import type { DB } from '../../../src/db/database.js'
import { createPasswordToken } from '../../../src/features/password/password-tokens.queries.js'
import { regenerateRecoveryCodes } from '../../../src/features/security/recovery-codes.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

const userId = async (db: DB, login: string) => (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id
const auditOf = (db: DB, action: string) => db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()
const profileLink = (login: string) => `href="/admin/users/${login}"`

/** Signs in with the password only: true when no code is asked for. */
async function signsInWithPasswordOnly(app: Parameters<typeof loginAs>[0], login: string): Promise<boolean> {
  const client = new Client(app)
  await client.get('/login')
  const response = await client.post('/login', { login, password: DEMO_PASSWORD })
  return response.statusCode === 303 && response.headers.location === '/'
}

t.test('the users list finds an account by login, email, first and last name, or company', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  for (const q of ['ines.garnier', 'INES.GARNIER@rivage.example', 'Inès Garnier', 'garnier inès', 'Banque du Rivage']) {
    const page = await thomas.get(`/admin/users?q=${encodeURIComponent(q)}`)
    t.equal(page.statusCode, 200)
    t.match(page.body, profileLink('ines.garnier'), `found by ${q}`)
  }
  const byCompany = await thomas.get('/admin/users?q=rivage')
  t.notMatch(byCompany.body, profileLink('alice.martin'), 'a user of another company is not listed')
  const wildcard = await thomas.get('/admin/users?q=%25')
  t.match(wildcard.body, 'No account matches these filters.', 'a % in the search is a character, not a wildcard')
})

t.test('the locked filter, linked from the dashboard, lists only the accounts locked now', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const page = await thomas.get('/admin/users?state=locked')
  t.match(page.body, profileLink('ines.garnier'))
  t.notMatch(page.body, profileLink('alice.martin'))
  t.match(page.body, '<h2>1 account</h2>')
  t.match(page.body, '<option value="locked" selected>')
})

t.test('the invited filter lists the accounts without a password, the staff filter the staff, the two-factor filter those with it on', async (t) => {
  const { db, app } = await setup(t)
  const invited = await createUser(db, { login: 'invited.person' })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const invitedPage = await thomas.get('/admin/users?state=invited')
  t.match(invitedPage.body, profileLink(invited.login))
  t.notMatch(invitedPage.body, profileLink('alice.martin'))
  const staffPage = await thomas.get('/admin/users?state=staff')
  for (const login of ['sophie.durand', 'thomas.girard', 'nadia.benali', 'marc.lefevre']) t.match(staffPage.body, profileLink(login))
  t.notMatch(staffPage.body, profileLink('alice.martin'))
  const totpPage = await thomas.get('/admin/users?state=totp')
  t.match(totpPage.body, profileLink('thomas.girard'), 'thomas signed in with a code')
  t.notMatch(totpPage.body, profileLink('alice.martin'))
})

t.test('the list is paginated by 25 with the total count, and the links keep the filters', async (t) => {
  const { db, app } = await setup(t)
  const company = await createCompany(db, 'Paginated Corp')
  for (let i = 0; i < 30; i++) await createUser(db, { companyId: company })
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const first = await thomas.get('/admin/users?q=paginated')
  t.match(first.body, '<h2>30 accounts</h2>')
  t.equal([...first.body.matchAll(/<tr>\s*<td data-label="Name">/g)].length, 25)
  t.match(first.body, 'href="/admin/users?q=paginated&amp;state=all&amp;page=2"')
  const second = await thomas.get('/admin/users?q=paginated&state=all&page=2')
  t.equal([...second.body.matchAll(/<tr>\s*<td data-label="Name">/g)].length, 5)
})

t.test("a customer's profile shows each contract they are declared on with their role per section, linked to its back-office page", async (t) => {
  const { app } = await setup(t)
  const marc = await loginAsStaff(app, 'marc.lefevre')
  const page = await marc.get('/admin/users/bruno.petit')
  t.equal(page.statusCode, 200)
  t.match(page.body, '<h1>Bruno Petit (bruno.petit)</h1>')
  t.match(page.body, 'href="/admin/contracts/OCB0000101"')
  t.match(page.body, 'href="/admin/contracts/OCB0000102"')
  t.match(page.body, /OCB0000101[\s\S]*?<li><strong>Gestionnaire<\/strong>\s:\sFactures, Utilisateurs<\/li>/, 'manager of bills and users on the FE contract (page in French for marc)')
  t.match(page.body, /OCB0000102\)\s*<span class="badge badge--transmitted">Propriétaire du domaine/, 'domain owner of the HDS contract')
  t.match(page.body, 'Hexagone Industries')
})

t.test('the profile shows the state of the account: lock, failed logins, two factors, last login, pending invitation', async (t) => {
  const { db, app } = await setup(t)
  const invited = await createUser(db, { login: 'pending.invitee' })
  await createPasswordToken(db, invited.id, 'welcome')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const ines = await thomas.get('/admin/users/ines.garnier')
  t.match(ines.body, /<span class="badge badge--rejected">Locked<\/span> until/)
  t.match(ines.body, 'Unlock the account')
  const pending = await thomas.get('/admin/users/pending.invitee')
  t.match(pending.body, 'Invitation pending')
  t.match(pending.body, 'its link works until')
  t.match(pending.body, 'Send the invitation again')
  const self = await thomas.get('/admin/users/thomas.girard')
  t.match(self.body, 'Back-office roles</dt><dd>Support</dd>')
  t.match(self.body, 'On since')
  t.match(self.body, 'Reset two-factor authentication')
})

t.test('unlocking ines.garnier (locked in the demo) lifts the lock and the login throttle, is audited, and she can log in again', async (t) => {
  const { db, app } = await setup(t)
  const refused = new Client(app)
  await refused.get('/login')
  t.equal((await refused.post('/login', { login: 'ines.garnier', password: DEMO_PASSWORD })).statusCode, 422, 'locked before')
  t.ok(await db.selectFrom('rate_counters').select('key').where('key', '=', 'login:ines.garnier').executeTakeFirst(), 'her attempt was counted')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get('/admin/users/ines.garnier')
  const unlocked = await thomas.post('/admin/users/ines.garnier/unlock')
  t.equal(unlocked.statusCode, 303)
  t.equal(unlocked.headers.location, '/admin/users/ines.garnier')
  t.match((await thomas.get('/admin/users/ines.garnier')).body, 'The account of Inès Garnier is unlocked')
  const row = await db.selectFrom('users').select(['locked_until', 'failed_login_count']).where('login', '=', 'ines.garnier').executeTakeFirstOrThrow()
  t.same(row, { locked_until: null, failed_login_count: 0 })
  t.notOk(await db.selectFrom('rate_counters').select('key').where('key', '=', 'login:ines.garnier').executeTakeFirst(), 'the throttle is cleared')
  const [audit] = await auditOf(db, 'admin.user.unlocked')
  t.equal(audit?.actor_user_id, await userId(db, 'thomas.girard'))
  t.equal(audit?.target_user_id, await userId(db, 'ines.garnier'))
  await loginAs(app, 'ines.garnier')
})

t.test('unlocking an account throttled by too many attempts on its login (but not locked) clears the counter', async (t) => {
  const { db, app } = await setup(t)
  await db.insertInto('rate_counters').values({ key: 'login:chloe.bernard', window_start: new Date().toISOString(), count: app.config.loginRateLimitPerLogin }).execute()
  const thomas = await loginAsStaff(app, 'thomas.girard')
  t.match((await thomas.get('/admin/users/chloe.bernard')).body, 'Unlock the account')
  t.equal((await thomas.post('/admin/users/chloe.bernard/unlock')).statusCode, 303)
  t.notOk(await db.selectFrom('rate_counters').select('key').where('key', '=', 'login:chloe.bernard').executeTakeFirst())
  t.equal((await auditOf(db, 'admin.user.unlocked')).length, 1)
  await loginAs(app, 'chloe.bernard')
})

t.test('unlocking an account that is neither locked nor counted changes nothing and says so', async (t) => {
  const { db, app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get('/admin/users/alice.martin')
  t.equal((await thomas.post('/admin/users/alice.martin/unlock')).statusCode, 303)
  t.match((await thomas.get('/admin/users/alice.martin')).body, 'was not locked: nothing changed')
  t.same(await auditOf(db, 'admin.user.unlocked'), [])
})

t.test('resending to an invited user sends a new welcome link; the old link is refused', async (t) => {
  const { db, app } = await setup(t)
  const company = await createCompany(db)
  const contract = await createContract(db, { companyId: company })
  const invited = await createUser(db, { login: 'late.invitee', companyId: company, locale: 'fr' })
  await grantRoles(db, contract, invited.id, {})
  const oldToken = await createPasswordToken(db, invited.id, 'welcome')
  const marc = await loginAsStaff(app, 'marc.lefevre')
  await marc.get('/admin/users/late.invitee')
  t.equal((await marc.post('/admin/users/late.invitee/resend')).statusCode, 303)
  const email = await db.selectFrom('outbox').selectAll().where('to_address', '=', 'late.invitee@test.example').executeTakeFirstOrThrow()
  t.equal(email.template, 'welcome')
  t.equal(email.locale, 'fr', "in the user's language")
  const newToken = /\/password\/reset\/([A-Za-z0-9_-]+)/.exec(email.text_body)![1]!
  const visitor = new Client(app)
  t.equal((await visitor.get(`/password/reset/${oldToken}`)).statusCode, 410, 'the old link no longer works')
  t.equal((await visitor.get(`/password/reset/${newToken}`)).statusCode, 200, 'the new one does')
  const [audit] = await auditOf(db, 'admin.user.welcome_resent')
  t.equal(audit?.target_user_id, invited.id)
  t.match((await marc.get('/admin/users/late.invitee')).body, 'Une nouvelle invitation a été envoyée à late.invitee@test.example.')
})

t.test('resending to a user who has a password sends a link to choose a new one', async (t) => {
  const { db, app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get('/admin/users/chloe.bernard')
  t.equal((await thomas.post('/admin/users/chloe.bernard/resend')).statusCode, 303)
  const email = await db.selectFrom('outbox').selectAll().where('to_address', '=', 'chloe.bernard@hexagone.example').executeTakeFirstOrThrow()
  t.equal(email.template, 'password_reset')
  const token = /\/password\/reset\/([A-Za-z0-9_-]+)/.exec(email.text_body)![1]!
  t.equal((await new Client(app).get(`/password/reset/${token}`)).statusCode, 200)
  t.equal((await auditOf(db, 'admin.user.reset_link_sent')).length, 1)
  t.ok(await signsInWithPasswordOnly(app, 'chloe.bernard'), 'her password still works until the link is used')
})

/** gabriel.roux with two factors on, ten recovery codes, and a browser signed in with a code. */
async function withTwoFactors(app: Parameters<typeof loginAs>[0], db: DB) {
  const browser = await loginAsStaff(app, 'gabriel.roux') // enrols and signs in with both factors; a customer lands on /
  const id = await userId(db, 'gabriel.roux')
  await db.transaction().execute((trx) => regenerateRecoveryCodes(trx, id))
  return { browser, id }
}

t.test('a two-factor reset needs a reason: without one (or too short, or too long) it is a 422 with what was typed, and nothing changes', async (t) => {
  const { db, app } = await setup(t)
  const { id } = await withTwoFactors(app, db)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get('/admin/users/gabriel.roux')
  const missing = await thomas.post('/admin/users/gabriel.roux/reset-2fa', { reason: ' \u0000 ' })
  t.equal(missing.statusCode, 422)
  t.match(missing.body, 'Give the reason for the reset')
  t.match(missing.body, 'class="error-summary"')
  const short = await thomas.post('/admin/users/gabriel.roux/reset-2fa', { reason: 'lost' })
  t.equal(short.statusCode, 422)
  t.match(short.body, 'The reason must be at least 5 characters')
  t.match(short.body, '>lost</textarea>')
  const long = await thomas.post('/admin/users/gabriel.roux/reset-2fa', { reason: 'x'.repeat(501) })
  t.match(long.body, 'The reason must be at most 500 characters')
  const user = await db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', id).executeTakeFirstOrThrow()
  t.ok(user.totp_secret && user.totp_enabled_at, 'two factors still on')
  t.equal((await db.selectFrom('recovery_codes').select('id').where('user_id', '=', id).execute()).length, 10)
  t.same(await auditOf(db, 'admin.user.totp_reset'), [])
  t.same(await db.selectFrom('outbox').select('id').where('template', '=', 'totp_reset').execute(), [])
})

t.test('a two-factor reset removes the secret and recovery codes, signs the user out, audits the reason, emails and notifies them; they log in with the password only', async (t) => {
  const { db, app } = await setup(t)
  const { browser, id } = await withTwoFactors(app, db)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get('/admin/users/gabriel.roux')
  const reason = 'Lost his phone; identity checked by a call back on +33 6 22 10 20 31'
  const reset = await thomas.post('/admin/users/gabriel.roux/reset-2fa', { reason })
  t.equal(reset.statusCode, 303)
  t.equal(reset.headers.location, '/admin/users/gabriel.roux')
  const user = await db.selectFrom('users').select(['totp_secret', 'totp_enabled_at', 'totp_last_step']).where('id', '=', id).executeTakeFirstOrThrow()
  t.same(user, { totp_secret: null, totp_enabled_at: null, totp_last_step: null })
  t.same(await db.selectFrom('recovery_codes').select('id').where('user_id', '=', id).execute(), [], 'recovery codes gone')
  t.same(await db.selectFrom('sessions').select('id').where('user_id', '=', id).execute(), [], 'every session ended')
  t.equal((await browser.get('/')).statusCode, 302, 'his browser is signed out')
  const [audit] = await auditOf(db, 'admin.user.totp_reset')
  t.equal(audit?.actor_user_id, await userId(db, 'thomas.girard'))
  t.equal(audit?.target_user_id, id)
  t.same(JSON.parse(audit!.details!), { reason })
  const email = await db.selectFrom('outbox').selectAll().where('template', '=', 'totp_reset').executeTakeFirstOrThrow()
  t.equal(email.to_address, 'gabriel.roux@lumiere.example')
  t.equal(email.locale, 'en')
  t.notMatch(email.text_body, 'identity checked', 'the reason stays in the audit log')
  const notification = await db.selectFrom('notifications').selectAll().where('user_id', '=', id).executeTakeFirstOrThrow()
  t.equal(notification.kind, 'totp_reset')
  t.ok(await signsInWithPasswordOnly(app, 'gabriel.roux'), 'no code asked any more')
  t.match((await thomas.get('/admin/users/gabriel.roux')).body, 'Two-factor authentication of Gabriel Roux is reset')
})

t.test('a staff member whose two factors are reset must enrol again before opening the back-office', async (t) => {
  const { db, app } = await setup(t)
  await loginAsStaff(app, 'marc.lefevre')
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get('/admin/users/marc.lefevre')
  t.equal((await thomas.post('/admin/users/marc.lefevre/reset-2fa', { reason: 'Lost his phone at the airport' })).statusCode, 303)
  const marc = new Client(app)
  await marc.get('/login')
  t.equal((await marc.post('/login', { login: 'marc.lefevre', password: DEMO_PASSWORD })).headers.location, '/', 'no code asked')
  const admin = await marc.get('/admin')
  t.equal(admin.statusCode, 303)
  t.equal(admin.headers.location, '/account/security')
  t.equal((await auditOf(db, 'admin.user.totp_reset')).length, 1)
})

t.test('resetting two factors of a user who has none changes nothing and says so', async (t) => {
  const { db, app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get('/admin/users/alice.martin')
  t.equal((await thomas.post('/admin/users/alice.martin/reset-2fa', { reason: 'She asked on the phone' })).statusCode, 303)
  t.match((await thomas.get('/admin/users/alice.martin')).body, 'is not on for Alice Martin: nothing to reset')
  t.same(await auditOf(db, 'admin.user.totp_reset'), [])
})

t.test('support and account managers open user support; a billing staff member gets 403 on its pages and actions', async (t) => {
  const { db, app } = await setup(t)
  for (const login of ['thomas.girard', 'marc.lefevre', 'sophie.durand']) {
    const staff = await loginAsStaff(app, login)
    t.equal((await staff.get('/admin/users')).statusCode, 200, login)
  }
  const nadia = await loginAsStaff(app, 'nadia.benali')
  const list = await nadia.get('/admin/users')
  t.equal(list.statusCode, 403)
  t.match(list.body, 'Administrator, Support, Account manager')
  t.equal((await nadia.get('/admin/users/ines.garnier')).statusCode, 403)
  await nadia.get('/admin')
  t.equal((await nadia.post('/admin/users/ines.garnier/unlock')).statusCode, 403)
  t.ok((await db.selectFrom('users').select('locked_until').where('login', '=', 'ines.garnier').executeTakeFirstOrThrow()).locked_until, 'still locked')
})

t.test('a login that is unknown or cannot be a login is a 404, for the page and the actions', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  for (const login of ['nobody.here', 'ines.garnier%00', '%3Cscript%3E', 'a'.repeat(65), 'ines%20garnier']) {
    t.equal((await thomas.get(`/admin/users/${login}`)).statusCode, 404, login)
  }
  await thomas.get('/admin/users')
  t.equal((await thomas.post('/admin/users/nobody.here/unlock')).statusCode, 404)
  t.equal((await thomas.get('/admin/users/INES.GARNIER')).statusCode, 200, 'logins are compared lower-case')
})
