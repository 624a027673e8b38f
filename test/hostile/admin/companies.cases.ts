// Hostile rows for the back-office's companies pages (see ../cases.ts for how rows work).
// Signed in as the account manager marc.lefevre (French): every row is refused
// and writes nothing, so the demo contracts stay as the other rows expect them.
import { ATTRIBUTE_BREAKOUT, bigBody, SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

const MANAGER = 'marc.lefevre' // staff: account manager, locale fr
const SUPPORT = 'thomas.girard' // staff: support, locale en: the companies area is closed to him
const CUSTOMER = 'alice.martin' // a referent: /admin does not exist for her
const HEXAGONE = '1' // the demo companies' ids, in seed order
const RIVAGE = '3'

const CSRF_PAGE: MessageRef[] = ['error.csrf.title', 'error.csrf.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const TOO_LARGE: MessageRef[] = ['error.413.title', 'error.413.body']
const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const NOT_FOUND_FR: HostileExpect = { status: 404, lang: 'fr', messages: NOT_FOUND }
const STAFF_ONLY: HostileExpect = { status: 403, messages: ['error.403.title', { key: 'error.403.staff', params: { roles: 'Administrator, Account manager' } }] }
const CUSTOMER_404: HostileExpect = { status: 404, lang: 'fr', messages: NOT_FOUND }
const FORM = 'application/x-www-form-urlencoded'

/** The four CSRF refusals of a form, in French (the manager's language). */
function csrfCases(what: string, request: HostileRequest): HostileCase[] {
  const modes: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]
  return modes.map(([csrf, how]) => ({ name: `${what} ${how} is refused with 403 and writes nothing`, request: { ...request, csrf }, expect: { status: 403, lang: 'fr', messages: CSRF_PAGE } }))
}

/** Who may not post it: support staff (403), a customer (404), an anonymous visitor (to the login page). */
function outsiderCases(what: string, request: HostileRequest): HostileCase[] {
  return [
    { name: `${what} by a support agent is a 403 naming the roles that open the area, and writes nothing`, request: { ...request, as: SUPPORT }, expect: STAFF_ONLY },
    { name: `${what} by a customer (a referent) is a 404, and writes nothing`, request: { ...request, as: CUSTOMER }, expect: CUSTOMER_404 },
    { name: `${what} by an anonymous visitor is sent to the login page`, request: { ...request, as: undefined }, expect: { status: [302, 303], location: /^\/login/ } },
  ]
}

const refused = (messages: MessageRef[], echoed?: string): HostileExpect => ({ status: 422, lang: 'fr', messages, ...(echoed === undefined ? {} : { echoed }) })
const bigForm = (url: string, field: string): HostileRequest => ({ method: 'POST', url, as: MANAGER, body: { contentType: FORM, payload: bigBody(field) } })
const tooLong = (max: number): MessageRef => ({ key: 'account.error.too_long', params: { max } })

/** Ids that are no company's: not numbers, zero, negative, huge, encoded tricks. */
const BAD_IDS: Array<[label: string, id: string]> = [
  ['letters', 'abc'], ['zero', '0'], ['a negative id', '-1'], ['a decimal', '1.5'], ['an exponent', '1e3'], ['an unknown id', '99999'],
  ['a 12-digit id', '123456789012'], ['an encoded NUL', '1%00'], ['a trailing space', '1%20'], ['an encoded <script>', encodeURIComponent(SCRIPT_TEXT)],
  ["an encoded ' OR 1=1 --", encodeURIComponent(SQL_TEXT)], ['a leading zero', '01'],
]
/** Codes no contract has. */
const BAD_CODES: Array<[label: string, code: string]> = [
  ['an unknown code', 'OCB9999999'], ['a lower-case code', 'ocb0000101'], ['an encoded <script>', encodeURIComponent(SCRIPT_TEXT)],
  ["an encoded ' OR 1=1 --", encodeURIComponent(SQL_TEXT)], ['an encoded NUL', 'OCB0000101%00'], ['a 40-character code', 'OCB'.padEnd(40, '9')], ['a % wildcard', 'OCB%25'],
]

// ---------------------------------------------------------------- GET /admin/companies

const list = (query: string, as = MANAGER): HostileRequest => ({ method: 'GET', url: `/admin/companies${query}`, as })

const companyListCases: HostileCase[] = [
  { name: 'GET /admin/companies?q=<script> shows the search back escaped, no match',
    request: list(`?q=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { status: 200, lang: 'fr', echoed: SCRIPT_TEXT, messages: [{ key: 'admin.companies.count_matching', params: { count: 0, q: SCRIPT_TEXT } }] } },
  { name: "GET /admin/companies?q=' OR 1=1 -- matches nothing (no SQL), shown back escaped",
    request: list(`?q=${encodeURIComponent(SQL_TEXT)}`), expect: { status: 200, lang: 'fr', echoed: SQL_TEXT, messages: [{ key: 'admin.companies.count_matching', params: { count: 0, q: SQL_TEXT } }] } },
  { name: 'GET /admin/companies?q=% is a character, not a wildcard: no match',
    request: list('?q=%25'), expect: { status: 200, lang: 'fr', messages: [{ key: 'admin.companies.count_matching', params: { count: 0, q: '%' } }] } },
  { name: 'GET /admin/companies?q= with an attribute break-out is shown back escaped inside value=""',
    request: list(`?q=${encodeURIComponent(ATTRIBUTE_BREAKOUT)}`), expect: { status: 200, lang: 'fr', echoed: ATTRIBUTE_BREAKOUT } },
  { name: 'GET /admin/companies?q= of 10 kB is cut to 100 characters, no error',
    request: list(`?q=${'q'.repeat(10_000)}`), expect: { status: 200, lang: 'fr', contains: [`value="${'q'.repeat(100)}"`] } },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `GET /admin/companies?q= with ${label} answers the list, no error`,
    request: list(`?q=${encodeURIComponent(value)}`), expect: { status: 200, lang: 'fr', messages: ['admin.companies.title'] },
  })),
  { name: 'GET /admin/companies with q sent twice is a 400',
    request: list('?q=a&q=b'), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'GET /admin/companies with page sent twice is a 400',
    request: list('?page=1&page=2'), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  ...([['-1'], ['abc'], ['99999999999999'], ['1e9'], [encodeURIComponent(SCRIPT_TEXT)]] as const).map(([page]): HostileCase => ({
    name: `GET /admin/companies?page=${page} falls back to a page, no error`,
    request: list(`?page=${page}`), expect: { status: 200, lang: 'fr', messages: ['admin.companies.title'] },
  })),
  { name: 'GET /admin/companies?sort=<script> falls back to the name order, never echoed',
    request: list(`?sort=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { status: 200, lang: 'fr', contains: ['name="sort" value="name"', 'aria-sort="ascending"><a href="/admin/companies?q=&amp;sort=name"'] } },
  { name: 'GET /admin/companies by a support agent is a 403 naming the roles that open the area',
    request: list('', SUPPORT), expect: STAFF_ONLY },
  { name: 'GET /admin/companies by a customer (a referent) is a 404',
    request: list('', CUSTOMER), expect: CUSTOMER_404 },
  { name: 'GET /admin/companies?q=<script>, anonymous, is sent to the login page with next encoded',
    request: { method: 'GET', url: `/admin/companies?q=${encodeURIComponent(SCRIPT_TEXT)}` }, expect: { status: 302, location: /^\/login\?next=%2Fadmin%2Fcompanies%3Fq%3D[A-Za-z0-9%._~!*'()-]*$/ } },
]

// ---------------------------------------------------------------- POST /admin/companies/new, /admin/companies/:id/edit

const COMPANY_OK = { name: 'Hostile Fields SARL', registration_number: '912 345 678', address: '3 rue du Port', postal_code: '13002', city: 'Marseille', country: 'FR',
  account_manager_name: 'Claire Vasseur', account_manager_email: 'claire.vasseur@provider.example', account_manager_phone: '+33 1 70 00 10 01' }
const newCompany = (form: Record<string, string | string[]>, as = MANAGER): HostileRequest => ({ method: 'POST', url: '/admin/companies/new', as, form: { ...COMPANY_OK, ...form } })
const editCompany = (id: string, form: Record<string, string | string[]>): HostileRequest => ({ method: 'POST', url: `/admin/companies/${id}/edit`, as: MANAGER, form: { ...COMPANY_OK, ...form } })

/** Bad values of each field, with the message they get; the form always fails (no company is written). */
const COMPANY_FIELD_CASES: Array<[label: string, form: Record<string, string>, message: MessageRef, echoed?: string]> = [
  ['no name', { name: '' }, 'admin.companies.error.name_required'],
  ['a name of spaces and control characters', { name: ' \u0000\u0007 \t' }, 'admin.companies.error.name_required'],
  ['a 121-character name', { name: 'n'.repeat(121) }, tooLong(120)],
  ['a 500 kB name', { name: 'n'.repeat(500_000) }, tooLong(120)],
  ['the name of a demo company in lower case', { name: 'hexagone industries' }, { key: 'admin.companies.error.name_taken', params: { name: 'Hexagone Industries' } }],
  ['the name of a demo company with extra spaces and upper case', { name: '  BANQUE   DU RIVAGE ' }, { key: 'admin.companies.error.name_taken', params: { name: 'Banque du Rivage' } }],
  ['a <script> name (and no country)', { name: SCRIPT_TEXT, country: '' }, 'admin.companies.error.country', SCRIPT_TEXT],
  ['an attribute break-out name (and a bad country)', { name: ATTRIBUTE_BREAKOUT, country: 'FRA' }, 'admin.companies.error.country', ATTRIBUTE_BREAKOUT],
  ["' OR 1=1 -- as registration number", { registration_number: SQL_TEXT }, 'admin.companies.error.registration_number', SQL_TEXT],
  ['a <script> registration number', { registration_number: SCRIPT_TEXT }, 'admin.companies.error.registration_number', SCRIPT_TEXT],
  ['a 41-character registration number', { registration_number: '1'.repeat(41) }, tooLong(40)],
  ["' OR 1=1 -- as VAT number (shown back upper-cased, without its spaces)", { vat_number: SQL_TEXT }, 'admin.companies.error.vat_format', SQL_TEXT.toUpperCase().replace(/\s+/g, '')],
  ['a country of digits', { country: '12' }, 'admin.companies.error.country'],
  ['a <script> country', { country: SCRIPT_TEXT }, 'admin.companies.error.country', SCRIPT_TEXT.toUpperCase()],
  ['a <script> account manager email', { account_manager_email: SCRIPT_TEXT }, 'account.error.email_format', SCRIPT_TEXT],
  ['two addresses as the account manager email', { account_manager_email: 'a@provider.example,b@evil.example' }, 'account.error.email_format'],
  ['a <script> account manager phone', { account_manager_phone: SCRIPT_TEXT }, 'account.error.phone_format', SCRIPT_TEXT],
  ['a 201-character address', { address: 'a'.repeat(201) }, tooLong(200)],
  ['a 101-character city', { city: 'c'.repeat(101) }, tooLong(100)],
]

const companyNewCases: HostileCase[] = [
  ...csrfCases('POST /admin/companies/new with a valid company', newCompany({})),
  ...outsiderCases('POST /admin/companies/new', newCompany({})),
  { name: 'POST /admin/companies/new with no field answers 422 with the name and country messages',
    request: { ...newCompany({}), form: {} }, expect: refused(['admin.companies.error.name_required', 'admin.companies.error.country']) },
  ...COMPANY_FIELD_CASES.map(([label, form, message, echoed]): HostileCase => ({
    name: `POST /admin/companies/new with ${label} answers 422 and writes nothing`,
    request: newCompany(form), expect: { ...refused([message], echoed), absent: ['alert(1)</script>'] },
  })),
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST /admin/companies/new with ${label} in the name (and a bad country) is kept and shown back`,
    request: newCompany({ name: value, country: 'X' }), expect: refused(['admin.companies.error.country'], value),
  })),
  { name: 'POST /admin/companies/new with the name sent twice is a 400',
    request: newCompany({ name: ['Hostile One', 'Hostile Two'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /admin/companies/new with the country sent twice is a 400',
    request: newCompany({ country: ['FR', 'DE'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /admin/companies/new with a JSON array as name is a 400',
    request: { method: 'POST', url: '/admin/companies/new', as: MANAGER, body: { contentType: 'application/json', payload: '{"_csrf":"{csrf}","name":["Hostile"],"country":"FR"}' } },
    expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /admin/companies/new with a 2 MB body is refused with 413',
    request: bigForm('/admin/companies/new', 'name'), expect: { status: 413, lang: 'fr', messages: TOO_LARGE } },
]

const companyEditCases: HostileCase[] = [
  ...csrfCases('POST /admin/companies/:id/edit', editCompany(RIVAGE, { name: 'Banque du Rivage' })),
  ...outsiderCases('POST /admin/companies/:id/edit', editCompany(RIVAGE, { name: 'Banque du Rivage' })),
  ...BAD_IDS.flatMap(([label, id]): HostileCase[] => [
    { name: `GET /admin/companies/:id with ${label} is a 404`, request: { method: 'GET', url: `/admin/companies/${id}`, as: MANAGER }, expect: NOT_FOUND_FR },
    { name: `GET /admin/companies/:id/edit with ${label} is a 404`, request: { method: 'GET', url: `/admin/companies/${id}/edit`, as: MANAGER }, expect: NOT_FOUND_FR },
    { name: `POST /admin/companies/:id/edit with ${label} is a 404 and writes nothing`, request: editCompany(id, {}), expect: NOT_FOUND_FR },
  ]),
  { name: "POST /admin/companies/:id/edit renaming Rivage to Hexagone's name in upper case is refused with 422",
    request: editCompany(RIVAGE, { name: 'HEXAGONE INDUSTRIES' }), expect: refused([{ key: 'admin.companies.error.name_taken', params: { name: 'Hexagone Industries' } }]) },
  ...COMPANY_FIELD_CASES.filter(([label]) => !label.includes('demo company')).map(([label, form, message, echoed]): HostileCase => ({
    name: `POST /admin/companies/:id/edit with ${label} answers 422 and writes nothing`,
    request: editCompany(HEXAGONE, form), expect: { ...refused([message], echoed), absent: ['alert(1)</script>'] },
  })),
  { name: 'POST /admin/companies/:id/edit with the city sent twice is a 400',
    request: editCompany(HEXAGONE, { city: ['Lyon', 'Paris'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /admin/companies/:id/edit with a 2 MB body is refused with 413',
    request: bigForm(`/admin/companies/${HEXAGONE}/edit`, 'address'), expect: { status: 413, lang: 'fr', messages: TOO_LARGE } },
]

// ---------------------------------------------------------------- GET/POST /admin/contracts/new?company=

const TENANT_OK = {
  code: '', name: 'Hostile Tenant', offer: 'fe', support_level: 'standard', start_date: '2026-12-01', support_commitment_end: '', ref2: '', ref3: '', grouping: '',
  referent_email: 'hostile.referent@hexagone.example', referent_title: 'mrs', referent_first_name: 'Hostile', referent_last_name: 'Referent',
  referent_login: 'hostile.referent', referent_phone: '', referent_locale: 'fr', domain_owner_email: '',
}
const newTenant = (form: Record<string, string | string[]>, company = HEXAGONE, as = MANAGER): HostileRequest =>
  ({ method: 'POST', url: `/admin/contracts/new?company=${company}`, as, form: { ...TENANT_OK, ...form } })

/** Bad values, each answered 422 with its message; none writes (a valid field elsewhere is never enough). */
const TENANT_FIELD_CASES: Array<[label: string, form: Record<string, string>, messages: MessageRef[], echoed?: string]> = [
  ['a code already used', { code: 'OCB0000101' }, [{ key: 'admin.companies.error.code_taken', params: { code: 'OCB0000101' } }]],
  ['a code already used, in lower case', { code: 'ocb0000302' }, [{ key: 'admin.companies.error.code_taken', params: { code: 'OCB0000302' } }]],
  ['a <script> code', { code: SCRIPT_TEXT }, ['admin.companies.error.code_format'], SCRIPT_TEXT.toUpperCase()],
  ['a code of 6 digits', { code: 'OCB000101' }, ['admin.companies.error.code_format']],
  ['a code with fullwidth digits', { code: 'OCB０００１２３４' }, ['admin.companies.error.code_format']],
  ['no contract name', { name: '' }, ['admin.companies.error.contract_name_required']],
  ['a 101-character contract name', { name: 'n'.repeat(101) }, [tooLong(100)]],
  ['a 500 kB contract name', { name: 'n'.repeat(500_000) }, [tooLong(100)]],
  ['an unknown offer', { offer: 'mainframe' }, ['admin.companies.error.offer']],
  ["' OR 1=1 -- as offer", { offer: SQL_TEXT }, ['admin.companies.error.offer']],
  ['a support level Flexible Engine does not sell (gold)', { support_level: 'gold' }, ['admin.companies.error.support_not_offered']],
  ['no support level on Flexible Engine', { support_level: '' }, ['admin.companies.error.support_required']],
  ['a <script> support level', { support_level: SCRIPT_TEXT }, ['admin.companies.error.support_not_offered']],
  ['an impossible date (2026-02-30)', { start_date: '2026-02-30' }, ['admin.companies.error.date'], '2026-02-30'],
  ['a <script> commitment end', { support_commitment_end: SCRIPT_TEXT }, ['admin.companies.error.date'], SCRIPT_TEXT],
  ['a commitment ending before the start', { start_date: '2026-12-01', support_commitment_end: '2026-01-01' }, ['admin.companies.error.commitment_before_start']],
  ['a 51-character REF2', { ref2: 'r'.repeat(51) }, [tooLong(50)]],
  ['another company’s grouping contract', { grouping: 'OCB0000301' }, ['admin.companies.error.grouping']],
  ['a <script> grouping', { grouping: SCRIPT_TEXT }, ['admin.companies.error.grouping']],
  ['a multi-services contract grouped under another', { offer: 'multi_services', support_level: '', grouping: 'OCB0000100' }, ['admin.companies.error.grouping']],
  ['no referent email', { referent_email: '' }, ['account.error.email_required']],
  ['a <script> referent email', { referent_email: SCRIPT_TEXT }, ['account.error.email_format'], SCRIPT_TEXT],
  ['two addresses as referent email', { referent_email: 'a@hexagone.example, b@evil.example' }, ['account.error.email_format']],
  ['a staff member as referent', { referent_email: 'sophie.durand@provider.example' }, ['admin.companies.error.staff_account']],
  ['a referent of another company, not confirmed', { referent_email: 'helene.fabre@rivage.example' }, [{ key: 'admin.companies.error.other_company', params: { names: 'Hélène Fabre (Banque du Rivage)' } }]],
  ['a referent of another company, "confirmed" with another value than yes', { referent_email: 'helene.fabre@rivage.example', confirm_other_company: 'on' }, [{ key: 'admin.companies.error.other_company', params: { names: 'Hélène Fabre (Banque du Rivage)' } }]],
  ['a new referent whose login is taken', { referent_login: 'alice.martin' }, ['rights.error.login_taken']],
  ['a new referent with an accented login', { referent_login: 'hostile.référent' }, ['rights.error.login_characters']],
  ['a new referent with a <script> first name and no language', { referent_first_name: SCRIPT_TEXT, referent_locale: SCRIPT_TEXT }, ['rights.error.locale'], SCRIPT_TEXT],
  ['a new referent with no title', { referent_title: 'dr' }, ['account.error.title']],
  ['an unknown domain owner', { domain_owner_email: 'nobody.hostile@hexagone.example' }, ['admin.companies.error.domain_owner_unknown']],
  ['a staff member as domain owner', { domain_owner_email: 'thomas.girard@provider.example' }, ['admin.companies.error.domain_owner_unknown']],
  ['a <script> domain owner email', { domain_owner_email: SCRIPT_TEXT }, ['account.error.email_format'], SCRIPT_TEXT],
]

const contractNewCases: HostileCase[] = [
  ...csrfCases('POST /admin/contracts/new with a valid tenant', newTenant({})),
  ...outsiderCases('POST /admin/contracts/new', newTenant({})),
  { name: 'POST /admin/contracts/new with no field answers 422 with a message per required field',
    request: { ...newTenant({}), form: {} }, expect: refused(['admin.companies.error.contract_name_required', 'admin.companies.error.offer', 'account.error.email_required']) },
  ...TENANT_FIELD_CASES.map(([label, form, messages, echoed]): HostileCase => ({
    name: `POST /admin/contracts/new with ${label} answers 422 and writes nothing`,
    request: newTenant(form), expect: { ...refused(messages, echoed), absent: ['alert(1)</script>'] },
  })),
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST /admin/contracts/new with ${label} in the contract name (and no offer) is kept and shown back`,
    request: newTenant({ name: value, offer: '' }), expect: refused(['admin.companies.error.offer'], value),
  })),
  ...(['name', 'offer', 'referent_email', 'referent_login', 'domain_owner_email', 'confirm_other_company', 'grouping'] as const).map((field): HostileCase => ({
    name: `POST /admin/contracts/new with ${field} sent twice is a 400 and writes nothing`,
    request: newTenant({ [field]: ['yes', 'OCB0000100'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST },
  })),
  { name: 'POST /admin/contracts/new with a 2 MB body is refused with 413',
    request: bigForm(`/admin/contracts/new?company=${HEXAGONE}`, 'name'), expect: { status: 413, lang: 'fr', messages: TOO_LARGE } },
  ...BAD_IDS.flatMap(([label, id]): HostileCase[] => [
    { name: `GET /admin/contracts/new?company= with ${label} is a 404`, request: { method: 'GET', url: `/admin/contracts/new?company=${id}`, as: MANAGER }, expect: NOT_FOUND_FR },
    { name: `POST /admin/contracts/new?company= with ${label} is a 404 and writes nothing`, request: newTenant({}, id), expect: NOT_FOUND_FR },
  ]),
  { name: 'GET /admin/contracts/new without a company is a 404',
    request: { method: 'GET', url: '/admin/contracts/new', as: MANAGER }, expect: NOT_FOUND_FR },
  { name: 'POST /admin/contracts/new with the company sent twice in the URL is a 400 and writes nothing',
    request: { ...newTenant({}), url: `/admin/contracts/new?company=${HEXAGONE}&company=${RIVAGE}` }, expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /admin/contracts/new ignores a company field in the body: the URL names it (Rivage’s grouping refused for Hexagone)',
    request: newTenant({ company: RIVAGE, grouping: 'OCB0000301' }), expect: refused(['admin.companies.error.grouping']) },
]

// ---------------------------------------------------------------- GET /admin/contracts/:code, POST …/edit

const CONTRACT = 'OCB0000301' // Rivage Core Banking: FE, referent helene.fabre
const EDIT_OK = { name: 'Rivage Core Banking', support_level: 'standard', start_date: '2023-03-01', support_commitment_end: '2026-12-31', ref2: 'DSI', ref3: 'PROD', grouping: '',
  referent_email: 'helene.fabre@rivage.example', domain_owner_email: 'helene.fabre@rivage.example' }
const editContract = (form: Record<string, string | string[]>, code = CONTRACT): HostileRequest => ({ method: 'POST', url: `/admin/contracts/${code}/edit`, as: MANAGER, form: { ...EDIT_OK, ...form } })

const contractPageCases: HostileCase[] = [
  ...BAD_CODES.flatMap(([label, code]): HostileCase[] => [
    { name: `GET /admin/contracts/:code with ${label} is a 404`, request: { method: 'GET', url: `/admin/contracts/${code}`, as: MANAGER }, expect: NOT_FOUND_FR },
    { name: `GET /admin/contracts/:code/edit with ${label} is a 404`, request: { method: 'GET', url: `/admin/contracts/${code}/edit`, as: MANAGER }, expect: NOT_FOUND_FR },
    { name: `POST /admin/contracts/:code/edit with ${label} is a 404 and writes nothing`, request: editContract({}, code), expect: NOT_FOUND_FR },
  ]),
  { name: 'GET /admin/contracts/:code by a support agent is a 403',
    request: { method: 'GET', url: `/admin/contracts/${CONTRACT}`, as: SUPPORT }, expect: STAFF_ONLY },
  { name: 'GET /admin/contracts/:code by a customer of that contract is a 404',
    request: { method: 'GET', url: '/admin/contracts/OCB0000101', as: CUSTOMER }, expect: CUSTOMER_404 },
]

const contractEditCases: HostileCase[] = [
  ...csrfCases('POST /admin/contracts/:code/edit', editContract({ name: 'Hostile rename' })),
  ...outsiderCases('POST /admin/contracts/:code/edit', editContract({ name: 'Hostile rename' })),
  { name: 'POST /admin/contracts/:code/edit with no field answers 422 with a message per required field',
    request: { ...editContract({}), form: {} }, expect: refused(['admin.companies.error.contract_name_required', 'admin.companies.error.support_required', 'account.error.email_required']) },
  ...TENANT_FIELD_CASES.filter(([label]) => !/code|offer|multi-services|new referent|staff member as referent|another company,/.test(label)).map(([label, form, messages, echoed]): HostileCase => ({
    name: `POST /admin/contracts/:code/edit with ${label} answers 422 and writes nothing`,
    request: editContract(form), expect: { ...refused(messages, echoed), absent: ['alert(1)</script>'] },
  })),
  { name: 'POST /admin/contracts/:code/edit with an email nobody has as referent answers 422 (a new person is invited from Rights)',
    request: editContract({ referent_email: 'hostile.new@rivage.example' }), expect: refused(['admin.companies.error.no_such_user']) },
  { name: 'POST /admin/contracts/:code/edit with a referent of another company, not confirmed, answers 422 naming her',
    request: editContract({ referent_email: 'alice.martin@hexagone.example' }), expect: refused([{ key: 'admin.companies.error.other_company', params: { names: 'Alice Martin (Hexagone Industries)' } }]) },
  { name: 'POST /admin/contracts/:code/edit with a staff member as referent answers 422',
    request: editContract({ referent_email: 'thomas.girard@provider.example' }), expect: refused(['admin.companies.error.staff_account']) },
  { name: 'POST /admin/contracts/:code/edit with a <script> administrative contact email answers 422, shown back escaped, and writes nothing',
    request: editContract({ admin_contact_name: 'Compta Rivage', admin_contact_email: SCRIPT_TEXT }), expect: { ...refused(['bills.contact.error.email_invalid'], SCRIPT_TEXT), absent: ['alert(1)</script>'] } },
  { name: 'POST /admin/contracts/:code/edit with the name sent twice is a 400',
    request: editContract({ name: ['A', 'B'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /admin/contracts/:code/edit with a 2 MB body is refused with 413',
    request: bigForm(`/admin/contracts/${CONTRACT}/edit`, 'name'), expect: { status: 413, lang: 'fr', messages: TOO_LARGE } },
]

// ---------------------------------------------------------------- suspend, reactivate, close

const status = (action: string, form: Record<string, string | string[]> = {}, code = CONTRACT): HostileRequest => ({ method: 'POST', url: `/admin/contracts/${code}/${action}`, as: MANAGER, form })

const contractStatusCases: HostileCase[] = [
  ...csrfCases('POST /admin/contracts/:code/suspend', status('suspend', { reason: 'Hostile' })),
  ...outsiderCases('POST /admin/contracts/:code/suspend', status('suspend')),
  ...csrfCases('POST /admin/contracts/:code/close', status('close', { reason: 'Hostile', confirm: 'yes' })),
  ...outsiderCases('POST /admin/contracts/:code/close', status('close', { reason: 'Hostile', confirm: 'yes' })),
  ...csrfCases('POST /admin/contracts/:code/reactivate', status('reactivate')),
  { name: 'POST /admin/contracts/:code/suspend with a 501-character reason answers 422, kept escaped, and writes nothing',
    request: status('suspend', { reason: `${SCRIPT_TEXT}${'r'.repeat(480)}` }), expect: refused([tooLong(500)], `${SCRIPT_TEXT}${'r'.repeat(480)}`) },
  { name: 'POST /admin/contracts/:code/suspend with the reason sent twice is a 400',
    request: status('suspend', { reason: ['a', 'b'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /admin/contracts/:code/reactivate of an active contract answers 409 and writes nothing',
    request: status('reactivate'), expect: { status: 409, lang: 'fr', messages: ['admin.companies.error.status_changed'] } },
  { name: 'POST /admin/contracts/:code/close without reason nor confirmation answers 422 with both messages',
    request: status('close'), expect: refused(['admin.companies.error.reason_required', 'admin.companies.error.confirm_close']) },
  { name: 'POST /admin/contracts/:code/close confirmed with another value than yes answers 422',
    request: status('close', { reason: 'Hostile', confirm: 'YES' }), expect: refused(['admin.companies.error.confirm_close']) },
  { name: 'POST /admin/contracts/:code/close with a 501-character reason answers 422',
    request: status('close', { reason: 'r'.repeat(501), confirm: 'yes' }), expect: refused([tooLong(500)]) },
  { name: 'POST /admin/contracts/:code/close of a grouping contract with open members answers 422 naming them',
    request: status('close', { reason: 'Hostile', confirm: 'yes' }, 'OCB0000100'),
    expect: refused([{ key: 'admin.companies.error.grouping_members', params: { codes: 'OCB0000101, OCB0000102' } }]) },
  { name: 'POST /admin/contracts/:code/close with confirm sent twice is a 400',
    request: status('close', { reason: 'Hostile', confirm: ['yes', 'yes'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /admin/contracts/:code/close with a 2 MB body is refused with 413',
    request: bigForm(`/admin/contracts/${CONTRACT}/close`, 'reason'), expect: { status: 413, lang: 'fr', messages: TOO_LARGE } },
  ...BAD_CODES.flatMap(([label, code]): HostileCase[] => [
    { name: `POST /admin/contracts/:code/suspend with ${label} is a 404 and writes nothing`, request: status('suspend', {}, code), expect: NOT_FOUND_FR },
    { name: `POST /admin/contracts/:code/reactivate with ${label} is a 404 and writes nothing`, request: status('reactivate', {}, code), expect: NOT_FOUND_FR },
    { name: `GET /admin/contracts/:code/close with ${label} is a 404`, request: { method: 'GET', url: `/admin/contracts/${code}/close`, as: MANAGER }, expect: NOT_FOUND_FR },
    { name: `POST /admin/contracts/:code/close with ${label} is a 404 and writes nothing`, request: status('close', { reason: 'Hostile', confirm: 'yes' }, code), expect: NOT_FOUND_FR },
  ]),
]

export const companiesForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /admin/companies?q=&sort=&page=', companyListCases],
  ['POST /admin/companies/new', companyNewCases],
  ['GET/POST /admin/companies/:id(/edit)', companyEditCases],
  ['GET/POST /admin/contracts/new?company=', contractNewCases],
  ['GET /admin/contracts/:code', contractPageCases],
  ['POST /admin/contracts/:code/edit', contractEditCases],
  ['POST /admin/contracts/:code/suspend, /reactivate, /close', contractStatusCases],
]
