// The referent's "share requests" setting on the contract page (PRODUCT.md,
// "Rights", source 004): incidents and change requests are private to their
// author until the referent shares them among every user who has the right;
// turning it off makes them private again. Referent only, audited.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { createCompany, createContract, createRequest, createUser, grantRoles } from '../helpers/factories.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { requestNumber } from '../../src/features/requests/request-number.js'

const PASSWORD = 'Share#Requests-2026'
const CODE = 'OCB0090101'

/** One contract: its referent, an author of an incident, and a support visitor (also contracts manager) who didn't open it. */
async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
  const companyId = await createCompany(db, 'Sharing Company')
  const user = (login: string) => createUser(db, { login, companyId, password: PASSWORD })
  const referent = await user('share.referent')
  const author = await user('share.author')
  const visitor = await user('share.visitor')
  const contract = await createContract(db, { companyId, referentId: referent.id, code: CODE })
  await grantRoles(db, contract, referent.id, 'highest')
  await grantRoles(db, contract, author.id, { support: 'visitor' })
  await grantRoles(db, contract, visitor.id, { support: 'visitor', contracts: 'manager' })
  const incident = await createRequest(db, { contractId: contract.id, authorId: author.id, type: 'incident', title: 'Disk full on db02' })
  const referentClient = await loginAs(app, 'share.referent', PASSWORD)
  const share = async (value: string) => {
    await referentClient.get(`/contracts/${CODE}`)
    return referentClient.post(`/contracts/${CODE}/share-requests`, { share: value })
  }
  const shared = async () => (await db.selectFrom('contracts').select('share_requests').where('id', '=', contract.id).executeTakeFirstOrThrow()).share_requests
  return { app, db, contract, referent, incident, number: requestNumber(incident), referentClient, share, shared }
}

t.test('the referent shares requests: a support visitor then sees another user\'s incident in the list and on its page; turning it off hides it again', async (t) => {
  const { app, number, share, shared } = await setup(t)
  const visitor = await loginAs(app, 'share.visitor', PASSWORD)
  const link = `href="/requests/${number}"`
  t.notMatch((await visitor.get('/requests')).body, link, 'private by default')
  t.equal((await visitor.get(`/requests/${number}`)).statusCode, 404)

  const on = await share('yes')
  t.equal(on.statusCode, 303)
  t.equal(on.headers.location, `/contracts/${CODE}`)
  t.equal(await shared(), 1)
  t.match((await visitor.get('/requests')).body, link)
  const page = await visitor.get(`/requests/${number}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Disk full on db02')

  t.equal((await share('no')).statusCode, 303)
  t.equal(await shared(), 0)
  t.notMatch((await visitor.get('/requests')).body, link)
  t.equal((await visitor.get(`/requests/${number}`)).statusCode, 404)
})

t.test('the contract page offers the setting to the referent only, with its current state and a notice after the change', async (t) => {
  const { app, referentClient, share } = await setup(t)
  const before = await referentClient.get(`/contracts/${CODE}`)
  t.match(before.body, `action="/contracts/${CODE}/share-requests"`)
  t.match(before.body, 'Private: each user sees only the incidents and change requests they opened.')
  t.match(before.body, 'name="share" value="yes"')
  await share('yes')
  const after = await referentClient.get(`/contracts/${CODE}`)
  t.match(after.body, 'Incidents and change requests of this contract are now shared among every user who has the right.')
  t.match(after.body, 'name="share" value="no"')
  const french = await referentClient.get(`/contracts/${CODE}?lang=fr`)
  t.match(french.body, 'Partagées : tout utilisateur ayant un rôle Support voit chaque incident')
  const visitor = await loginAs(app, 'share.visitor', PASSWORD)
  const visitorPage = await visitor.get(`/contracts/${CODE}`)
  t.equal(visitorPage.statusCode, 200)
  t.notMatch(visitorPage.body, '/share-requests"', 'a contracts manager who is not the referent sees no form')
})

t.test('the change is audited with before and after; the same value again writes nothing', async (t) => {
  const { db, contract, referent, share } = await setup(t)
  await share('yes')
  const rows = () => db.selectFrom('audit_log').select(['actor_user_id', 'contract_id', 'details']).where('action', '=', 'contract.share_requests').execute()
  t.same(await rows(), [{ actor_user_id: referent.id, contract_id: contract.id, details: JSON.stringify({ before: 0, after: 1 }) }])
  t.equal((await share('yes')).statusCode, 303)
  t.equal((await rows()).length, 1, 'already shared: no second entry')
  await share('no')
  t.same((await rows()).map((row) => JSON.parse(row.details!)), [{ before: 0, after: 1 }, { before: 1, after: 0 }])
})

t.test('a user who is not the referent gets 403 and changes nothing; a value other than yes or no is a 400', async (t) => {
  const { app, db, share, shared } = await setup(t)
  const visitor = await loginAs(app, 'share.visitor', PASSWORD)
  await visitor.get(`/contracts/${CODE}`)
  t.equal((await visitor.post(`/contracts/${CODE}/share-requests`, { share: 'yes' })).statusCode, 403)
  t.equal(await shared(), 0)
  t.equal((await share('true')).statusCode, 400)
  t.equal((await share('')).statusCode, 400)
  t.equal(await shared(), 0)
  const audit = await db.selectFrom('audit_log').select('id').where('action', '=', 'contract.share_requests').execute()
  t.equal(audit.length, 0)
})

t.test('on a suspended contract the referent cannot change it (403)', async (t) => {
  const { db, contract, share, shared } = await setup(t)
  await db.updateTable('contracts').set({ status: 'suspended' }).where('id', '=', contract.id).execute()
  t.equal((await share('yes')).statusCode, 403)
  t.equal(await shared(), 0)
})

t.test('a user of another company gets the same 404 as for an unknown contract', async (t) => {
  const { app } = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  await emma.get('/')
  t.equal((await emma.post(`/contracts/${CODE}/share-requests`, { share: 'yes' })).statusCode, 404)
})
