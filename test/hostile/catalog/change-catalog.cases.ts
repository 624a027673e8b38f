// The change catalog back-office's hostile rows (see ../cases.ts for how rows
// work): /admin/change-catalog and its item forms. Signed in as the account
// manager marc.lefevre (French). Every row is refused and writes nothing, so
// the seeded change catalog stays as the requests rows expect it.
import { bigBody, SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

const MANAGER = 'marc.lefevre' // staff: account manager, locale fr
const SUPPORT = 'thomas.girard' // staff: support: the catalog area is closed to him
const CUSTOMER = 'gabriel.roux' // a services manager: /admin does not exist for him
const QUOTAS_CATEGORY = '1' // the seeded change categories' ids, in the data's order

const NOT_FOUND_FR: HostileExpect = { status: 404, lang: 'fr', messages: ['error.404.title', 'error.404.body'], absent: ['<script>alert(1)'] }
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

/** The four CSRF refusals, support (403), a customer (404), an anonymous visitor (to the login page). */
function guardCases(what: string, request: HostileRequest): HostileCase[] {
  return [
    ...(request.method === 'POST' ? CSRF.map(([csrf, how]): HostileCase => ({
      name: `${what} ${how} is refused with 403 and writes nothing`, request: { ...request, csrf }, expect: { status: 403, lang: 'fr', messages: ['error.csrf.title', 'error.csrf.body'] },
    })) : []),
    { name: `${what} by a support agent is a 403 naming the roles that open the catalog`, request: { ...request, as: SUPPORT }, expect: STAFF_ONLY },
    { name: `${what} by a customer services manager is a 404`, request: { ...request, as: CUSTOMER }, expect: { status: 404, messages: ['error.404.title'] } },
    { name: `${what} by an anonymous visitor is sent to the login page`, request: { ...request, as: undefined }, expect: { status: [302, 303], location: /^\/login/ } },
  ]
}

const FIELDS = JSON.stringify([{ name: 'contact_name', type: 'text', required: true, label: { en: 'Contact', fr: 'Contact' } }])
const ITEM_OK: Record<string, string> = {
  code: 'hostile_item', category: QUOTAS_CATEGORY, name_en: 'Hostile', name_fr: 'Hostile', description_en: 'Hostile.', description_fr: 'Hostile.',
  active: 'yes', position: '', fields_json: FIELDS,
}
const NEW_ITEM = '/admin/change-catalog/items/new'
const EDIT_ITEM = '/admin/change-catalog/items/restore'
const PORTAL_ITEM = '/admin/change-catalog/items/support_level_downgrade'

/** Bad values of the item form, each a 422 with its message (shared by the new and edit forms). */
const ITEM_FIELD_CASES: Array<[label: string, form: Record<string, string>, messages: MessageRef[], echoed?: string]> = [
  ['no field at all', { name_en: '', name_fr: '', description_en: '', description_fr: '' },
    ['admin.catalog.error.name_en_required', 'admin.catalog.error.name_fr_required', 'admin.change_catalog.error.description_en_required', 'admin.change_catalog.error.description_fr_required']],
  ['definitions that are not JSON (script text in them, echoed escaped)', { fields_json: `</textarea>${SCRIPT_TEXT}` }, ['admin.catalog.field.fields_json'], `</textarea>${SCRIPT_TEXT}`],
  ['definitions that are JSON but no list', { fields_json: '{"name":"x"}' }, [{ key: 'admin.catalog.error.fields_json', params: { problem: 'field definitions: not a list' } }]],
  ['a definition of an unknown type', { fields_json: '[{"name":"x","type":"slider","required":true,"label":{"en":"X","fr":"X"}}]' },
    [{ key: 'admin.catalog.error.fields_json', params: { problem: 'field definitions[0]: unknown type slider' } }]],
  ['a definition named with SQL', { fields_json: JSON.stringify([{ name: SQL_TEXT, type: 'text', required: true, label: { en: 'X', fr: 'X' } }]) },
    [{ key: 'admin.catalog.error.fields_json', params: { problem: 'field definitions[0]: the name must match ^[a-z][a-z0-9_]{0,39}$' } }]],
  ['definitions of 50,001 characters', { fields_json: '['.padEnd(50_000, ' ') + ']' }, [tooLong(50_000)]],
  ['a position of letters', { position: 'first' }, [{ key: 'admin.catalog.error.position', params: { max: 10_000 } }]],
  ['a 400-digit position', { position: '9'.repeat(400) }, [{ key: 'admin.catalog.error.position', params: { max: 10_000 } }]],
  ['a 10,000-character English name', { name_en: TEN_THOUSAND }, [tooLong(200)]],
  ['a 10,000-character description', { description_fr: TEN_THOUSAND }, [tooLong(2000)]],
  ['<script> in the name (and no French description)', { name_fr: SCRIPT_TEXT, description_fr: '' }, ['admin.change_catalog.error.description_fr_required'], SCRIPT_TEXT],
  ["' OR 1=1 -- in the description (and no English name)", { description_en: SQL_TEXT, name_en: '' }, ['admin.catalog.error.name_en_required'], SQL_TEXT],
]

const pageCases: HostileCase[] = [
  ...guardCases('GET /admin/change-catalog', get('/admin/change-catalog')),
  { name: 'GET /admin/change-catalog with unknown query parameters is the page', request: get(`/admin/change-catalog?q=${encodeURIComponent(SCRIPT_TEXT)}&page=-1`),
    expect: { status: 200, lang: 'fr', messages: ['admin.change_catalog.title', 'admin.change_catalog.new_item'], absent: ['<script>alert(1)'] } },
]

const newItemCases: HostileCase[] = [
  ...guardCases('GET /admin/change-catalog/items/new', get(NEW_ITEM)),
  ...guardCases('POST /admin/change-catalog/items/new', post(NEW_ITEM, ITEM_OK)),
  ...ITEM_FIELD_CASES.map(([label, form, messages, echoed]): HostileCase => ({
    name: `POST /admin/change-catalog/items/new with ${label} answers 422 and writes nothing`, request: post(NEW_ITEM, { ...ITEM_OK, ...form }), expect: refused(messages, echoed),
  })),
  { name: 'POST /admin/change-catalog/items/new with a code already used answers 422 next to the code', request: post(NEW_ITEM, { ...ITEM_OK, code: 'quota_ecs' }),
    expect: refused([{ key: 'admin.catalog.error.code_taken', params: { code: 'quota_ecs' } }]) },
  { name: 'POST /admin/change-catalog/items/new with the code "new" answers 422', request: post(NEW_ITEM, { ...ITEM_OK, code: 'new' }), expect: refused(['admin.catalog.error.code_reserved']) },
  { name: 'POST /admin/change-catalog/items/new with a <script> code answers 422, shown back escaped', request: post(NEW_ITEM, { ...ITEM_OK, code: SCRIPT_TEXT }), expect: refused(['admin.change_catalog.error.item_code'], SCRIPT_TEXT) },
  { name: 'POST /admin/change-catalog/items/new with a 10,000-character code answers 422', request: post(NEW_ITEM, { ...ITEM_OK, code: 'a'.repeat(10_000) }), expect: refused(['admin.change_catalog.error.item_code']) },
  { name: 'POST /admin/change-catalog/items/new with an unknown category answers 422', request: post(NEW_ITEM, { ...ITEM_OK, category: '99999' }), expect: refused(['admin.change_catalog.error.category']) },
  { name: "POST /admin/change-catalog/items/new with ' OR 1=1 -- as the category answers 422", request: post(NEW_ITEM, { ...ITEM_OK, category: SQL_TEXT }), expect: refused(['admin.change_catalog.error.category']) },
  { name: 'POST /admin/change-catalog/items/new with the name sent twice is a 400', request: post(NEW_ITEM, { ...ITEM_OK, name_en: ['One', 'Two'] }), expect: BAD_REQUEST },
  { name: 'POST /admin/change-catalog/items/new with an offer box sent twice is a 400', request: post(NEW_ITEM, { ...ITEM_OK, offer_fe: ['on', 'on'] }), expect: BAD_REQUEST },
  { name: 'POST /admin/change-catalog/items/new with a 2 MB body is refused with 413', request: bigForm(NEW_ITEM, 'fields_json'), expect: TOO_LARGE },
]

/** Codes no item has. */
const BAD_CODES: Array<[label: string, code: string]> = [
  ['an unknown code', 'nope'], ['an upper-case code', 'QUOTA_ECS'], ['an encoded <script>', encodeURIComponent(SCRIPT_TEXT)],
  ["an encoded ' OR 1=1 --", encodeURIComponent(SQL_TEXT)], ['a % wildcard', 'quota%25'], ['a 10,000-character code', 'q'.repeat(10_000)], ['an encoded NUL', 'restore%00'],
]

const editItemCases: HostileCase[] = [
  ...guardCases('GET /admin/change-catalog/items/:code', get(EDIT_ITEM)),
  ...guardCases('POST /admin/change-catalog/items/:code', post(EDIT_ITEM, ITEM_OK)),
  ...BAD_CODES.flatMap(([label, code]): HostileCase[] => {
    // A code longer than the router's parameter limit matches no route at all:
    // that 404 is answered before the session is read, in the default language.
    const expect: HostileExpect = { ...NOT_FOUND_FR, ...(code.length > 100 ? { lang: 'en' } : {}) }
    return [
      { name: `GET /admin/change-catalog/items/:code with ${label} is a 404`, request: get(`/admin/change-catalog/items/${code}`), expect },
      { name: `POST /admin/change-catalog/items/:code with ${label} is a 404 and writes nothing`, request: post(`/admin/change-catalog/items/${code}`, ITEM_OK), expect },
    ]
  }),
  ...ITEM_FIELD_CASES.map(([label, form, messages, echoed]): HostileCase => ({
    name: `POST /admin/change-catalog/items/:code with ${label} answers 422 and writes nothing`, request: post(EDIT_ITEM, { ...ITEM_OK, ...form }), expect: refused(messages, echoed),
  })),
  { name: 'POST /admin/change-catalog/items/:code to the portal’s own downgrade item (activating it) is a 403 and writes nothing', request: post(PORTAL_ITEM, ITEM_OK),
    expect: { status: 403, lang: 'fr', messages: ['error.403.title'] } },
  { name: 'POST /admin/change-catalog/items/:code with the definitions sent twice is a 400', request: post(EDIT_ITEM, { ...ITEM_OK, fields_json: ['[]', '[]'] }), expect: BAD_REQUEST },
  { name: 'POST /admin/change-catalog/items/:code with a 2 MB body is refused with 413', request: bigForm(EDIT_ITEM, 'description_en'), expect: TOO_LARGE },
]

export const changeCatalogForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /admin/change-catalog', pageCases],
  ['GET/POST /admin/change-catalog/items/new', newItemCases],
  ['GET/POST /admin/change-catalog/items/:code', editItemCases],
]
