// Hostile rows for the back-office's records pages (see ../cases.ts for how
// rows work): the audit log and its CSV (admin only), the email log, one
// email and "retry now" (support), billing contacts and their CSV (billing).
// The CSV answers themselves are not HTML pages: their rows here are the
// refusals; their content and escaping are tested in test/features/admin/.
import { OFFSITE, SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, bigBody, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

const ADMIN = 'sophie.durand' // locale fr: opens every area
const SUPPORT = 'thomas.girard' // locale en: emails, not audit nor billing
const BILLING = 'nadia.benali' // locale en: billing, not audit nor emails
const ACCOUNT_MANAGER = 'marc.lefevre' // locale fr: none of the three
const CUSTOMER = 'alice.martin' // locale fr, a referent

const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const CSRF_PAGE: MessageRef[] = ['error.csrf.title', 'error.csrf.body']
const TOO_LARGE: MessageRef[] = ['error.413.title', 'error.413.body']
/** A formula a spreadsheet would run if a CSV cell started with it. */
const CSV_FORMULA = '=HYPERLINK("http://evil.example","click")'


const staffOnly = (roles: string, lang: 'en' | 'fr' = 'en'): HostileExpect =>
  ({ status: 403, lang, messages: ['error.403.title', { key: 'error.403.staff', params: { roles } }] })
const customerNotFound: HostileExpect = { status: 404, lang: 'fr', messages: NOT_FOUND }
const get = (url: string, as: string): HostileRequest => ({ method: 'GET', url, as })

// ---------------------------------------------------------------- GET /admin/audit, /admin/audit.csv

const audit = (query: string, as = ADMIN, path = '/admin/audit') => get(`${path}${query ? `?${query}` : ''}`, as)
const auditRefused = (key: MessageRef, echoed?: string): HostileExpect =>
  ({ status: 422, lang: 'fr', messages: [key], ...(echoed === undefined ? {} : { echoed }) })
const AUDIT_PAGE: HostileExpect = { status: 200, lang: 'fr', messages: ['admin.records.audit.title'] }

const auditCases: HostileCase[] = [
  { name: 'GET /admin/audit as support staff is a 403 naming the admin role', request: audit('', SUPPORT), expect: staffOnly('Administrator') },
  { name: 'GET /admin/audit as billing staff is a 403', request: audit('', BILLING), expect: staffOnly('Administrator') },
  { name: 'GET /admin/audit as an account manager is a 403, in French', request: audit('', ACCOUNT_MANAGER), expect: staffOnly('Administrateur', 'fr') },
  { name: 'GET /admin/audit as a customer referent is a 404', request: audit('', CUSTOMER), expect: customerNotFound },
  { name: 'GET /admin/audit from an anonymous visitor is sent to the login page', request: { method: 'GET', url: '/admin/audit' }, expect: { status: 302, location: /^\/login\?next=/ } },

  // dates: real calendar days, YYYY-MM-DD, from ≤ to
  ...([
    ['an impossible date (2026-02-30)', '2026-02-30'],
    ['a 13th month', '2026-13-01'],
    ['a French-style date (28/03/2026)', '28/03/2026'],
    ['a two-digit year', '26-03-28'],
    ['year 0000', '0000-01-01'],
    ['a date and time', '2026-03-28T10:00'],
    ['a <script> date', SCRIPT_TEXT],
    ["' OR 1=1 -- as a date", SQL_TEXT],
    ['fullwidth digits', '２０２６-０３-２８'],
  ] as const).map(([label, value]): HostileCase => ({
    name: `GET /admin/audit?from= with ${label} answers 422 with a message on the field, value kept`,
    request: audit(`from=${encodeURIComponent(value)}`), expect: auditRefused('admin.records.audit.error.date', value),
  })),
  { name: 'GET /admin/audit?to=9999-12-31 (past the last day the log can name) answers 422',
    request: audit('to=9999-12-31'), expect: auditRefused('admin.records.audit.error.date', '9999-12-31') },
  { name: 'GET /admin/audit with from after to answers 422 "the end date must be on or after the start date"',
    request: audit('from=2026-03-29&to=2026-03-28'), expect: auditRefused('admin.records.audit.error.range') },
  { name: 'GET /admin/audit with the same day as from and to is a page',
    request: audit('from=2026-03-29&to=2026-03-29'), expect: AUDIT_PAGE },

  // logins: the login characters only, and a user that exists
  ...([
    ['<script>', SCRIPT_TEXT],
    ["' OR 1=1 --", SQL_TEXT],
    ['a LIKE wildcard (sophie%)', 'sophie%'],
    ['a spreadsheet formula', CSV_FORMULA],
    ['a 10 kB login', 'u'.repeat(10_000)],
    ...UNICODE_TEXT,
  ] as const).map(([label, value]): HostileCase => ({
    name: `GET /admin/audit?actor= with ${label} answers 422 with a message on the field, shown back escaped`,
    request: audit(`actor=${encodeURIComponent(value)}`), expect: auditRefused('admin.records.audit.error.login', value.toLowerCase()),
  })),
  { name: 'GET /admin/audit?target=<script> answers 422, shown back escaped',
    request: audit(`target=${encodeURIComponent(SCRIPT_TEXT)}`), expect: auditRefused('admin.records.audit.error.login', SCRIPT_TEXT) },
  { name: 'GET /admin/audit?actor= of a login nobody has answers 422 "no user has this login"',
    request: audit('actor=nobody.hostile'), expect: auditRefused('admin.records.audit.error.unknown_user', 'nobody.hostile') },

  // actions and contract codes
  ...([
    ['<script>', SCRIPT_TEXT],
    ["' OR 1=1 --", SQL_TEXT],
    ['a LIKE wildcard (%)', '%'],
    ['two dots (admin..)', 'admin..'],
    ['a 10 kB action', 'a'.repeat(10_000)],
    ['a spreadsheet formula', CSV_FORMULA],
  ] as const).map(([label, value]): HostileCase => ({
    name: `GET /admin/audit?action= with ${label} answers 422 with a message on the field`,
    request: audit(`action=${encodeURIComponent(value)}`), expect: { ...auditRefused('admin.records.audit.error.action'), absent: ['<script>alert(1)'] },
  })),
  ...([
    ['a short code (OCB123)', 'OCB123'],
    ['path traversal', '../../etc/passwd'],
    ['<script>', SCRIPT_TEXT],
  ] as const).map(([label, value]): HostileCase => ({
    name: `GET /admin/audit?contract= with ${label} answers 422 with a message on the field`,
    request: audit(`contract=${encodeURIComponent(value)}`), expect: { ...auditRefused('admin.records.audit.error.contract'), absent: ['<script>alert(1)', 'root:'] },
  })),
  { name: 'GET /admin/audit?contract= with a NUL byte inside a code drops it (as every form does) and searches that contract',
    request: audit(`contract=${encodeURIComponent('ocb000\u00000101')}`), expect: { ...AUDIT_PAGE, contains: ['value="OCB0000101"'] } },
  { name: 'GET /admin/audit?contract= of a code no contract has answers 422 "no contract has this code"',
    request: audit('contract=OCB9999999'), expect: auditRefused('admin.records.audit.error.unknown_contract', 'OCB9999999') },

  // pages and repeated parameters
  ...([
    ['page=abc', 'page=abc'],
    ['a negative page', 'page=-5'],
    ['page=0', 'page=0'],
    ['a huge page number', 'page=99999999'],
    ['a 400-digit page', `page=${'9'.repeat(400)}`],
    ['page=1e9', 'page=1e9'],
    ['page=<script>', `page=${encodeURIComponent(SCRIPT_TEXT)}`],
    ['actor[]= (not a parameter of the page)', 'actor%5B%5D=sophie.durand'],
    ['an invalid percent-encoding', 'action=%E0%A4%A'],
  ] as const).map(([label, query]): HostileCase => ({
    name: `GET /admin/audit with ${label} is a page, no error`,
    request: audit(query), expect: { status: [200, 422], lang: 'fr', messages: ['admin.records.audit.title'] },
  })),
  ...([
    ['actor repeated', 'actor=sophie.durand&actor=thomas.girard'],
    ['from repeated', 'from=2026-03-01&from=2026-03-02'],
    ['page repeated', 'page=1&page=2'],
  ] as const).map(([label, query]): HostileCase => ({
    name: `GET /admin/audit with ${label} is a 400`,
    request: audit(query), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST },
  })),

  // the CSV: refusals are the HTML page
  { name: 'GET /admin/audit.csv as support staff is a 403', request: audit('', SUPPORT, '/admin/audit.csv'), expect: staffOnly('Administrator') },
  { name: 'GET /admin/audit.csv as a customer is a 404', request: audit('', CUSTOMER, '/admin/audit.csv'), expect: customerNotFound },
  { name: 'GET /admin/audit.csv?from=2026-02-30 answers the page with 422, not a file',
    request: audit('from=2026-02-30', ADMIN, '/admin/audit.csv'), expect: auditRefused('admin.records.audit.error.date', '2026-02-30') },
  { name: 'GET /admin/audit.csv?actor= with a spreadsheet formula answers the page with 422, shown back escaped',
    request: audit(`actor=${encodeURIComponent(CSV_FORMULA)}`, ADMIN, '/admin/audit.csv'), expect: auditRefused('admin.records.audit.error.login', CSV_FORMULA.toLowerCase()) },
  { name: 'GET /admin/audit.csv with actor repeated is a 400',
    request: audit('actor=a&actor=b', ADMIN, '/admin/audit.csv'), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
]

// ---------------------------------------------------------------- GET /admin/emails, /admin/emails/:id

const emails = (query: string, as = SUPPORT) => get(`/admin/emails${query ? `?${query}` : ''}`, as)
const EMAILS_PAGE: HostileExpect = { status: 200, messages: ['admin.records.emails.title'] }

const emailsCases: HostileCase[] = [
  { name: 'GET /admin/emails as billing staff is a 403 naming admin and support', request: emails('', BILLING), expect: staffOnly('Administrator, Support') },
  { name: 'GET /admin/emails as a customer is a 404', request: emails('', CUSTOMER), expect: customerNotFound },
  ...([
    ['an unknown status (bounced)', 'bounced'],
    ['an upper-case status (FAILED)', 'FAILED'],
    ['a <script> status', SCRIPT_TEXT],
    ["' OR 1=1 -- as status", SQL_TEXT],
    ['a 10 kB status', 's'.repeat(10_000)],
  ] as const).map(([label, value]): HostileCase => ({
    name: `GET /admin/emails?status= with ${label} answers 422 with a message on the field`,
    request: emails(`status=${encodeURIComponent(value)}`), expect: { status: 422, messages: ['admin.records.emails.error.status'], absent: ['<script>alert(1)'] },
  })),
  { name: 'GET /admin/emails?q= over 254 characters answers 422 with a message on the field',
    request: emails(`q=${'q'.repeat(255)}`), expect: { status: 422, messages: ['admin.records.emails.error.q_length'] } },
  ...([
    ['<script>', SCRIPT_TEXT],
    ["' OR 1=1 --", SQL_TEXT],
    ['a LIKE wildcard (%)', '%'],
    ['a spreadsheet formula', CSV_FORMULA],
    ...UNICODE_TEXT,
  ] as const).map(([label, value]): HostileCase => ({
    name: `GET /admin/emails?q= with ${label} finds what it finds, shown back escaped`,
    request: emails(`q=${encodeURIComponent(value)}`), expect: { ...EMAILS_PAGE, echoed: value.toLowerCase() },
  })),
  ...([
    ['page=abc', 'page=abc'],
    ['a huge page number', 'page=99999999'],
    ['a 400-digit page', `page=${'9'.repeat(400)}`],
    ['an empty status (all)', 'status='],
  ] as const).map(([label, query]): HostileCase => ({
    name: `GET /admin/emails with ${label} is a page, no error`, request: emails(query), expect: EMAILS_PAGE,
  })),
  ...([
    ['status repeated', 'status=failed&status=sent'],
    ['q repeated', 'q=a&q=b'],
  ] as const).map(([label, query]): HostileCase => ({
    name: `GET /admin/emails with ${label} is a 400`, request: emails(query), expect: { status: 400, messages: BAD_REQUEST },
  })),
]

/** Ids that are no email: 404, whatever the method. */
const NOT_EMAIL_IDS: Array<[label: string, id: string]> = [
  ['a non-numeric id (abc)', 'abc'],
  ['id 0', '0'],
  ['a negative id', '-1'],
  ['a decimal id', '1.5'],
  ['an id no email has', '999999999'],
  ['a 120-digit id', '1'.repeat(120)],
  ['an id followed by a NUL byte', '1%00'],
  ['path traversal', '..%2F..%2Fetc%2Fpasswd'],
  ["an id with ' OR 1=1 --", `1${encodeURIComponent(SQL_TEXT)}`],
  ['a fullwidth digit', encodeURIComponent('１')],
]

const emailCases: HostileCase[] = [
  ...NOT_EMAIL_IDS.map(([label, id]): HostileCase => ({
    name: `GET /admin/emails/:id with ${label} is a 404`, request: get(`/admin/emails/${id}`, SUPPORT), expect: { status: 404, messages: NOT_FOUND, absent: ['root:'] },
  })),
  { name: 'GET /admin/emails/:id as billing staff is a 403', request: get('/admin/emails/1', BILLING), expect: staffOnly('Administrator, Support') },
]

// ---------------------------------------------------------------- POST /admin/emails/:id/retry, /admin/emails/retry-failed

const retry = (id: string, as = SUPPORT): HostileRequest => ({ method: 'POST', url: `/admin/emails/${id}/retry`, as, form: {} })
const retryFailed = (as = SUPPORT, form: Record<string, string | string[]> = {}): HostileRequest => ({ method: 'POST', url: '/admin/emails/retry-failed', as, form })

const retryCases: HostileCase[] = [
  ...NOT_EMAIL_IDS.map(([label, id]): HostileCase => ({
    name: `POST /admin/emails/:id/retry with ${label} is a 404 and retries nothing`, request: retry(id), expect: { status: 404, messages: NOT_FOUND },
  })),
  ({ name: 'POST /admin/emails/:id/retry as billing staff is a 403 and retries nothing', request: retry('1', BILLING), expect: staffOnly('Administrator, Support') }),
  { name: 'POST /admin/emails/:id/retry as a customer is a 404', request: retry('1', CUSTOMER), expect: customerNotFound },
  ...(['missing', 'forged', 'other-session', 'repeated'] as const).map((csrf): HostileCase => ({
    name: `POST /admin/emails/retry-failed with its CSRF token ${csrf} is refused with 403 and retries nothing`,
    request: { ...retryFailed(), csrf }, expect: { status: 403, messages: CSRF_PAGE },
  })),
  ...[
    { name: 'POST /admin/emails/retry-failed with no failed email writes nothing and says so',
      request: retryFailed(), expect: { status: 303, location: '/admin/emails?status=failed' } },
    { name: 'POST /admin/emails/retry-failed with unexpected fields (a status, a <script>) ignores them',
      request: retryFailed(SUPPORT, { status: 'sent', note: SCRIPT_TEXT }), expect: { status: 303, location: '/admin/emails?status=failed' } },
    ...OFFSITE.slice(0, 3).map(([label, value]): HostileCase => ({
      name: `POST /admin/emails/retry-failed with back set to ${label} still goes back to the email log`,
      request: retryFailed(SUPPORT, { back: value }), expect: { status: 303, location: '/admin/emails?status=failed', absent: ['evil.example'] },
    })),
    { name: 'POST /admin/emails/retry-failed as billing staff is a 403', request: retryFailed(BILLING), expect: staffOnly('Administrator, Support') },
  ],
  { name: 'POST /admin/emails/retry-failed with a 2 MB body is refused with 413',
    request: { method: 'POST', url: '/admin/emails/retry-failed', as: SUPPORT, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody('note') } },
    expect: { status: 413, messages: TOO_LARGE } },
]

// ---------------------------------------------------------------- GET /admin/billing, /admin/billing.csv

const billing = (query: string, as = BILLING, path = '/admin/billing') => get(`${path}${query ? `?${query}` : ''}`, as)
const BILLING_PAGE: HostileExpect = { status: 200, messages: ['admin.records.billing.title'] }
const searchTooLong: HostileExpect = { status: 422, messages: [{ key: 'admin.records.billing.error.q_length', params: { max: 100 } }] }

const billingCases: HostileCase[] = [
  { name: 'GET /admin/billing as support staff is a 403 naming admin and billing', request: billing('', SUPPORT), expect: staffOnly('Administrator, Billing') },
  { name: 'GET /admin/billing as an account manager is a 403, in French', request: billing('', ACCOUNT_MANAGER), expect: staffOnly('Administrateur, Facturation', 'fr') },
  { name: 'GET /admin/billing as a customer is a 404', request: billing('', CUSTOMER), expect: customerNotFound },
  { name: 'GET /admin/billing as admin is the page', request: billing('', ADMIN), expect: { ...BILLING_PAGE, lang: 'fr' } },
  ...([
    ['<script>', SCRIPT_TEXT],
    ["' OR 1=1 --", SQL_TEXT],
    ['a LIKE wildcard (%)', '%'],
    ['an underscore', '_'],
    ['a spreadsheet formula', CSV_FORMULA],
    ...UNICODE_TEXT,
  ] as const).map(([label, value]): HostileCase => ({
    name: `GET /admin/billing?q= with ${label} finds what it finds, shown back escaped`,
    request: billing(`q=${encodeURIComponent(value)}`), expect: { ...BILLING_PAGE, echoed: value },
  })),
  { name: 'GET /admin/billing?q= over 100 characters answers 422 with a message on the field', request: billing(`q=${'q'.repeat(101)}`), expect: searchTooLong },
  ...([
    ['page=abc', 'page=abc'],
    ['a huge page number', 'page=99999999'],
    ['a 400-digit page', `page=${'9'.repeat(400)}`],
    ['a negative page', 'page=-1'],
  ] as const).map(([label, query]): HostileCase => ({
    name: `GET /admin/billing with ${label} is a page, no error`, request: billing(query), expect: BILLING_PAGE,
  })),
  { name: 'GET /admin/billing with q repeated is a 400', request: billing('q=a&q=b'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /admin/billing.csv as support staff is a 403', request: billing('', SUPPORT, '/admin/billing.csv'), expect: staffOnly('Administrator, Billing') },
  { name: 'GET /admin/billing.csv as a customer is a 404', request: billing('', CUSTOMER, '/admin/billing.csv'), expect: customerNotFound },
  { name: 'GET /admin/billing.csv?q= over 100 characters answers the page with 422, not a file', request: billing(`q=${'q'.repeat(101)}`, BILLING, '/admin/billing.csv'), expect: searchTooLong },
  { name: 'GET /admin/billing.csv with q repeated is a 400', request: billing('q=a&q=b', BILLING, '/admin/billing.csv'), expect: { status: 400, messages: BAD_REQUEST } },
]

export const recordsForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /admin/audit, /admin/audit.csv ?actor=&action=&contract=&target=&from=&to=&page=', auditCases],
  ['GET /admin/emails?status=&q=&page=', emailsCases],
  ['GET /admin/emails/:id', emailCases],
  ['POST /admin/emails/:id/retry, /admin/emails/retry-failed', retryCases],
  ['GET /admin/billing, /admin/billing.csv ?q=&page=', billingCases],
]
