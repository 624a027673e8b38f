// The FAQ (spec 003's answers): searched by words in each language, with
// user text never turned into a pattern, and every entry in both languages.
import t from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { FAQ } from '../../src/features/help/faq.data.js'
import { listFaq, searchFaq } from '../../src/features/help/faq.js'

const ids = (entries: Array<{ id: string }>) => entries.map((entry) => entry.id)

t.test('"password" in English and "mot de passe" in French find the password entries first', async (t) => {
  for (const [query, locale] of [['password', 'en'], ['mot de passe', 'fr'], ['MOT DE PASSE oublié', 'fr']] as const) {
    const found = ids(searchFaq(query, locale, 3))
    t.ok(found.includes('reset-password') && found.includes('change-password'), `${query}: ${found.join(', ')}`)
  }
  t.equal(searchFaq('réinitialiser mot de passe', 'fr', 1)[0]!.question, 'Comment réinitialiser mon mot de passe ?')
})

t.test('the search ignores case and accents and finds words by their start', async (t) => {
  t.same(ids(searchFaq('REINITIALISER MOT DE PASSE', 'fr', 1)), ['reset-password'])
  t.ok(ids(searchFaq('factur', 'fr')).length > 0, 'factur finds facture and facturation')
})

t.test('"invoice REF1" finds the invoice references entry first', async (t) => {
  t.equal(searchFaq('invoice REF1', 'en')[0]!.id, 'invoice-references')
  t.ok(ids(searchFaq('facture REF1', 'fr')).includes('invoice-references'))
})

t.test('wildcards and regular expression characters are plain text: they match nothing', async (t) => {
  for (const query of ['%', '_', '.*', '(', '[a-z]+', '\\', '%password%', "' OR 1=1 --"]) {
    t.doesNotThrow(() => searchFaq(query, 'en'), query)
  }
  t.same(searchFaq('.*', 'en'), [])
  t.same(searchFaq('%_%', 'fr'), [])
  t.same(ids(searchFaq('%password%', 'en', 2)), ids(searchFaq('password', 'en', 2)), 'the word inside still counts as a word')
})

t.test('a 10,000-character query is cut, answered quickly and without error', async (t) => {
  const started = performance.now()
  t.same(searchFaq('x'.repeat(10_000), 'en'), [])
  t.ok(searchFaq(`password ${'y '.repeat(5_000)}`, 'en').length > 0, 'the first words still count')
  t.ok(performance.now() - started < 200, 'fast')
})

t.test('stop words alone find nothing; an empty query finds nothing', async (t) => {
  t.same(searchFaq('how do I the', 'en'), [])
  t.same(searchFaq('', 'fr'), [])
})

t.test('every entry has a unique id, a topic, and its question and answer in English and French', async (t) => {
  t.ok(FAQ.length >= 35)
  t.equal(new Set(FAQ.map((entry) => entry.id)).size, FAQ.length)
  for (const entry of FAQ) {
    t.match(entry.id, /^[a-z0-9-]+$/)
    for (const text of [entry.question.en, entry.question.fr, entry.answer.en, entry.answer.fr]) t.ok(text.trim().length > 10, `${entry.id}: ${text.slice(0, 30)}`)
    t.not(entry.question.en, entry.question.fr, `${entry.id} is translated`)
    t.not(entry.answer.en, entry.answer.fr, `${entry.id} is translated`)
    t.ok(entry.question.fr.endsWith(' ?') || !entry.question.fr.endsWith('?'), `${entry.id}: French space before ?`)
  }
  t.equal(listFaq('fr').length, FAQ.length)
  t.equal(listFaq('en', 'access').every((entry) => entry.topic === 'access'), true)
})

t.test('GET /help/faq lists every entry by topic, or the matching ones with their count, in the user’s language', async (t) => {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db })
  const chloe = await loginAs(app, 'chloe.bernard')
  const all = await chloe.get('/help/faq')
  t.equal(all.statusCode, 200)
  t.equal(all.body.split('<details class="faq-entry"').length - 1, FAQ.length)
  t.match(all.body, '<h2 id="topic-access">Access management</h2>')
  const found = await chloe.get('/help/faq?q=invoice+REF1')
  t.match(found.body, /questions match “invoice REF1”/)
  t.match(found.body, 'id="faq-invoice-references"')
  t.notMatch(found.body, 'id="faq-direct-connect"')
  const alice = await loginAs(app, 'alice.martin')
  t.match((await alice.get('/help/faq?q=mot%20de%20passe')).body, 'Comment réinitialiser mon mot de passe ?')
  const hostile = await chloe.get(`/help/faq?q=${encodeURIComponent('<script>alert(1)</script>%_')}`)
  t.equal(hostile.statusCode, 200)
  t.notMatch(hostile.body, '<script>alert')
  const huge = await chloe.get(`/help/faq?q=${'a'.repeat(10_000)}`)
  t.equal(huge.statusCode, 200)
  t.match(huge.body, `value="${'a'.repeat(100)}"`, 'the query shown is cut like the one searched')
})
