// The catalog's back-office hostile rows (see ../cases.ts for how rows work):
// the catalog page and the service, category and subscription offer forms
// (/admin/catalog/...). Signed in as the account manager marc.lefevre
// (French). Every row is refused and writes nothing, so the demo catalog stays
// as the other catalog rows expect it.
import { bigBody, SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

const MANAGER = 'marc.lefevre' // staff: account manager, locale fr
const SUPPORT = 'thomas.girard' // staff: support, locale en: the catalog area is closed to him
const CUSTOMER = 'helene.fabre' // a referent: /admin does not exist for her
const BACKUP_CATEGORY = '3' // the demo categories' ids, in the data's order
const FIRST_OFFER = '1'

const NOT_FOUND_FR: HostileExpect = { status: 404, lang: 'fr', messages: ['error.404.title', 'error.404.body'] }
const BAD_REQUEST: HostileExpect = { status: 400, lang: 'fr', messages: ['error.400.title', 'error.400.body'] }
const TOO_LARGE: HostileExpect = { status: 413, lang: 'fr', messages: ['error.413.title', 'error.413.body'] }
const STAFF_ONLY: HostileExpect = { status: 403, messages: ['error.403.title', { key: 'error.403.staff', params: { roles: 'Administrator, Account manager' } }] }
const CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]
const refused = (messages: MessageRef[], echoed?: string): HostileExpect =>
  ({ status: 422, lang: 'fr', messages, absent: ['<script>alert(1)'], ...(echoed === undefined ? {} : { echoed }) })
const tooLong = (max: number): MessageRef => ({ key: 'account.error.too_long', params: { max } })
const TEN_THOUSAND = 'x'.repeat(10_000)

const get = (url: string): HostileRequest => ({ method: 'GET', url, as: MANAGER })
const post = (url: string, form: Record<string, string | string[]>): HostileRequest => ({ method: 'POST', url, as: MANAGER, form })
const bigForm = (url: string, field: string): HostileRequest => ({ method: 'POST', url, as: MANAGER, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody(field) } })
const jsonForm = (url: string, payload: string): HostileRequest => ({ method: 'POST', url, as: MANAGER, body: { contentType: 'application/json', payload } })

/** The four CSRF refusals, support (403), a customer (404), an anonymous visitor (to the login page). */
function guardCases(what: string, request: HostileRequest): HostileCase[] {
  return [
    ...(request.method === 'POST' ? CSRF.map(([csrf, how]): HostileCase => ({
      name: `${what} ${how} is refused with 403 and writes nothing`, request: { ...request, csrf }, expect: { status: 403, lang: 'fr', messages: ['error.csrf.title', 'error.csrf.body'] },
    })) : []),
    { name: `${what} by a support agent is a 403 naming the roles that open the catalog`, request: { ...request, as: SUPPORT }, expect: STAFF_ONLY },
    { name: `${what} by a customer referent is a 404`, request: { ...request, as: CUSTOMER }, expect: NOT_FOUND_FR },
    { name: `${what} by an anonymous visitor is sent to the login page`, request: { ...request, as: undefined }, expect: { status: [302, 303], location: /^\/login/ } },
  ]
}

/** Ids that are no record's: not numbers, zero, huge, encoded tricks. */
const BAD_IDS: Array<[label: string, id: string]> = [
  ['letters', 'abc'], ['zero', '0'], ['a negative id', '-1'], ['an unknown id', '99999'], ['a 12-digit id', '123456789012'],
  ['an encoded NUL', '1%00'], ['an encoded <script>', encodeURIComponent(SCRIPT_TEXT)], ["an encoded ' OR 1=1 --", encodeURIComponent(SQL_TEXT)], ['a leading zero', '01'],
]
/** Codes no service has. */
const BAD_CODES: Array<[label: string, code: string]> = [
  ['an unknown code', 'nope'], ['an upper-case code', 'DEDICATED-CLOUD'], ['an encoded <script>', encodeURIComponent(SCRIPT_TEXT)],
  ["an encoded ' OR 1=1 --", encodeURIComponent(SQL_TEXT)], ['a % wildcard', 'dedicated%25'], ['a 10,000-character code', 'd'.repeat(10_000)], ['an encoded NUL', 'dedicated-cloud%00'],
]

// ---------------------------------------------------------------- GET /admin/catalog

const catalogPageCases: HostileCase[] = [
  ...guardCases('GET /admin/catalog', get('/admin/catalog')),
  { name: 'GET /admin/catalog with unknown query parameters is the page', request: get(`/admin/catalog?q=${encodeURIComponent(SCRIPT_TEXT)}&page=-1`),
    expect: { status: 200, lang: 'fr', messages: ['admin.catalog.title', 'admin.catalog.offers'], absent: ['<script>alert(1)'] } },
]

// ---------------------------------------------------------------- services

const FIELDS = JSON.stringify([{ name: 'contact_name', type: 'text', required: true, label: { en: 'Contact', fr: 'Contact' } }])
const SERVICE_OK: Record<string, string> = {
  code: 'hostile-service', category: BACKUP_CATEGORY, name_en: 'Hostile', name_fr: 'Hostile', summary_en: 'Hostile.', summary_fr: 'Hostile.',
  description_en: '', description_fr: '', conditions_en: '', conditions_fr: '', pricing: 'free', price: '', price_period: '', quantity_field: '',
  effect: 'none', active: 'yes', position: '', fields_json: FIELDS,
}
const NEW_SERVICE = '/admin/catalog/services/new'
const EDIT_SERVICE = '/admin/catalog/services/dedicated-cloud'
const newService = (form: Record<string, string | string[]>) => post(NEW_SERVICE, { ...SERVICE_OK, ...form })

/** Bad values of the service form, each a 422 with its message (shared by the new and edit forms; the code only by the new). */
const SERVICE_FIELD_CASES: Array<[label: string, form: Record<string, string>, messages: MessageRef[], echoed?: string]> = [
  ['no field at all', { category: '', name_en: '', name_fr: '', summary_en: '', summary_fr: '', pricing: '', effect: '' },
    ['admin.catalog.error.category', 'admin.catalog.error.name_en_required', 'admin.catalog.error.summary_fr_required', 'admin.catalog.error.pricing', 'admin.catalog.error.effect']],
  ['definitions that are not JSON (script text in them, echoed escaped)', { fields_json: `</textarea>${SCRIPT_TEXT}` }, ['admin.catalog.field.fields_json'], `</textarea>${SCRIPT_TEXT}`],
  ['definitions that are JSON but no list', { fields_json: '{"name":"x"}' }, [{ key: 'admin.catalog.error.fields_json', params: { problem: 'field definitions: not a list' } }]],
  ['a definition of an unknown type', { fields_json: '[{"name":"x","type":"slider","required":true,"label":{"en":"X","fr":"X"}}]' },
    [{ key: 'admin.catalog.error.fields_json', params: { problem: 'field definitions[0]: unknown type slider' } }]],
  ['a definition named with SQL', { fields_json: JSON.stringify([{ name: SQL_TEXT, type: 'text', required: true, label: { en: 'X', fr: 'X' } }]) },
    [{ key: 'admin.catalog.error.fields_json', params: { problem: 'field definitions[0]: the name must match ^[a-z][a-z0-9_]{0,39}$' } }]],
  ['definitions of 50,001 characters', { fields_json: ' '.repeat(10) + '['.padEnd(50_001, ' ') + ']' }, [tooLong(50_000)]],
  ['a rename effect without the new_name field', { effect: 'rename_contract' }, [{ key: 'admin.catalog.error.effect_field_text', params: { name: 'new_name' } }]],
  ['a support-level effect without the level select', { effect: 'support_level' }, [{ key: 'admin.catalog.error.effect_field_select', params: { name: 'level' } }]],
  ['the subscription effect on free pricing', { effect: 'subscription' }, ['admin.catalog.error.subscription_pricing']],
  ['reservation pricing with no subscription kind', { pricing: 'reservation', effect: 'subscription' }, ['admin.catalog.error.subscription_kinds']],
  ['a fixed price of zero', { pricing: 'fixed', price: '0', price_period: 'monthly' }, ['admin.catalog.error.price']],
  ['a fixed price in words', { pricing: 'fixed', price: 'douze', price_period: 'monthly' }, ['admin.catalog.error.price']],
  ['a negative fixed price', { pricing: 'fixed', price: '-5', price_period: 'monthly' }, ['admin.catalog.error.price']],
  ['a fixed price with no period', { pricing: 'fixed', price: '10', price_period: 'yearly' }, ['admin.catalog.error.price_period']],
  ['a quantity field that is no number field', { pricing: 'fixed', price: '10', price_period: 'monthly', quantity_field: 'contact_name' },
    [{ key: 'admin.catalog.error.quantity_field', params: { name: 'contact_name' } }]],
  ['an unknown category', { category: '999' }, ['admin.catalog.error.category']],
  ['an unknown pricing', { pricing: 'gratis' }, ['admin.catalog.error.pricing']],
  ['an unknown effect', { effect: 'drop_tables' }, ['admin.catalog.error.effect']],
  ['a position of letters', { position: 'first' }, [{ key: 'admin.catalog.error.position', params: { max: 10_000 } }]],
  ['a 10,000-character English name', { name_en: TEN_THOUSAND }, [tooLong(200)]],
  ['a 10,000-character summary', { summary_fr: TEN_THOUSAND }, [tooLong(300)]],
  ['<script> in the name (and no summary)', { name_fr: SCRIPT_TEXT, summary_fr: '' }, ['admin.catalog.error.summary_fr_required'], SCRIPT_TEXT],
  ["' OR 1=1 -- in the description (and no summary)", { description_en: SQL_TEXT, summary_en: '' }, ['admin.catalog.error.summary_en_required'], SQL_TEXT],
]

const newServiceCases: HostileCase[] = [
  ...guardCases('GET /admin/catalog/services/new', get(NEW_SERVICE)),
  ...guardCases('POST /admin/catalog/services/new', newService({})),
  ...SERVICE_FIELD_CASES.map(([label, form, messages, echoed]): HostileCase => ({
    name: `POST /admin/catalog/services/new with ${label} answers 422 and writes nothing`, request: newService(form), expect: refused(messages, echoed),
  })),
  { name: 'POST /admin/catalog/services/new with a code already used answers 422 next to the code', request: newService({ code: 'dedicated-cloud' }),
    expect: refused([{ key: 'admin.catalog.error.code_taken', params: { code: 'dedicated-cloud' } }]) },
  { name: 'POST /admin/catalog/services/new with the code "new" (the form\'s own address) answers 422', request: newService({ code: 'new' }), expect: refused(['admin.catalog.error.code_reserved']) },
  { name: 'POST /admin/catalog/services/new with an upper-case code answers 422', request: newService({ code: 'Hostile' }), expect: refused(['admin.catalog.error.service_code']) },
  { name: 'POST /admin/catalog/services/new with a <script> code answers 422, shown back escaped', request: newService({ code: SCRIPT_TEXT }), expect: refused(['admin.catalog.error.service_code'], SCRIPT_TEXT) },
  { name: 'POST /admin/catalog/services/new with a 10,000-character code answers 422', request: newService({ code: 'a'.repeat(10_000) }), expect: refused(['admin.catalog.error.service_code']) },
  { name: 'POST /admin/catalog/services/new with the name sent twice is a 400', request: newService({ name_en: ['One', 'Two'] }), expect: BAD_REQUEST },
  { name: 'POST /admin/catalog/services/new with the definitions sent twice is a 400', request: newService({ fields_json: ['[]', '[]'] }), expect: BAD_REQUEST },
  { name: 'POST /admin/catalog/services/new with an offer box sent twice is a 400', request: newService({ offer_fe: ['on', 'on'] }), expect: BAD_REQUEST },
  { name: 'POST /admin/catalog/services/new with a JSON body whose definitions are an array is a 400',
    request: jsonForm(NEW_SERVICE, `{"_csrf":"{csrf}","code":"hostile-json","fields_json":[{"name":"x"}]}`), expect: BAD_REQUEST },
  { name: 'POST /admin/catalog/services/new with a 2 MB body is refused with 413', request: bigForm(NEW_SERVICE, 'fields_json'), expect: TOO_LARGE },
]

const editServiceCases: HostileCase[] = [
  ...guardCases('GET /admin/catalog/services/:code', get(EDIT_SERVICE)),
  ...guardCases('POST /admin/catalog/services/:code', post(EDIT_SERVICE, SERVICE_OK)),
  ...BAD_CODES.flatMap(([label, code]): HostileCase[] => {
    // A code longer than the router's parameter limit matches no route at all:
    // that 404 is answered before the session is read, in the default language.
    const expect: HostileExpect = { ...NOT_FOUND_FR, ...(code.length > 100 ? { lang: 'en' } : {}), absent: ['<script>alert(1)'] }
    return [
      { name: `GET /admin/catalog/services/:code with ${label} is a 404`, request: get(`/admin/catalog/services/${code}`), expect },
      { name: `POST /admin/catalog/services/:code with ${label} is a 404 and writes nothing`, request: post(`/admin/catalog/services/${code}`, SERVICE_OK), expect },
    ]
  }),
  ...SERVICE_FIELD_CASES.map(([label, form, messages, echoed]): HostileCase => ({
    name: `POST /admin/catalog/services/:code with ${label} answers 422 and writes nothing`, request: post(EDIT_SERVICE, { ...SERVICE_OK, ...form }), expect: refused(messages, echoed),
  })),
  { name: 'POST /admin/catalog/services/:code with the category sent twice is a 400', request: post(EDIT_SERVICE, { ...SERVICE_OK, category: ['1', '2'] }), expect: BAD_REQUEST },
  { name: 'POST /admin/catalog/services/:code with a 2 MB body is refused with 413', request: bigForm(EDIT_SERVICE, 'description_en'), expect: TOO_LARGE },
]

// ---------------------------------------------------------------- categories

const CATEGORY_OK = { code: 'hostile', name_en: 'Hostile', name_fr: 'Hostile', position: '' }
const NEW_CATEGORY = '/admin/catalog/categories/new'
const EDIT_CATEGORY = `/admin/catalog/categories/${BACKUP_CATEGORY}`
const CATEGORY_FIELD_CASES: Array<[label: string, form: Record<string, string>, messages: MessageRef[], echoed?: string]> = [
  ['no field at all', { code: '', name_en: '', name_fr: '' }, ['admin.catalog.error.code_required', 'admin.catalog.error.name_en_required', 'admin.catalog.error.name_fr_required']],
  ['a code already used', { code: 'compute' }, [{ key: 'admin.catalog.error.code_taken', params: { code: 'compute' } }]],
  ['a <script> code, shown back escaped', { code: SCRIPT_TEXT }, ['admin.catalog.error.category_code'], SCRIPT_TEXT],
  ["' OR 1=1 -- as the code", { code: SQL_TEXT }, ['admin.catalog.error.category_code'], SQL_TEXT],
  ['a 10,000-character name', { name_fr: TEN_THOUSAND }, [tooLong(100)]],
  ['a negative position', { position: '-1' }, [{ key: 'admin.catalog.error.position', params: { max: 10_000 } }]],
  ['a 400-digit position', { position: '9'.repeat(400) }, [{ key: 'admin.catalog.error.position', params: { max: 10_000 } }]],
]

const categoryCases: HostileCase[] = [
  ...guardCases('GET /admin/catalog/categories/new', get(NEW_CATEGORY)),
  ...guardCases('POST /admin/catalog/categories/new', post(NEW_CATEGORY, CATEGORY_OK)),
  ...guardCases('POST /admin/catalog/categories/:id', post(EDIT_CATEGORY, { ...CATEGORY_OK, code: 'backup' })),
  ...CATEGORY_FIELD_CASES.flatMap(([label, form, messages, echoed]): HostileCase[] => [
    { name: `POST /admin/catalog/categories/new with ${label} answers 422 and writes nothing`, request: post(NEW_CATEGORY, { ...CATEGORY_OK, ...form }), expect: refused(messages, echoed) },
    { name: `POST /admin/catalog/categories/:id with ${label} answers 422 and writes nothing`, request: post(EDIT_CATEGORY, { ...CATEGORY_OK, ...form }), expect: refused(messages, echoed) },
  ]),
  ...BAD_IDS.flatMap(([label, id]): HostileCase[] => [
    { name: `GET /admin/catalog/categories/:id with ${label} is a 404`, request: get(`/admin/catalog/categories/${id}`), expect: NOT_FOUND_FR },
    { name: `POST /admin/catalog/categories/:id with ${label} is a 404 and writes nothing`, request: post(`/admin/catalog/categories/${id}`, CATEGORY_OK), expect: NOT_FOUND_FR },
  ]),
  { name: 'POST /admin/catalog/categories/new with the code sent twice is a 400', request: post(NEW_CATEGORY, { ...CATEGORY_OK, code: ['a', 'b'] }), expect: BAD_REQUEST },
  { name: 'POST /admin/catalog/categories/new with a 2 MB body is refused with 413', request: bigForm(NEW_CATEGORY, 'name_en'), expect: TOO_LARGE },
]

// ---------------------------------------------------------------- subscription offers

const OFFER_OK = { kind: 'workspace', region_code: 'eu-west-1', flavour: 'Hostile', commitment_months: '12', monthly_price: '10', payment_method: 'monthly', available_quantity: '5', active: 'yes', position: '' }
const NEW_OFFER = '/admin/catalog/subscription-offers/new'
const EDIT_OFFER = `/admin/catalog/subscription-offers/${FIRST_OFFER}`
const OFFER_FIELD_CASES: Array<[label: string, form: Record<string, string>, messages: MessageRef[], echoed?: string]> = [
  ['no field at all', { kind: '', region_code: '', flavour: '', commitment_months: '', monthly_price: '', payment_method: '', available_quantity: '' },
    ['admin.catalog.error.kind', 'admin.catalog.error.region_required', 'admin.catalog.error.flavour_required', 'admin.catalog.error.commitment', 'admin.catalog.error.price', 'admin.catalog.error.payment_method']],
  ['an unknown kind', { kind: 'mainframe' }, ['admin.catalog.error.kind']],
  ['a commitment of 0 months', { commitment_months: '0' }, ['admin.catalog.error.commitment']],
  ['a commitment of 61 months', { commitment_months: '61' }, ['admin.catalog.error.commitment']],
  ['a price of zero', { monthly_price: '0' }, ['admin.catalog.error.price']],
  ['a price of 10,000 characters', { monthly_price: '9'.repeat(10_000) }, ['admin.catalog.error.price']],
  ['a negative number of instances', { available_quantity: '-1' }, [{ key: 'admin.catalog.error.available', params: { max: 1_000_000 } }]],
  ['a decimal number of instances', { available_quantity: '1.5' }, [{ key: 'admin.catalog.error.available', params: { max: 1_000_000 } }]],
  ['an unknown payment method', { payment_method: 'barter' }, ['admin.catalog.error.payment_method']],
  ['a <script> region, shown back escaped', { region_code: SCRIPT_TEXT }, ['admin.catalog.error.region'], SCRIPT_TEXT],
  ["' OR 1=1 -- as the template (and a bad kind)", { flavour: SQL_TEXT, kind: 'x' }, ['admin.catalog.error.kind'], SQL_TEXT],
  ['a 10,000-character template', { flavour: TEN_THOUSAND }, [tooLong(100)]],
]

const offerCases: HostileCase[] = [
  ...guardCases('GET /admin/catalog/subscription-offers/new', get(NEW_OFFER)),
  ...guardCases('POST /admin/catalog/subscription-offers/new', post(NEW_OFFER, OFFER_OK)),
  ...guardCases('POST /admin/catalog/subscription-offers/:id', post(EDIT_OFFER, OFFER_OK)),
  ...OFFER_FIELD_CASES.flatMap(([label, form, messages, echoed]): HostileCase[] => [
    { name: `POST /admin/catalog/subscription-offers/new with ${label} answers 422 and writes nothing`, request: post(NEW_OFFER, { ...OFFER_OK, ...form }), expect: refused(messages, echoed) },
    { name: `POST /admin/catalog/subscription-offers/:id with ${label} answers 422 and writes nothing`, request: post(EDIT_OFFER, { ...OFFER_OK, ...form }), expect: refused(messages, echoed) },
  ]),
  ...BAD_IDS.flatMap(([label, id]): HostileCase[] => [
    { name: `GET /admin/catalog/subscription-offers/:id with ${label} is a 404`, request: get(`/admin/catalog/subscription-offers/${id}`), expect: NOT_FOUND_FR },
    { name: `POST /admin/catalog/subscription-offers/:id with ${label} is a 404 and writes nothing`, request: post(`/admin/catalog/subscription-offers/${id}`, OFFER_OK), expect: NOT_FOUND_FR },
  ]),
  { name: 'POST /admin/catalog/subscription-offers/new with the price sent twice is a 400', request: post(NEW_OFFER, { ...OFFER_OK, monthly_price: ['1', '2'] }), expect: BAD_REQUEST },
  { name: 'POST /admin/catalog/subscription-offers/:id with a 2 MB body is refused with 413', request: bigForm(EDIT_OFFER, 'flavour'), expect: TOO_LARGE },
]

export const adminForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /admin/catalog', catalogPageCases],
  ['GET/POST /admin/catalog/services/new', newServiceCases],
  ['GET/POST /admin/catalog/services/:code', editServiceCases],
  ['GET/POST /admin/catalog/categories/new, /:id', categoryCases],
  ['GET/POST /admin/catalog/subscription-offers/new, /:id', offerCases],
]
