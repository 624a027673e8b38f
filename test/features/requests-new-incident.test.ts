import t, { type Test } from 'tap'
import { createHash } from 'node:crypto'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { postMultipart, SAMPLE_EXE, SAMPLE_PDF } from '../helpers/multipart.js'

type App = Awaited<ReturnType<typeof setup>>

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
  const max = async (table: 'requests' | 'request_attachments') => Number((await db.selectFrom(table).select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0)
  SEEDED.set(app, { request: await max('requests'), attachment: await max('request_attachments') })
  return app
}

const GOLD = 'OCB0000302' // Cloud Avenue Gold: julien.blanc support visitor, helene.fabre referent
const FCA = 'OCB0000103' // FCA Standard: david.moreau referent
const VALID = { service: 'vm', priority: 'P1', title: 'Desktops unreachable', description: 'Since 9:00 no virtual desktop answers.' }

// The demo data holds requests already: a test reads those it made (ids above the seed's).
const SEEDED = new WeakMap<object, { request: number; attachment: number }>()
const seeded = (app: App) => SEEDED.get(app)!
const requests = (app: App) => app.db.selectFrom('requests').selectAll().where('id', '>', seeded(app).request).orderBy('id').execute()
const events = (app: App) => app.db.selectFrom('request_events').selectAll().where('request_id', '>', seeded(app).request).execute()
const attachments = (app: App) => app.db.selectFrom('request_attachments').selectAll().where('id', '>', seeded(app).attachment).execute()

async function onForm(app: App, login = 'julien.blanc', contract = GOLD) {
  const client = await loginAs(app, login)
  await client.get(`/requests/new/incident?contract=${contract}&title=Desktops`)
  return client
}

async function nothingWritten(t: Test, app: App) {
  t.same(await requests(app), [], 'no request')
  t.same(await events(app), [], 'no history')
  t.same(await attachments(app), [], 'no attachment')
}

t.test('an incident on a Gold contract is due 4 h after it is sent for P1, with its first history line, and the author lands on its page', async (t) => {
  const app = await setup(t)
  const julien = await onForm(app)
  const before = Date.now()
  const answer = await julien.post('/requests/new/incident', { contract: GOLD, ...VALID })
  t.equal(answer.statusCode, 303)
  const [request] = await requests(app)
  t.match(request, { type: 'incident', section: 'support', status: 'transmitted', priority: 'P1', service: 'Virtual machines', title: VALID.title, description: VALID.description, item_code: null })
  t.equal(answer.headers.location, `/requests/REQ-${String(request!.id).padStart(6, '0')}`)
  t.equal(new Date(request!.due_at!).getTime() - new Date(request!.created_at).getTime(), 4 * 3_600_000, 'P1 in 4 h')
  t.ok(new Date(request!.created_at).getTime() >= before - 1000)
  t.match(await events(app), [{ request_id: request!.id, from_status: null, to_status: 'transmitted' }])
})

t.test('a P3 incident on a Gold contract is due 24 h after it is sent', async (t) => {
  const app = await setup(t)
  const julien = await onForm(app)
  await julien.post('/requests/new/incident', { contract: GOLD, ...VALID, priority: 'P3' })
  const [request] = await requests(app)
  t.equal(new Date(request!.due_at!).getTime() - new Date(request!.created_at).getTime(), 24 * 3_600_000)
})

t.test('an incident on a contract whose level promises no time to repair (FCA) has no due date', async (t) => {
  const app = await setup(t)
  const david = await onForm(app, 'david.moreau', FCA)
  const answer = await david.post('/requests/new/incident', { contract: FCA, ...VALID, service: 'storage' })
  t.equal(answer.statusCode, 303)
  const [request] = await requests(app)
  t.equal(request!.due_at, null)
})

t.test('the form shows the time to repair of the contract’s level for each priority', async (t) => {
  const app = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const page = await julien.get(`/requests/new/incident?contract=${GOLD}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'P1 – critical in 4 h')
  t.match(page.body, 'P4 – question or request for information in 72 h')
  const fca = await (await loginAs(app, 'david.moreau')).get(`/requests/new/incident?contract=${FCA}`)
  t.match(fca.body, 'Pas de délai de rétablissement garanti')
})

t.test('step 1 shows the FAQ answers matching the words typed, with the full form below keeping them as the title', async (t) => {
  const app = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const page = await julien.get(`/requests/new/incident?contract=${GOLD}&title=${encodeURIComponent('reset password')}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'These answers may help')
  t.match(page.body, /<details class="faq-suggestion">\s*<summary[^>]*>[^<]*password/i)
  t.match(page.body, 'Did this answer your question?')
  t.match(page.body, 'id="incident-form"')
  t.match(page.body, /id="title" name="title" type="text" value="reset password"/)
})

t.test('a French user’s words find the French FAQ answers', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  const page = await helene.get(`/requests/new/incident?contract=${GOLD}&title=${encodeURIComponent('mot de passe oublié')}`)
  t.match(page.body, 'Ces réponses peuvent vous aider')
  t.match(page.body, /<summary[^>]*>[^<]*mot de passe/i)
})

t.test('words matching no FAQ answer say so and still show the form', async (t) => {
  const app = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const page = await julien.get(`/requests/new/incident?contract=${GOLD}&title=qzxv+wvvk`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'No FAQ answer matches these words')
  t.notMatch(page.body, 'faq-suggestion"')
  t.match(page.body, 'id="incident-form"')
})

t.test('step 1 sent empty is refused (422) with its message', async (t) => {
  const app = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const page = await julien.get(`/requests/new/incident?contract=${GOLD}&title=+`)
  t.equal(page.statusCode, 422)
  t.match(page.body, 'Enter a few words describing the problem')
})

t.test('a 10,000-character step 1 searches with its first 150 characters', async (t) => {
  const app = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const page = await julien.get(`/requests/new/incident?contract=${GOLD}&title=${'%25_'.repeat(5000)}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, `value="${'%_'.repeat(75)}"`)
})

t.test('every bad field is refused (422) with its message next to it and in the summary, what was typed kept, nothing written', async (t) => {
  const app = await setup(t)
  const julien = await onForm(app)
  const cases: Array<[string, Record<string, string>, string]> = [
    ['no service', { service: '' }, 'Choose the affected service'],
    ['a service of another offer', { service: 'ecs' }, 'Choose the affected service'],
    ['no priority', { priority: '' }, 'Choose a priority'],
    ['an unknown priority', { priority: 'P0' }, 'Choose a priority'],
    ['no title', { title: '  ' }, 'Enter a title'],
    ['a 151-character title', { title: 'x'.repeat(151) }, 'Enter a title of at most 150 characters'],
    ['no description', { description: '' }, 'Describe the incident'],
    ['a 5,001-character description', { description: 'y'.repeat(5001) }, 'Enter a description of at most 5,000 characters'],
  ]
  for (const [label, change, message] of cases) {
    const form = { ...VALID, description: 'Typed <b>text</b> kept', ...change }
    const answer = await julien.post('/requests/new/incident', { contract: GOLD, ...form })
    t.equal(answer.statusCode, 422, label)
    t.equal(answer.body.split(message).length - 1, 2, `${label}: the message in the summary and next to the field`)
    if (!('description' in change)) t.match(answer.body, 'Typed &lt;b&gt;text&lt;/b&gt; kept', `${label}: the description kept, escaped`)
  }
  await nothingWritten(t, app)
})

t.test('an attachment is stored with the incident: its bytes, size and SHA-256', async (t) => {
  const app = await setup(t)
  const julien = await onForm(app)
  const answer = await postMultipart(julien, '/requests/new/incident', { contract: GOLD, ...VALID }, { field: 'attachment', fileName: 'screen capture.pdf', content: SAMPLE_PDF, contentType: 'application/pdf' })
  t.equal(answer.statusCode, 303)
  const [request] = await requests(app)
  const [file] = await attachments(app)
  t.match(file, { request_id: request!.id, comment_id: null, file_name: 'screen capture.pdf', content_type: 'application/pdf', size_bytes: SAMPLE_PDF.length, sha256: createHash('sha256').update(SAMPLE_PDF).digest('hex') })
  t.same(Buffer.from(file!.content), SAMPLE_PDF)
})

t.test('a multipart description of 5,000 accented characters arrives whole', async (t) => {
  const app = await setup(t)
  const julien = await onForm(app)
  const description = 'é'.repeat(5000)
  const answer = await postMultipart(julien, '/requests/new/incident', { contract: GOLD, ...VALID, description })
  t.equal(answer.statusCode, 303)
  const [request] = await requests(app)
  t.equal(request!.description, description)
})

t.test('a multipart incident without a file is accepted and stores no attachment', async (t) => {
  const app = await setup(t)
  const julien = await onForm(app)
  const answer = await postMultipart(julien, '/requests/new/incident', { contract: GOLD, ...VALID })
  t.equal(answer.statusCode, 303)
  t.equal((await requests(app)).length, 1)
  t.same(await attachments(app), [])
})

t.test('a file over 10 MB is refused with 413 and the form back with its message, nothing written', async (t) => {
  const app = await setup(t)
  const julien = await onForm(app)
  const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)])
  const answer = await postMultipart(julien, '/requests/new/incident', { contract: GOLD, ...VALID }, { field: 'attachment', fileName: 'big.pdf', content: big })
  t.equal(answer.statusCode, 413)
  t.match(answer.body, 'The file is larger than 10 MB')
  t.match(answer.body, 'value="Desktops unreachable"')
  await nothingWritten(t, app)
})

t.test('an executable is refused (422) with its message, nothing written', async (t) => {
  const app = await setup(t)
  const julien = await onForm(app)
  const answer = await postMultipart(julien, '/requests/new/incident', { contract: GOLD, ...VALID }, { field: 'attachment', fileName: 'fix.exe', content: SAMPLE_EXE })
  t.equal(answer.statusCode, 422)
  t.match(answer.body, 'This type of file is not accepted')
  await nothingWritten(t, app)
})

t.test('a user without the Support section on the contract gets a 403 on the form and on sending', async (t) => {
  const app = await setup(t)
  const laura = await loginAs(app, 'laura.vidal')
  t.equal((await laura.get(`/requests/new/incident?contract=${GOLD}`)).statusCode, 403)
  await laura.get('/account')
  t.equal((await laura.post('/requests/new/incident', { contract: GOLD, ...VALID })).statusCode, 403)
  await nothingWritten(t, app)
})

t.test('another company’s contract is a 404 on the form and on sending', async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  t.equal((await chloe.get(`/requests/new/incident?contract=${GOLD}`)).statusCode, 404)
  await chloe.get('/account')
  t.equal((await chloe.post('/requests/new/incident', { contract: GOLD, ...VALID })).statusCode, 404)
  await nothingWritten(t, app)
})

t.test('the type choice offers an incident and a change to a referent, only an incident to a support visitor, and refuses a foreign contract', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  const referent = await helene.get('/requests/new?contract=OCB0000301')
  t.equal(referent.statusCode, 200)
  t.match(referent.body, `href="/requests/new/incident?contract=OCB0000301"`)
  t.match(referent.body, `href="/requests/new/change?contract=OCB0000301"`)
  const julien = await loginAs(app, 'julien.blanc')
  const visitor = await julien.get(`/requests/new?contract=${GOLD}`)
  t.match(visitor.body, `href="/requests/new/incident?contract=${GOLD}"`)
  t.notMatch(visitor.body, '/requests/new/change?')
  t.equal((await julien.get('/requests/new?contract=OCB0000101')).statusCode, 404)
})

t.test('the type choice lists only the contracts where the user may create a request, and refuses (403) one of theirs where they may not', async (t) => {
  const app = await setup(t)
  const laura = await loginAs(app, 'laura.vidal')
  const page = await laura.get('/requests/new')
  t.equal(page.statusCode, 200)
  t.match(page.body, 'None of your contracts lets you create a request')
  t.equal((await laura.get(`/requests/new?contract=${GOLD}`)).statusCode, 403)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const choice = await gabriel.get('/requests/new')
  t.match(choice.body, '<option value="OCB0000201"')
  t.match(choice.body, '<option value="OCB0000301"')
})
