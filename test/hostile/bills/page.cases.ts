// Hostile rows for the bills page, the account statement and the
// administrative contact form (see ../cases.ts for how rows work).
import { bigBody, SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

/** Referent of OCB0000301 (Flexible Engine) and OCB0000302, in French. */
const REFERENT = 'helene.fabre'
const CONTRACT = 'OCB0000301'
/** Billing manager of OCB0000101, not its referent, in French. */
const MANAGER = 'bruno.petit'
/** Billing visitor on OCB0000101..103, in English. */
const VISITOR = 'chloe.bernard'
/** No billing role (contracts, support and orders visitor on OCB0000101), in French. */
const NO_BILLING = 'karine.lopez'
/** Referent of the multi-services grouping OCB0000100, in French. */
const GROUPING_REFERENT = 'david.moreau'
/** The one accepted save: referent of OCB0000201, in English. */
const SAVER = 'emma.leroy'
const OTHER_COMPANY_CONTRACT = 'OCB0000201'

const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]

const page = (query: string, as = REFERENT): HostileRequest => ({ method: 'GET', url: `/bills?${query}`, as })
const shown: HostileExpect = { status: 200, lang: 'fr', messages: ['bills.page.title', 'bills.reception.title'] }
const post = (form: Record<string, string | string[]>, code = CONTRACT, as = REFERENT): HostileRequest =>
  ({ method: 'POST', url: `/bills/${code}/admin-contact`, form, as })
const refused = (key: MessageRef, echoed?: string): HostileExpect => ({ status: 422, lang: 'fr', messages: [key, 'form.error_summary'], signedInAfter: true, ...(echoed ? { echoed } : {}) })

const billsPageCases: HostileCase[] = [
  { name: 'GET /bills with junk in page shows the first page', request: page(`contract=${CONTRACT}&page=abc`), expect: shown },
  { name: 'GET /bills with a negative page shows the first page', request: page(`contract=${CONTRACT}&page=-1`), expect: shown },
  { name: 'GET /bills with a page far past the end shows the last one', request: page(`contract=${CONTRACT}&page=99999999999999999999`), expect: shown },
  { name: 'GET /bills with the page sent twice shows the first page', request: page(`contract=${CONTRACT}&page=2&page=3`), expect: shown },
  { name: 'GET /bills with a script as the page shows the first page, nothing raw', request: page(`contract=${CONTRACT}&page=${encodeURIComponent(SCRIPT_TEXT)}`), expect: shown },
  { name: 'GET /bills with an unknown month parameter ignores it', request: page(`contract=${CONTRACT}&month=2026-13`), expect: shown },
  { name: 'GET /bills with the contract sent twice opens the default contract', request: page(`contract=${CONTRACT}&contract=OCB0000302`), expect: shown },
  { name: "GET /bills of another company's contract is a 404", request: page(`contract=${OTHER_COMPANY_CONTRACT}`), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'GET /bills with a script as the contract is a 404', request: page(`contract=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'GET /bills with a 10,000-character contract is a 404', request: page(`contract=${'A'.repeat(10_000)}`), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'GET /bills with SQL as the contract is a 404', request: page(`contract=${encodeURIComponent(SQL_TEXT)}`), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'GET /bills without a billing role is a 403 naming the role', request: page('', NO_BILLING),
    expect: { status: 403, lang: 'fr', messages: ['error.403.title', { key: 'error.403.needs', params: { role: 'Visiteur', section: 'Factures' } }] } },
  { name: 'GET /bills as a billing visitor shows quantities only', request: page('contract=OCB0000101', VISITOR), expect: { status: 200, messages: ['bills.page.consumption_unvalued'], absent: ['€'] } },
  { name: 'GET /bills of an Orange Business contract says its invoices cannot be shown', request: page('contract=OCB0000202', 'farid.haddad'), expect: { status: 200, messages: ['bills.page.orange_business'] } },
]

const statementCases: HostileCase[] = [
  { name: 'GET /bills/:code/statement as a billing visitor is a 403', request: { method: 'GET', url: '/bills/OCB0000101/statement', as: VISITOR },
    expect: { status: 403, messages: ['error.403.title', { key: 'error.403.needs', params: { role: 'Manager', section: 'Bills' } }] } },
  { name: 'GET /bills/:code/statement.csv as a billing visitor is a 403', request: { method: 'GET', url: '/bills/OCB0000101/statement.csv', as: VISITOR },
    expect: { status: 403, messages: ['error.403.title'] } },
  { name: "GET /bills/:code/statement of another company's contract is a 404", request: { method: 'GET', url: `/bills/${OTHER_COMPANY_CONTRACT}/statement`, as: MANAGER },
    expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'GET /bills/:code/statement with a script in the code is a 404', request: { method: 'GET', url: `/bills/${encodeURIComponent(SCRIPT_TEXT)}/statement`, as: MANAGER },
    expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
]

const adminContactCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /bills/:code/admin-contact ${how} is refused with 403 and writes nothing`,
    request: { ...post({ name: 'Paul', email: 'paul@example.com' }), csrf }, expect: { status: 403, lang: 'fr', messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST /bills/:code/admin-contact from an anonymous visitor is sent to the login page', request: { ...post({ name: 'Paul', email: 'paul@example.com' }), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /bills/:code/admin-contact by a billing manager who is not the referent is a 403', request: post({ name: 'Paul', email: 'paul@example.com' }, 'OCB0000101', MANAGER),
    expect: { status: 403, lang: 'fr', messages: ['error.403.title', 'error.403.referent'], signedInAfter: true } },
  { name: "POST /bills/:code/admin-contact on another company's contract is a 404", request: post({ name: 'Paul', email: 'paul@example.com' }, OTHER_COMPANY_CONTRACT), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'POST /bills/:code/admin-contact on a grouping contract is refused as read-only (422)', request: post({ name: 'Paul', email: 'paul@example.com' }, 'OCB0000100', GROUPING_REFERENT),
    expect: { status: 422, lang: 'fr', messages: ['bills.contact.error.read_only'], signedInAfter: true } },
  { name: 'POST /bills/:code/admin-contact with a bad email is refused (422), the value kept', request: post({ name: 'Paul', email: 'paul@@example' }), expect: refused('bills.contact.error.email_invalid', 'paul@@example') },
  { name: 'POST /bills/:code/admin-contact with a script as the name and no email is refused (422), shown escaped', request: post({ name: SCRIPT_TEXT, email: '' }),
    expect: refused('bills.contact.error.email_required', SCRIPT_TEXT) },
  { name: 'POST /bills/:code/admin-contact with a script as the email is refused (422), shown escaped', request: post({ name: 'Paul', email: SCRIPT_TEXT }), expect: refused('bills.contact.error.email_invalid', SCRIPT_TEXT) },
  { name: 'POST /bills/:code/admin-contact with SQL as the email is refused (422)', request: post({ name: 'Paul', email: SQL_TEXT }), expect: refused('bills.contact.error.email_invalid') },
  { name: 'POST /bills/:code/admin-contact with a 10,000-character name is refused (422)', request: post({ name: 'N'.repeat(10_000), email: 'paul@example.com' }),
    expect: refused({ key: 'bills.contact.error.name_too_long', params: { max: 100 } }) },
  { name: 'POST /bills/:code/admin-contact with a 10,000-character email is refused (422)', request: post({ name: 'Paul', email: `${'a'.repeat(10_000)}@example.com` }),
    expect: refused({ key: 'bills.contact.error.email_too_long', params: { max: 254 } }) },
  { name: 'POST /bills/:code/admin-contact with a name and no email is refused (422)', request: post({ name: 'Paul' }), expect: refused('bills.contact.error.email_required') },
  { name: 'POST /bills/:code/admin-contact with the name sent twice is a 400', request: post({ name: ['Paul', 'Pierre'], email: 'paul@example.com' }), expect: { status: 400, lang: 'fr', messages: ['error.400.title', 'error.400.body'] } },
  { name: 'POST /bills/:code/admin-contact with the email sent twice is a 400', request: post({ name: 'Paul', email: ['a@example.com', 'b@example.com'] }), expect: { status: 400, lang: 'fr', messages: ['error.400.title', 'error.400.body'] } },
  { name: 'POST /bills/:code/admin-contact with a 2 MB body is refused with 413',
    request: { method: 'POST', url: `/bills/${CONTRACT}/admin-contact`, as: REFERENT, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody('name') } },
    expect: { status: 413, lang: 'fr', messages: ['error.413.title', 'error.413.body'], signedInAfter: true } },
  { name: 'POST /bills/:code/admin-contact by the referent with a valid contact saves it and goes back to the page', request: post({ name: 'Ann Smith', email: 'ann.smith@lumiere.example' }, OTHER_COMPANY_CONTRACT, SAVER),
    expect: { status: 303, location: `/bills?contract=${OTHER_COMPANY_CONTRACT}#admin-contact`, mayWrite: ['contracts', 'audit_log'] } },
]

export const pageForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /bills', billsPageCases],
  ['GET /bills/:code/statement', statementCases],
  ['POST /bills/:code/admin-contact', adminContactCases],
]
