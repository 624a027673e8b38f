// The budget form (/contracts/:code/budget): contracts managers set the
// monthly budget and its alert threshold; every bad input is a 422 that
// writes nothing; each change is audited.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import type { DB } from '../../src/db/database.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

async function budgetOf(db: DB, code: string) {
  return db.selectFrom('contracts').select(['budget_cents', 'budget_threshold_percent']).where('code', '=', code).executeTakeFirstOrThrow()
}

async function budgetAudits(db: DB) {
  const rows = await db.selectFrom('audit_log').select(['details', 'contract_id', 'actor_user_id']).where('action', '=', 'contract.budget_changed').execute()
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details ?? 'null') }))
}

t.test('a contracts manager sets the budget in French notation: saved in cents, audited before/after, back to the contract page', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  await helene.get('/contracts/OCB0000302/budget')
  const saved = await helene.post('/contracts/OCB0000302/budget', { budget: '1 500,50', threshold: '70' })
  t.equal(saved.statusCode, 303)
  t.equal(saved.headers.location, '/contracts/OCB0000302')
  t.same(await budgetOf(app.db, 'OCB0000302'), { budget_cents: 150_050, budget_threshold_percent: 70 })
  const [audit] = await budgetAudits(app.db)
  t.same(audit!.details, { before: { budgetCents: 900_000, thresholdPercent: 80 }, after: { budgetCents: 150_050, thresholdPercent: 70 } })
  t.match((await helene.get('/contracts/OCB0000302')).body, 'Le budget est enregistré.')
})

t.test('amounts typed the English way, with spaces or a euro sign are read to the cent', async (t) => {
  const app = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  for (const [typed, cents] of [['1500', 150_000], ['1500.5', 150_050], ['1 500 €', 150_000], ['0.01', 1], ['100000000', 10_000_000_000]] as const) {
    await emma.get('/contracts/OCB0000201/budget')
    t.equal((await emma.post('/contracts/OCB0000201/budget', { budget: typed, threshold: '80 %' })).statusCode, 303, typed)
    t.same(await budgetOf(app.db, 'OCB0000201'), { budget_cents: cents, budget_threshold_percent: 80 }, typed)
  }
})

t.test('each bad input is refused with its message, the typed values kept, nothing written', async (t) => {
  const app = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  const cases: Array<[budget: string, threshold: string, field: string, message: string]> = [
    ['-100', '80', 'budget', 'The budget can’t be negative'],
    ['abc', '80', 'budget', 'Enter the budget as an amount in euros'],
    ['1,5,0', '80', 'budget', 'Enter the budget as an amount in euros'],
    ['12.345', '80', 'budget', 'at most two decimals'],
    ['1,500', '80', 'budget', 'at most two decimals'],
    ['100000000.01', '80', 'budget', 'at most 100 000 000 €'],
    ['99999999999999999999', '80', 'budget', 'at most 100 000 000 €'],
    ['0', '80', 'budget', 'greater than 0'],
    ['1500', '', 'threshold', 'Enter the alert threshold'],
    ['1500', '0', 'threshold', 'whole number from 1 to 100'],
    ['1500', '101', 'threshold', 'whole number from 1 to 100'],
    ['1500', '7.5', 'threshold', 'whole number from 1 to 100'],
    ['1500', '-5', 'threshold', 'whole number from 1 to 100'],
  ]
  for (const [budget, threshold, field, message] of cases) {
    await emma.get('/contracts/OCB0000201/budget')
    const refused = await emma.post('/contracts/OCB0000201/budget', { budget, threshold })
    t.equal(refused.statusCode, 422, `${budget} / ${threshold}`)
    t.match(refused.body, new RegExp(`id="${field}-error">[^]*?${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), `${budget} / ${threshold}: message on ${field}`)
    t.match(refused.body, 'class="error-summary"')
    t.match(refused.body, `name="budget" type="text" value="${budget}"`, 'the typed budget is kept')
  }
  t.same(await budgetOf(app.db, 'OCB0000201'), { budget_cents: 300_000, budget_threshold_percent: 80 })
  t.same(await budgetAudits(app.db), [])
})

t.test('an empty amount removes the budget and its threshold', async (t) => {
  const app = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  await emma.get('/contracts/OCB0000201/budget')
  t.equal((await emma.post('/contracts/OCB0000201/budget', { budget: '', threshold: '' })).statusCode, 303)
  t.same(await budgetOf(app.db, 'OCB0000201'), { budget_cents: null, budget_threshold_percent: null })
  t.same((await budgetAudits(app.db))[0]!.details.after, { budgetCents: null, thresholdPercent: null })
})

t.test('saving the same budget writes no audit entry and says nothing changed', async (t) => {
  const app = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  await emma.get('/contracts/OCB0000201/budget')
  t.equal((await emma.post('/contracts/OCB0000201/budget', { budget: '3 000,00', threshold: '80' })).statusCode, 303)
  t.same(await budgetAudits(app.db), [])
  t.match((await emma.get('/contracts/OCB0000201')).body, 'Nothing changed')
})

t.test('a contracts visitor gets a 403 on the form and its post, and nothing changes', async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  t.equal((await chloe.get('/contracts/OCB0000101/budget')).statusCode, 403)
  await chloe.get('/')
  t.equal((await chloe.post('/contracts/OCB0000101/budget', { budget: '1', threshold: '1' })).statusCode, 403)
  t.same(await budgetOf(app.db, 'OCB0000101'), { budget_cents: 1_200_000, budget_threshold_percent: 80 })
})

t.test('another company’s contract is a 404, even to a contracts manager elsewhere', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  t.equal((await helene.get('/contracts/OCB0000101/budget')).statusCode, 404)
  await helene.get('/contracts/OCB0000302/budget')
  t.equal((await helene.post('/contracts/OCB0000101/budget', { budget: '1', threshold: '1' })).statusCode, 404)
  t.same(await budgetOf(app.db, 'OCB0000101'), { budget_cents: 1_200_000, budget_threshold_percent: 80 })
})

t.test('the form shows the consumption in amounts to a billing manager, in percentages only to others', async (t) => {
  const app = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  const withAmounts = (await emma.get('/contracts/OCB0000201/budget')).body
  t.match(withAmounts, /role="img"[^>]*>\s*<title[^>]*>[^<]*consumed since the 1st, out of a budget of €3,000\.00/)
  const farid = await loginAs(app, 'farid.haddad')
  const page = await farid.get('/contracts/OCB0000201/budget')
  t.equal(page.statusCode, 200, 'a contracts manager who only visits billing may set the budget')
  t.match(page.body, /<title id="budget-\d+-bar-title">[\d.]+% of the monthly budget consumed since the 1st/)
  t.notMatch(page.body, /<main[^]*€/, 'no amount anywhere in the page’s main part')
})

t.test('a suspended contract’s budget is shown without a form and can’t be posted', async (t) => {
  const app = await setup(t)
  await app.db.updateTable('contracts').set({ status: 'suspended' }).where('code', '=', 'OCB0000201').execute()
  const emma = await loginAs(app, 'emma.leroy')
  const page = await emma.get('/contracts/OCB0000201/budget')
  t.equal(page.statusCode, 200)
  t.notMatch(page.body, 'action="/contracts/OCB0000201/budget"')
  await emma.get('/')
  t.not((await emma.post('/contracts/OCB0000201/budget', { budget: '1', threshold: '1' })).statusCode, 303)
  t.same(await budgetOf(app.db, 'OCB0000201'), { budget_cents: 300_000, budget_threshold_percent: 80 })
})
