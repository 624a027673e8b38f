import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { Client } from '../helpers/client.js'
import { DEMO_PASSWORD, loginAs, seedPersonas } from '../helpers/personas.js'
import type { DB } from '../../src/db/database.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db, config: { loginRateLimitPerIp: 1000, loginRateLimitPerLogin: 1000 } }) }
}

async function askForLink(client: Client, identifier: string) {
  await client.get('/password/forgot')
  return client.post('/password/forgot', { identifier })
}

/** The reset link of the last email queued to this address, as the user clicks it. */
async function linkSentTo(db: DB, address: string): Promise<string> {
  const email = await db.selectFrom('outbox').select(['text_body', 'template']).where('to_address', '=', address)
    .orderBy('id', 'desc').executeTakeFirstOrThrow()
  const link = /http:\/\/127\.0\.0\.1:\d+(\/password\/reset\/[\w-]+)/.exec(email.text_body)?.[1]
  if (!link) throw new Error(`no reset link in ${email.template}`)
  return link
}

t.test('the same answer whether or not the account exists, and an email only when it does', async (t) => {
  const { db, app } = await setup(t)
  const known = await askForLink(new Client(app), 'chloe.bernard')
  const unknown = await askForLink(new Client(app), 'nobody@nowhere.example')
  t.equal(known.statusCode, 303)
  t.equal(unknown.statusCode, 303)
  t.equal(known.headers.location, unknown.headers.location)
  const emails = await db.selectFrom('outbox').select(['to_address', 'template']).execute()
  t.same(emails, [{ to_address: 'chloe.bernard@hexagone.example', template: 'password_reset' }])
})

t.test('the link can be asked for by email address too, in the user’s language', async (t) => {
  const { db, app } = await setup(t)
  await askForLink(new Client(app), 'Alice.Martin@Hexagone.example')
  const email = await db.selectFrom('outbox').select(['locale', 'subject']).executeTakeFirstOrThrow()
  t.equal(email.locale, 'fr')
})

t.test('a reset sets the password, unlocks the account, ends every session and works once', async (t) => {
  const { db, app } = await setup(t)
  const other = await loginAs(app, 'ines.garnier').catch(() => undefined)
  t.notOk(other, 'ines is locked before the reset')
  const elsewhere = await loginAs(app, 'bruno.petit')
  await askForLink(new Client(app), 'ines.garnier')
  const link = await linkSentTo(db, 'ines.garnier@rivage.example')
  const client = new Client(app)
  t.equal((await client.get(link)).statusCode, 200)
  const done = await client.post(link, { password: 'Nouveau#Pass26', confirm: 'Nouveau#Pass26' })
  t.equal(done.statusCode, 303)
  t.equal(done.headers.location, '/login')
  t.match((await client.get('/login')).body, 'Your password is saved')
  const ines = await loginAs(app, 'ines.garnier', 'Nouveau#Pass26')
  t.ok(ines, 'the new password works and the lock is gone')
  const again = await new Client(app).get(link)
  t.equal(again.statusCode, 410)
  t.match(again.body, 'This link has already been used')
  t.equal((await elsewhere.get('/')).statusCode, 200, 'other users keep their sessions')
  const changed = await db.selectFrom('outbox').select('template').where('to_address', '=', 'ines.garnier@rivage.example').orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.equal(changed.template, 'password_changed', 'a "password changed" email follows')
})

t.test('a reset ends the sessions of the account that was reset', async (t) => {
  const { db, app } = await setup(t)
  const session = await loginAs(app, 'chloe.bernard')
  await askForLink(new Client(app), 'chloe.bernard')
  const link = await linkSentTo(db, 'chloe.bernard@hexagone.example')
  const client = new Client(app)
  await client.get(link)
  await client.post(link, { password: 'Autre#Pass2026', confirm: 'Autre#Pass2026' })
  t.equal((await session.get('/')).statusCode, 302)
})

t.test('a link expires after one hour, and a newer link voids the older one', async (t) => {
  const { db, app } = await setup(t)
  await askForLink(new Client(app), 'chloe.bernard')
  const first = await linkSentTo(db, 'chloe.bernard@hexagone.example')
  await askForLink(new Client(app), 'chloe.bernard')
  const second = await linkSentTo(db, 'chloe.bernard@hexagone.example')
  t.equal((await new Client(app).get(first)).statusCode, 410, 'the first link no longer works')
  await db.updateTable('password_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('used_at', 'is', null).execute()
  const expired = await new Client(app).get(second)
  t.equal(expired.statusCode, 410)
  t.match(expired.body, 'This link has expired')
  t.match(expired.body, 'href="/password/forgot"', 'offers a new link')
})

t.test('only a hash of the token is stored', async (t) => {
  const { db, app } = await setup(t)
  await askForLink(new Client(app), 'chloe.bernard')
  const token = (await linkSentTo(db, 'chloe.bernard@hexagone.example')).split('/').pop()!
  const row = await db.selectFrom('password_tokens').select('token_hash').executeTakeFirstOrThrow()
  t.not(row.token_hash, token)
  t.equal(row.token_hash.length, 64)
})

t.test('a new password that breaks the rule is refused with the rule’s message, and nothing changes', async (t) => {
  const { db, app } = await setup(t)
  await askForLink(new Client(app), 'chloe.bernard')
  const link = await linkSentTo(db, 'chloe.bernard@hexagone.example')
  const client = new Client(app)
  await client.get(link)
  const dollar = await client.post(link, { password: 'Abcdef1#$', confirm: 'Abcdef1#$' })
  t.equal(dollar.statusCode, 422)
  t.match(dollar.body, '$ not allowed')
  const mismatch = await client.post(link, { password: 'Abcdefg1#x', confirm: 'Abcdefg1#y' })
  t.match(mismatch.body, 'The two passwords are different')
  const withLogin = await client.post(link, { password: 'chloe.bernarD1#', confirm: 'chloe.bernarD1#' })
  t.match(withLogin.body, 'Do not include your login')
  t.ok(await loginAs(app, 'chloe.bernard', DEMO_PASSWORD), 'the old password still works')
  const token = await db.selectFrom('password_tokens').select('used_at').executeTakeFirstOrThrow()
  t.equal(token.used_at, null, 'the link is still usable')
})

t.test('an empty identifier is a 422 with a message; the reset token never appears in the logs', async (t) => {
  const { app } = await setup(t)
  const empty = await askForLink(new Client(app), '')
  t.equal(empty.statusCode, 422)
  t.match(empty.body, 'Enter your login or your email address')
  const { redactUrl } = await import('../../src/app.js')
  t.equal(redactUrl('/password/reset/abcDEF123?x=1'), '/password/reset/[token]')
})

t.test('an unknown token is a 404 page offering a new link', async (t) => {
  const { app } = await setup(t)
  const response = await new Client(app).get('/password/reset/not-a-real-token')
  t.equal(response.statusCode, 404)
  t.match(response.body, 'This link is not valid')
})
