import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { translator } from '../../src/i18n/index.js'
import { firstOfNextMonth } from '../../src/lib/paris-calendar.js'

// Demo subscriptions, in seed order: 1–3 on OCB0000101 (1: 4 × s3.large.2
// at 45.60 €), 4–5 on OCB0000102, 6–8 on OCB0000301.
const LIST = '/contracts/OCB0000101/subscriptions'
const CANCEL_S3 = '/contracts/OCB0000101/subscriptions/1/cancel'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 1000, loginRateLimitPerLogin: 1000 } })
  const alice = await loginAs(app, 'alice.martin')
  await alice.get(`${LIST}?lang=en`)
  return { db, app, alice }
}

const englishDate = (day: string) => translator('en').fmt.date(day)

function cancellations(db: Awaited<ReturnType<typeof setup>>['db']) {
  return db.selectFrom('subscription_cancellations').select(['subscription_id', 'quantity', 'effective_on', 'withdrawn_at', 'applied_at']).orderBy('id').execute()
}

t.test('the list shows each reserved instance and workspace subscription with region, flavour, instances, commitment, prices and payment', async (t) => {
  const { alice } = await setup(t)
  const page = await alice.get(LIST)
  t.equal(page.statusCode, 200)
  t.match(page.body, '<title>Subscriptions – Hexagone Production (OCB0000101)')
  t.match(page.body, 'Reserved ECS instances (standard)')
  t.match(page.body, 's3.large.2')
  t.match(page.body, 'Paris (eu-west-0)')
  t.match(page.body, '€45.60', 'the price of one instance')
  t.match(page.body, '€182.40', 'four instances a month')
  t.match(page.body, /12 months, until \d{1,2} \w+ \d{4}/)
  t.match(page.body, 'Workspaces')
  t.match(page.body, 'Monthly')
  t.match(page.body, `href="${CANCEL_S3}"`, 'the referent may cancel')
})

t.test('a contract whose offer has no subscriptions answers as the guard does: 403 to its referent, 404 to anyone else', async (t) => {
  const { app, alice } = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  t.equal((await emma.get('/contracts/OCB0000201/subscriptions')).statusCode, 403, 'Cloud Avenue')
  t.equal((await alice.get('/contracts/OCB0000201/subscriptions')).statusCode, 404, 'not her contract')
  t.equal((await alice.get('/contracts/OCB0000102/subscriptions')).statusCode, 200, 'FE HDS has them')
})

t.test('a subscriptions visitor sees no cancel nor withdraw button and is refused the cancel page and both POSTs', async (t) => {
  const { db, app, alice } = await setup(t)
  await alice.get(CANCEL_S3)
  await alice.post(CANCEL_S3, { quantity: '1' })
  const chloe = await loginAs(app, 'chloe.bernard')
  const page = await chloe.get(LIST)
  t.equal(page.statusCode, 200)
  t.match(page.body, '1 instance on', 'she sees the scheduled cancellation')
  t.notMatch(page.body, '/cancel"')
  t.notMatch(page.body, '/withdraw"')
  t.equal((await chloe.get(CANCEL_S3)).statusCode, 403)
  const before = await cancellations(db)
  t.equal((await chloe.post(CANCEL_S3, { quantity: '1' })).statusCode, 403)
  t.equal((await chloe.post('/contracts/OCB0000101/subscriptions/cancellations/1/withdraw')).statusCode, 403)
  t.same(await cancellations(db), before, 'nothing written')
})

t.test('before confirming, the cancel page states the effective date, the first of next month, and how many instances remain', async (t) => {
  const { alice } = await setup(t)
  const effectiveOn = firstOfNextMonth(new Date())
  const page = await alice.get(CANCEL_S3)
  t.equal(page.statusCode, 200)
  t.match(page.body, `The cancellation takes effect on ${englishDate(effectiveOn)}, the first day of next month`)
  t.match(page.body, `Cancelling 4 leaves 0 instances from ${englishDate(effectiveOn)}`)
  t.match(page.body, 'name="quantity" type="text" inputmode="numeric" autocomplete="off" maxlength="9" value="4"', 'all by default')
  await alice.post(CANCEL_S3, { quantity: '1' })
  const after = await alice.get(CANCEL_S3)
  t.match(after.body, 'Already being cancelled')
  t.match(after.body, 'value="3"', 'the instances not yet being cancelled')
  t.match(after.body, 'From 1 to 3.')
})

t.test('cancelling schedules the instances for the 1st of next month, audited, told to the referent and billing managers in the portal and by email', async (t) => {
  const { db, alice } = await setup(t)
  await alice.get(CANCEL_S3)
  const response = await alice.post(CANCEL_S3, { quantity: '2' })
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, LIST)
  const effectiveOn = firstOfNextMonth(new Date())
  t.match(await cancellations(db), [{ subscription_id: 1, quantity: 2, effective_on: effectiveOn, withdrawn_at: null, applied_at: null }])
  const audit = await db.selectFrom('audit_log').select(['details']).where('action', '=', 'subscriptions.cancellation_scheduled').executeTakeFirstOrThrow()
  t.match(JSON.parse(audit.details!), { subscription_id: 1, quantity: 2, remaining: 2, effective_on: effectiveOn })
  const told = await db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['users.login', 'notifications.link']).where('kind', '=', 'subscription_cancellation_scheduled').orderBy('users.login').execute()
  t.same(told, [{ login: 'alice.martin', link: LIST }, { login: 'bruno.petit', link: LIST }], 'the referent and the billing manager, not the visitors')
  const mails = await db.selectFrom('outbox').select(['to_address', 'subject', 'text_body']).where('template', '=', 'subscription_cancellation').orderBy('to_address').execute()
  t.equal(mails.length, 2)
  const bruno = mails.find((mail) => mail.to_address.startsWith('bruno'))!
  t.match(bruno.subject, 'Résiliation de 2 instances sur Hexagone Production', 'in the reader’s language (French for Bruno)')
  t.match(bruno.text_body, 'Instances restantes\u00a0: 2')
  const list = await alice.get(LIST)
  t.match(list.body, `2 instances of s3.large.2 will be cancelled on ${englishDate(effectiveOn)}; 2 will remain.`)
  t.match(list.body, `2 instances on ${englishDate(effectiveOn)}`)
})

t.test('a quantity that is missing, not a whole number, 0 or more than the instances is refused with 422, the typed value kept, nothing written', async (t) => {
  const { db, alice } = await setup(t)
  await alice.get(CANCEL_S3)
  const cases: Array<[string, string]> = [
    ['', 'Enter the number of instances to cancel'],
    ['two', 'Enter the number of instances as a whole number'],
    ['1.5', 'Enter the number of instances as a whole number'],
    ['-1', 'Enter the number of instances as a whole number'],
    ['0', 'Cancel at least 1 instance'],
    ['5', 'You can cancel at most 4 instances'],
    ['99999999999', 'You can cancel at most 4 instances'],
  ]
  for (const [typed, message] of cases) {
    const response = await alice.post(CANCEL_S3, { quantity: typed })
    t.equal(response.statusCode, 422, `"${typed}"`)
    t.match(response.body, message)
    t.match(response.body, 'class="error-summary"')
    t.match(response.body, `value="${typed}"`)
  }
  t.equal((await alice.post(CANCEL_S3, { quantity: ['1', '2'] })).statusCode, 400, 'the field sent twice')
  t.same(await cancellations(db), [])
})

t.test('the instances already being cancelled count: no more than the rest can be cancelled', async (t) => {
  const { db, alice } = await setup(t)
  await alice.get(CANCEL_S3)
  t.equal((await alice.post(CANCEL_S3, { quantity: '3' })).statusCode, 303)
  await alice.get(CANCEL_S3)
  const refused = await alice.post(CANCEL_S3, { quantity: '2' })
  t.equal(refused.statusCode, 422)
  t.match(refused.body, 'You can cancel at most 1 instance:')
  t.equal((await alice.post(CANCEL_S3, { quantity: '1' })).statusCode, 303)
  const full = await alice.get(CANCEL_S3)
  t.match(full.body, 'there is nothing left to cancel')
  t.notMatch(full.body, 'name="quantity"')
  t.equal((await cancellations(db)).length, 2)
})

t.test('cancellations posted at the same moment never cancel more instances than the subscription holds', async (t) => {
  const { db, alice } = await setup(t)
  await alice.get(CANCEL_S3)
  const answers = await Promise.all([alice.post(CANCEL_S3, { quantity: '3' }), alice.post(CANCEL_S3, { quantity: '3' }), alice.post(CANCEL_S3, { quantity: '3' })])
  t.same(answers.map((answer) => answer.statusCode).sort(), [303, 422, 422], 'one goes through, the others find only 1 instance left')
  t.same((await cancellations(db)).map((row) => row.quantity), [3])
})

t.test('a subscription of another contract, or an id that names nothing, is a 404 for the page and the POST', async (t) => {
  const { db, alice } = await setup(t)
  await alice.get(CANCEL_S3)
  for (const id of ['6', '4', '0', '999999', 'abc', '1e3', '01']) {
    t.equal((await alice.get(`/contracts/OCB0000101/subscriptions/${id}/cancel`)).statusCode, 404, `GET ${id}`)
    await alice.get(CANCEL_S3)
    t.equal((await alice.post(`/contracts/OCB0000101/subscriptions/${id}/cancel`, { quantity: '1' })).statusCode, 404, `POST ${id}`)
  }
  t.equal((await alice.get('/contracts/OCB0000102/subscriptions/4/cancel')).statusCode, 200, 'on its own contract')
  t.same(await cancellations(db), [])
})

t.test('a scheduled cancellation is withdrawn before it takes effect: marked withdrawn, audited, the instances stay', async (t) => {
  const { db, alice } = await setup(t)
  await alice.get(CANCEL_S3)
  await alice.post(CANCEL_S3, { quantity: '2' })
  const list = await alice.get(LIST)
  t.match(list.body, 'action="/contracts/OCB0000101/subscriptions/cancellations/1/withdraw"')
  const response = await alice.post('/contracts/OCB0000101/subscriptions/cancellations/1/withdraw')
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, LIST)
  const [row] = await cancellations(db)
  t.ok(row!.withdrawn_at, 'withdrawn')
  t.equal(row!.applied_at, null)
  t.ok(await db.selectFrom('audit_log').select('id').where('action', '=', 'subscriptions.cancellation_withdrawn').executeTakeFirst())
  const after = await alice.get(LIST)
  t.match(after.body, 'The cancellation of 2 instances of s3.large.2 is withdrawn')
  t.notMatch(after.body, '/withdraw"')
  t.match((await alice.get(CANCEL_S3)).body, 'value="4"', 'all four can be cancelled again')
})

t.test('withdrawing twice says it is too late; another contract’s cancellation is a 404', async (t) => {
  const { db, app, alice } = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  await julien.get('/contracts/OCB0000301/subscriptions/6/cancel')
  t.equal((await julien.post('/contracts/OCB0000301/subscriptions/6/cancel', { quantity: '1' })).statusCode, 303, 'a subscriptions manager who is not the referent')
  await alice.get(LIST)
  t.equal((await alice.post('/contracts/OCB0000101/subscriptions/cancellations/1/withdraw')).statusCode, 404, 'Rivage’s cancellation through Hexagone’s contract')
  t.equal((await alice.post('/contracts/OCB0000101/subscriptions/cancellations/abc/withdraw')).statusCode, 404)
  await julien.get('/contracts/OCB0000301/subscriptions')
  t.equal((await julien.post('/contracts/OCB0000301/subscriptions/cancellations/1/withdraw')).statusCode, 303)
  const again = await julien.post('/contracts/OCB0000301/subscriptions/cancellations/1/withdraw')
  t.equal(again.statusCode, 303)
  t.match((await julien.get('/contracts/OCB0000301/subscriptions')).body, 'can no longer be withdrawn')
  t.equal((await db.selectFrom('audit_log').select('id').where('action', '=', 'subscriptions.cancellation_withdrawn').execute()).length, 1)
})

t.test('a billing manager who turned the cancellation email off still gets the notification, not the email', async (t) => {
  const { db, app, alice } = await setup(t)
  const bruno = await loginAs(app, 'bruno.petit')
  await bruno.get('/notifications')
  t.equal((await bruno.post('/notifications/preferences', { 'subscription_cancellation_scheduled:in_app': 'on' })).statusCode, 303)
  await alice.get(CANCEL_S3)
  await alice.post(CANCEL_S3, { quantity: '1' })
  const mails = await db.selectFrom('outbox').select('to_address').where('template', '=', 'subscription_cancellation').execute()
  t.same(mails.map((m) => m.to_address.split('@')[0]), ['alice.martin'], 'only the referent is emailed')
  const notified = await db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
    .select('users.login').where('kind', '=', 'subscription_cancellation_scheduled').orderBy('users.login').execute()
  t.same(notified.map((n) => n.login), ['alice.martin', 'bruno.petit'])
})
