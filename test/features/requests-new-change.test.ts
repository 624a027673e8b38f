import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'

type App = Awaited<ReturnType<typeof setup>>

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
  const seeded = await db.selectFrom('requests').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  SEEDED.set(app, Number(seeded?.id ?? 0))
  return app
}

// The demo data holds requests already: a test reads those it made (ids above the seed's).
const SEEDED = new WeakMap<object, number>()
const requests = (app: App) => app.db.selectFrom('requests').selectAll().where('id', '>', SEEDED.get(app)!).orderBy('id').execute()

const FE = 'OCB0000301' // Flexible Engine Standard: helene.fabre referent, gabriel.roux services manager, julien.blanc visitor
const CLOUD_AVENUE = 'OCB0000302' // helene.fabre referent, julien.blanc visitor

const QUOTA = {
  item: 'quota_ecs', region: 'eu-west-0', instances: '40', vcpus: '160', memory_gb: '640',
  justification: 'New <b>batch</b> platform', wanted_by: '2026-12-15', contact_name: 'Hélène Fabre', contact_email: 'helene@rivage.example', contact_phone: '+33 6 40 50 60 70',
}

async function onItem(app: App, login = 'helene.fabre', contract = FE, item = 'quota_ecs') {
  const client = await loginAs(app, login)
  await client.get(`/requests/new/change?contract=${contract}&item=${item}`)
  return client
}

t.test('the change catalog of a Flexible Engine contract shows the catalog, its categories and the quota items', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  const page = await helene.get(`/requests/new/change?contract=${FE}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, '<h2 id="catalog-standard">Catalogue de Changement Standard</h2>')
  t.match(page.body, 'Gestion des Quotas')
  t.match(page.body, `href="/requests/new/change?contract=${FE}&amp;item=quota_ecs"`)
  t.match(page.body, 'Augmenter les quotas Elastic Cloud Server')
  t.match(page.body, 'item=restore')
})

t.test('the change catalog of a Cloud Avenue contract leaves out the Flexible Engine items, and they are a 404 there', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  const page = await helene.get(`/requests/new/change?contract=${CLOUD_AVENUE}`)
  t.equal(page.statusCode, 200)
  t.notMatch(page.body, 'quota_ecs')
  t.notMatch(page.body, 'dc_route')
  t.match(page.body, 'item=restore', 'the item for every offer is there')
  t.equal((await helene.get(`/requests/new/change?contract=${CLOUD_AVENUE}&item=quota_ecs`)).statusCode, 404)
  await helene.get(`/requests/new/change?contract=${CLOUD_AVENUE}&item=restore`)
  const post = await helene.post('/requests/new/change', { contract: CLOUD_AVENUE, ...QUOTA })
  t.equal(post.statusCode, 404)
  t.same(await requests(app), [])
})

t.test('an inactive item is neither listed nor offered', async (t) => {
  const app = await setup(t)
  await app.db.updateTable('change_items').set({ active: 0 }).where('code', '=', 'quota_evs').execute()
  const helene = await loginAs(app, 'helene.fabre')
  t.notMatch((await helene.get(`/requests/new/change?contract=${FE}`)).body, 'quota_evs')
  t.equal((await helene.get(`/requests/new/change?contract=${FE}&item=quota_evs`)).statusCode, 404)
})

t.test('an item’s page shows its description and its form built from its field definitions, mandatory fields marked', async (t) => {
  const app = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const page = await gabriel.get(`/requests/new/change?contract=${FE}&item=quota_ecs`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Raise the number of instances, vCPUs and memory')
  t.match(page.body, 'Fields marked * are mandatory.')
  t.match(page.body, /<label class="field__label" for="region">Region <span class="field__required" aria-hidden="true">\*<\/span><\/label>/)
  t.match(page.body, '<option value="eu-west-1">Amsterdam (eu-west-1)</option>')
  t.match(page.body, 'A whole number from 1 to 10,000.')
  t.match(page.body, /<textarea[^>]*id="justification"[^>]*maxlength="2000"/)
  t.match(page.body, /id="wanted_by" name="wanted_by" type="date"/)
  t.match(page.body, /id="contact_email" name="contact_email" type="email"/)
  t.match(page.body, /<label class="field__label" for="contact_phone">Contact phone<\/label>/, 'an optional field has no asterisk')
})

t.test('a change request is written with the item, its name in the author’s language as title, and the answers with both languages’ labels', async (t) => {
  const app = await setup(t)
  const helene = await onItem(app)
  const answer = await helene.post('/requests/new/change', { contract: FE, ...QUOTA, description: 'Avant la fin de l’année' })
  t.equal(answer.statusCode, 303)
  const [request] = await requests(app)
  t.equal(answer.headers.location, `/requests/REQ-${String(request!.id).padStart(6, '0')}`)
  t.match(request, { type: 'change', section: 'services', status: 'transmitted', item_code: 'quota_ecs', title: 'Augmenter les quotas Elastic Cloud Server', description: 'Avant la fin de l’année', priority: null, due_at: null })
  const fields = JSON.parse(request!.fields_json!)
  t.same(fields[0], { name: 'region', label: { en: 'Region', fr: 'Région' }, value: 'eu-west-0', display: { en: 'Paris (eu-west-0)', fr: 'Paris (eu-west-0)' } })
  t.same(fields[1], { name: 'instances', label: { en: 'Instances wanted in total', fr: 'Nombre total d’instances souhaité' }, value: '40' })
  t.same(fields.map((field: { name: string }) => field.name), ['region', 'instances', 'vcpus', 'memory_gb', 'justification', 'wanted_by', 'contact_name', 'contact_email', 'contact_phone'])
})

t.test('optional fields left empty are not in the answers', async (t) => {
  const app = await setup(t)
  const helene = await onItem(app)
  t.equal((await helene.post('/requests/new/change', { contract: FE, ...QUOTA, wanted_by: '', contact_phone: '' })).statusCode, 303)
  const [request] = await requests(app)
  const names = JSON.parse(request!.fields_json!).map((field: { name: string }) => field.name)
  t.notOk(names.includes('wanted_by'))
  t.notOk(names.includes('contact_phone'))
})

t.test('a missing required field is refused (422) with its label in the message, in the summary and next to it, everything typed kept', async (t) => {
  const app = await setup(t)
  const gabriel = await onItem(app, 'gabriel.roux')
  const answer = await gabriel.post('/requests/new/change', { contract: FE, ...QUOTA, contact_name: '', description: 'Keep <me>' })
  t.equal(answer.statusCode, 422)
  t.equal(answer.body.split('Fill in “Contact person for the implementation”').length - 1, 2)
  t.match(answer.body, 'value="helene@rivage.example"')
  t.match(answer.body, 'New &lt;b&gt;batch&lt;/b&gt; platform')
  t.match(answer.body, 'Keep &lt;me&gt;')
  t.match(answer.body, '<option value="eu-west-0" selected>')
  t.same(await requests(app), [])
})

t.test('the label in an error message is in the user’s language', async (t) => {
  const app = await setup(t)
  const helene = await onItem(app)
  const answer = await helene.post('/requests/new/change', { contract: FE, ...QUOTA, region: '' })
  t.equal(answer.statusCode, 422)
  t.match(answer.body, 'Choisissez une option pour « Région »')
})

t.test('a number out of range, an impossible date, an unknown option, a bad email or phone are refused (422), nothing written', async (t) => {
  const app = await setup(t)
  const gabriel = await onItem(app, 'gabriel.roux')
  const cases: Array<[string, Record<string, string>, string]> = [
    ['0 instances', { instances: '0' }, '“Instances wanted in total” must be between 1 and 10,000'],
    ['10,001 instances', { instances: '10001' }, '“Instances wanted in total” must be between 1 and 10,000'],
    ['a decimal', { vcpus: '1.5' }, 'Enter a whole number for “vCPUs wanted in total”'],
    ['30 February', { wanted_by: '2026-02-30' }, 'Enter a real date for “Wanted by”'],
    ['an unknown region', { region: 'mars-1' }, 'Choose one of the options offered for “Region”'],
    ['a bad email', { contact_email: 'helene@' }, 'Enter an email address for “Contact email”'],
    ['a bad phone', { contact_phone: 'call me' }, 'Enter a phone number for “Contact phone”'],
    ['a 2,001-character note', { description: 'z'.repeat(2001) }, 'Enter at most 2,000 characters'],
  ]
  for (const [label, change, message] of cases) {
    const answer = await gabriel.post('/requests/new/change', { contract: FE, ...QUOTA, ...change })
    t.equal(answer.statusCode, 422, label)
    t.match(answer.body, message, label)
  }
  t.same(await requests(app), [])
})

t.test('an item field sent twice is refused (422) next to it, not a 500', async (t) => {
  const app = await setup(t)
  const helene = await onItem(app, 'helene.fabre')
  const answer = await helene.post('/requests/new/change', { contract: FE, ...QUOTA, instances: ['1', '2'] })
  t.equal(answer.statusCode, 422)
  t.match(answer.body, 'a été envoyé plusieurs fois')
  t.same(await requests(app), [])
})

t.test('an unknown item is a 404 on the page and on sending', async (t) => {
  const app = await setup(t)
  const helene = await onItem(app)
  t.equal((await helene.get(`/requests/new/change?contract=${FE}&item=quota_gpu`)).statusCode, 404)
  await helene.get(`/requests/new/change?contract=${FE}&item=quota_ecs`)
  t.equal((await helene.post('/requests/new/change', { contract: FE, ...QUOTA, item: 'quota_gpu' })).statusCode, 404)
  t.equal((await helene.post('/requests/new/change', { contract: FE, ...QUOTA, item: '' })).statusCode, 404)
  t.same(await requests(app), [])
})

t.test('a visitor on Services gets a 403 on the catalog, on an item and on sending', async (t) => {
  const app = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  t.equal((await julien.get(`/requests/new/change?contract=${FE}`)).statusCode, 403)
  t.equal((await julien.get(`/requests/new/change?contract=${FE}&item=quota_ecs`)).statusCode, 403)
  await julien.get('/account')
  t.equal((await julien.post('/requests/new/change', { contract: FE, ...QUOTA })).statusCode, 403)
  t.same(await requests(app), [])
})

t.test('another company’s contract is a 404', async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  t.equal((await chloe.get(`/requests/new/change?contract=${FE}`)).statusCode, 404)
  await chloe.get('/account')
  t.equal((await chloe.post('/requests/new/change', { contract: FE, ...QUOTA })).statusCode, 404)
  t.same(await requests(app), [])
})
