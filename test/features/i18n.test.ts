import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { Client } from '../helpers/client.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { en } from '../../src/i18n/en.js'
import { fr } from '../../src/i18n/fr.js'
import { localeFromAcceptLanguage, translator } from '../../src/i18n/index.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

t.test('the French and English catalogs have exactly the same keys, none empty', async (t) => {
  t.same(Object.keys(fr).sort(), Object.keys(en).sort())
  for (const [key, text] of Object.entries(fr)) t.ok(text.trim().length > 0, `fr ${key}`)
  for (const [key, text] of Object.entries(en)) t.ok(text.trim().length > 0, `en ${key}`)
})

t.test('both catalogs use the same {parameters} in each message', async (t) => {
  const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
  for (const key of Object.keys(en) as Array<keyof typeof en>) t.same(params(fr[key]), params(en[key]), key)
})

t.test('the default language comes from Accept-Language, English otherwise', async (t) => {
  const { app } = await setup(t)
  const french = await app.inject({ url: '/login', headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } })
  t.match(french.body, '<html lang="fr">')
  t.match(french.body, 'Connexion')
  const german = await app.inject({ url: '/login', headers: { 'accept-language': 'de-DE' } })
  t.match(german.body, '<html lang="en">')
  t.equal(localeFromAcceptLanguage('de;q=1, en;q=0.2, fr;q=0.8'), 'fr', 'quality values are ranked')
})

t.test('?lang= switches the language and the choice is kept on the next pages', async (t) => {
  const { app } = await setup(t)
  const client = new Client(app)
  t.match((await client.get('/login?lang=fr')).body, 'Mot de passe')
  t.match((await client.get('/login')).body, 'Mot de passe', 'kept without the parameter')
})

t.test('POST /lang switches, goes back to the page, and is kept on the user once logged in', async (t) => {
  const { app, db } = await setup(t)
  const client = await loginAs(app, 'chloe.bernard')
  const response = await client.post('/lang', { lang: 'fr', back: '/contracts/OCB0000101' })
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, '/contracts/OCB0000101')
  t.match((await client.get('/contracts/OCB0000101')).body, 'Mes droits sur ce contrat')
  const user = await db.selectFrom('users').select('locale').where('login', '=', 'chloe.bernard').executeTakeFirstOrThrow()
  t.equal(user.locale, 'fr')
  const again = await loginAs(app, 'chloe.bernard')
  t.match(again.lastHtml, '<html lang="fr">', 'the next login opens in French')
})

t.test('an unknown language falls back without an error', async (t) => {
  const { app } = await setup(t)
  const client = new Client(app)
  t.equal((await client.get('/login?lang=xx')).statusCode, 200)
  const response = await client.post('/lang', { lang: 'klingon', back: '/login' })
  t.equal(response.statusCode, 303)
  t.match((await client.get('/login')).body, '<html lang="en">')
})

t.test('dates, money and percentages are written in the user’s language', async (t) => {
  const { fmt: enFmt } = translator('en')
  const { fmt: frFmt } = translator('fr')
  t.equal(enFmt.money(1_234_567), '€12,345.67')
  t.match(frFmt.money(1_234_567), /^12\s345,67\s€$/u)
  t.equal(enFmt.date('2026-03-01'), '1 March 2026')
  t.equal(frFmt.date('2026-03-01'), '1 mars 2026')
  t.match(frFmt.percent(80), /^80\s%$/u)
  t.equal(enFmt.money(null), '')
})

t.test('a count of one takes the singular form, in each language’s own way', async (t) => {
  const en = translator('en').t
  const fr = translator('fr').t
  t.equal(en('account.security.sessions', { count: 1 }), 'Signed in on 1 browser.')
  t.equal(en('account.security.sessions', { count: 2 }), 'Signed in on 2 browsers.')
  t.equal(fr('notifications.unread_count', { count: 1 }), '1 non lue')
  t.equal(fr('notifications.unread_count', { count: 0 }), '0 non lue')
  t.equal(fr('notifications.unread_count', { count: 3 }), '3 non lues')
  t.equal(en('notifications.unread_count', { count: 0 }), '0 unread')
})
