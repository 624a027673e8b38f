import t from 'tap'
import { forDisplay, isPhoneNumber, parseFieldDefinitions, readFieldValues, type FieldDefinition } from '../../src/lib/field-definitions.js'
import { CHANGE_CATALOG } from '../../migrations/data/2026-11-22-30-change-catalog.js'

const label = (en: string, fr = `${en} (fr)`) => ({ en, fr })
const text: FieldDefinition = { name: 'server', type: 'text', required: true, label: label('Server', 'Serveur') }
const count: FieldDefinition = { name: 'count', type: 'number', required: true, label: label('Count', 'Nombre'), min: 1, max: 10_000 }
const region: FieldDefinition = { name: 'region', type: 'select', required: true, label: label('Region', 'Région'), options: [{ value: 'eu-west-0', label: label('Paris') }, { value: 'eu-west-1', label: label('Amsterdam') }] }
const day: FieldDefinition = { name: 'day', type: 'date', required: false, label: label('Day', 'Jour') }
const notes: FieldDefinition = { name: 'notes', type: 'textarea', required: false, label: label('Notes') }
const email: FieldDefinition = { name: 'email', type: 'email', required: true, label: label('Email') }
const phone: FieldDefinition = { name: 'phone', type: 'tel', required: false, label: label('Phone') }

const read = (defs: FieldDefinition[], body: unknown, locale: 'en' | 'fr' = 'en') => readFieldValues(defs, body, locale)

t.test('every definition of the standard change catalog parses', async (t) => {
  const items = CHANGE_CATALOG.flatMap((catalog) => catalog.categories.flatMap((category) => category.items as Array<{ code: string; fields: unknown }>))
  for (const item of items) t.ok(parseFieldDefinitions(JSON.stringify(item.fields)).length > 0, item.code)
})

t.test('a malformed definition list is refused with the fault named', async (t) => {
  const bad: Array<[string, unknown, RegExp]> = [
    ['not a list', { name: 'a' }, /not a list/],
    ['a name with a capital', [{ ...text, name: 'Server' }], /name must match/],
    ['a reserved name', [{ ...text, name: 'contract' }], /reserved/],
    ['an unknown type', [{ ...text, type: 'color' }], /unknown type/],
    ['required not a boolean', [{ ...text, required: 'yes' }], /required/],
    ['a label without French', [{ ...text, label: { en: 'Server' } }], /English and a French/],
    ['a select without options', [{ ...region, options: [] }], /at least one option/],
    ['an option value used twice', [{ ...region, options: [region.options![0], region.options![0]] }], /used twice/],
    ['min above max', [{ ...count, min: 5, max: 1 }], /min is above max/],
    ['a decimal min', [{ ...count, min: 0.5 }], /whole number/],
    ['a maxLength of 0', [{ ...text, maxLength: 0 }], /maxLength/],
    ['a name used twice', [text, text], /used twice/],
  ]
  for (const [what, json, message] of bad) t.throws(() => parseFieldDefinitions(JSON.stringify(json)), message, what)
  t.throws(() => parseFieldDefinitions('{not json'), SyntaxError, 'broken JSON')
})

t.test('a required field left empty (or only spaces) is refused naming its label in the reader’s language', async (t) => {
  t.same(read([text], { server: '  ' }).errors, { server: { key: 'fields.error.required', params: { label: 'Server' } } })
  t.same(read([text], {}, 'fr').errors, { server: { key: 'fields.error.required', params: { label: 'Serveur' } } })
  t.same(read([region], {}).errors, { region: { key: 'fields.error.choose', params: { label: 'Region' } } })
})

t.test('an optional field left empty is no error and no answer', async (t) => {
  t.same(read([day, notes, phone], {}), { values: { day: '', notes: '', phone: '' }, errors: {}, answers: [] })
})

t.test('text is trimmed, cleaned of control characters, and limited to its maxLength (200 by default)', async (t) => {
  t.same(read([text], { server: '  db01\u0000 ' }).answers, [{ name: 'server', label: text.label, value: 'db01' }])
  t.same(read([text], { server: 'x'.repeat(201) }).errors, { server: { key: 'fields.error.too_long', params: { label: 'Server', max: '200' } } })
  t.same(read([{ ...text, maxLength: 5 }], { server: 'abcdef' }).errors.server, { key: 'fields.error.too_long', params: { label: 'Server', max: '5' } })
})

t.test('a text area keeps its line breaks and allows 2,000 characters by default', async (t) => {
  t.equal(read([notes], { notes: 'one\r\ntwo' }).answers[0]!.value, 'one\ntwo')
  t.same(Object.keys(read([notes], { notes: 'n'.repeat(2000) }).errors), [])
  t.ok(read([notes], { notes: 'n'.repeat(2001) }).errors.notes)
})

t.test('a number is a whole number within its bounds, stored without leading zeros', async (t) => {
  t.same(read([count], { count: '0042' }).answers, [{ name: 'count', label: count.label, value: '42' }])
  for (const typed of ['4.5', '1e3', 'ten', '12abc', '1 000', '0x10']) t.same(read([count], { count: typed }).errors.count, { key: 'fields.error.number', params: { label: 'Count' } }, typed)
  t.same(read([count], { count: '0' }).errors.count, { key: 'fields.error.number_between', params: { label: 'Count', min: '1', max: '10,000' } })
  t.same(read([count], { count: '10001' }, 'fr').errors.count, { key: 'fields.error.number_between', params: { label: 'Nombre', min: '1', max: '10\u202f000' } })
  t.same(read([{ ...count, max: undefined }], { count: '-1' }).errors.count, { key: 'fields.error.number_min', params: { label: 'Count', min: '1' } })
  t.same(read([{ ...count, min: undefined }], { count: '20000' }).errors.count, { key: 'fields.error.number_max', params: { label: 'Count', max: '10,000' } })
  t.same(read([{ ...count, min: undefined, max: undefined }], { count: '-7' }).answers[0]!.value, '-7')
})

t.test('a select takes one of its options’ values, and the answer keeps the option’s label in both languages', async (t) => {
  t.same(read([region], { region: 'eu-west-1' }).answers, [{ name: 'region', label: region.label, value: 'eu-west-1', display: { en: 'Amsterdam', fr: 'Amsterdam (fr)' } }])
  t.same(read([region], { region: 'EU-WEST-1' }).errors.region, { key: 'fields.error.select', params: { label: 'Region' } })
  t.same(read([region], { region: '<script>' }).errors.region, { key: 'fields.error.select', params: { label: 'Region' } })
})

t.test('a date is a real calendar date written YYYY-MM-DD', async (t) => {
  t.same(read([day], { day: '2026-02-28' }).answers[0]!.value, '2026-02-28')
  for (const typed of ['2026-02-30', '2026-13-01', '28/02/2026', '2026-2-8', 'tomorrow']) t.same(read([day], { day: typed }).errors.day, { key: 'fields.error.date', params: { label: 'Day' } }, typed)
})

t.test('an email address is checked', async (t) => {
  t.same(Object.keys(read([email], { email: 'ops@example.com' }).errors), [])
  for (const typed of ['ops', 'ops@', 'a b@example.com', 'é@example.com']) t.same(read([email], { email: typed }).errors.email, { key: 'fields.error.email', params: { label: 'Email' } }, typed)
})

t.test('a phone number is +, digits, spaces, dots, dashes and parentheses, with 6 to 20 digits', async (t) => {
  for (const ok of ['+33 6 12 34 56 78', '01.23.45.67.89', '(555) 123-4567', '123456']) t.ok(isPhoneNumber(ok), ok)
  for (const bad of ['12345', '1'.repeat(21), '+33 6 12 34 56 78 ext 2', '33+612345678', 'phone']) t.notOk(isPhoneNumber(bad), bad)
  t.same(read([phone], { phone: 'call me' }).errors.phone, { key: 'fields.error.tel', params: { label: 'Phone' } })
})

t.test('a field sent twice is an error next to it, not a crash', async (t) => {
  const result = read([text, count], { server: ['a', 'b'], count: '3' })
  t.same(result.errors, { server: { key: 'fields.error.repeated', params: { label: 'Server' } } })
  t.equal(result.values.server, '')
  t.same(result.answers.map((answer) => answer.name), ['count'])
})

t.test('fields the definitions don’t name are ignored, and a __proto__ field is just ignored', async (t) => {
  const body = JSON.parse('{"server":"db01","admin":"yes","__proto__":{"polluted":1}}')
  const result = read([text], body)
  t.same(result.values, { server: 'db01' })
  t.equal(({} as Record<string, unknown>).polluted, undefined)
})

t.test('the answers follow the definitions’ order, whatever the order posted', async (t) => {
  const result = read([text, count, region], { region: 'eu-west-0', count: '2', server: 'db' })
  t.same(result.answers.map((answer) => answer.name), ['server', 'count', 'region'])
})

t.test('for display, text-like fields carry their effective maxLength', async (t) => {
  t.same(forDisplay([text, notes, email, phone, count]).map((definition) => definition.maxLength), [200, 2000, 254, 30, undefined])
})
