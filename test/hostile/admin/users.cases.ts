// Hostile rows for the back-office's users pages (see ../cases.ts for how rows
// work): the list and its search, a user's page, unlock, resend a password
// link, reset two factors. Staff rows sign in as support (thomas.girard, en)
// or an account manager (marc.lefevre, fr).
import { OFFSITE, SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, bigBody, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

const SUPPORT = 'thomas.girard' // locale en: opens users
const ACCOUNT_MANAGER = 'marc.lefevre' // locale fr: opens users
const BILLING = 'nadia.benali' // locale en: does not open users
const CUSTOMER = 'chloe.bernard' // locale en
/** Locked in the demo; unlocked by the last unlock row only. */
const LOCKED = 'ines.garnier'
/** Neither locked nor failing in any row: unlocking them has nothing to do. */
const NOT_LOCKED = 'david.moreau'
/** Has a password: the resend row sends them a reset link. */
const RESEND_TARGET = 'laura.vidal'

const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const CSRF_PAGE: MessageRef[] = ['error.csrf.title', 'error.csrf.body']
const TOO_LARGE: MessageRef[] = ['error.413.title', 'error.413.body']
const FORM = 'application/x-www-form-urlencoded'

const notOpen: HostileExpect = { status: 403, messages: ['error.403.title', { key: 'error.403.staff', params: { roles: 'Administrator, Support, Account manager' } }] }
const customerNotFound: HostileExpect = { status: 404, messages: NOT_FOUND }
const noSuchUser: HostileExpect = { status: 404, messages: NOT_FOUND }

/** Logins that name nobody, or cannot be a login: each a 404 with no query of their own. */
const HOSTILE_LOGINS: Array<[label: string, raw: string]> = [
  ['an unknown login', 'nobody.hostile'],
  ['path traversal (..%2F..%2Fetc%2Fpasswd)', '..%2F..%2Fetc%2Fpasswd'],
  ['encoded dots (%2e%2e)', '%2e%2e'],
  ['a login followed by a NUL byte', `${LOCKED}%00`],
  ['a login followed by CR LF and a header', `${LOCKED}%0D%0ASet-Cookie:%20hostile=1`],
  ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)],
  ["a login followed by ' OR '1'='1", encodeURIComponent(`${LOCKED}' OR '1'='1`)],
  ['a LIKE % wildcard (ines%)', 'ines%25'],
  ['a LIKE _ wildcard (ines_garnier)', 'ines_garnier'],
  ['<script>', encodeURIComponent(SCRIPT_TEXT)],
  ['a 65-character login', 'a'.repeat(65)],
  ...UNICODE_TEXT.map(([label, value]): [string, string] => [`a login followed by ${label}`, encodeURIComponent(`${LOCKED}${value}`)]),
  ['a fullwidth look-alike of a login', encodeURIComponent('ｉｎｅｓ.garnier')],
]

const CSRF_REFUSALS = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']] as const

function csrfRows(what: string, request: HostileRequest): HostileCase[] {
  return CSRF_REFUSALS.map(([csrf, how]): HostileCase => ({
    name: `${what} ${how} is refused with 403 and writes nothing`, request: { ...request, csrf }, expect: { status: 403, messages: CSRF_PAGE },
  }))
}

// ---------------------------------------------------------------- GET /admin/users

const list = (query: string, as = SUPPORT): HostileRequest => ({ method: 'GET', url: `/admin/users?${query}`, as })
const LIST_PAGE: HostileExpect = { status: 200, messages: ['admin.users.title'] }

const listCases: HostileCase[] = [
  { name: 'GET /admin/users as billing staff is a 403 naming the roles that open it', request: list('', BILLING), expect: notOpen },
  { name: 'GET /admin/users as a customer is a 404', request: list('', CUSTOMER), expect: customerNotFound },
  { name: 'GET /admin/users from an anonymous visitor is sent to the login page', request: { method: 'GET', url: '/admin/users?state=locked' }, expect: { status: 302, location: '/login?next=%2Fadmin%2Fusers%3Fstate%3Dlocked' } },
  { name: 'GET /admin/users as an account manager is in French', request: list('state=locked', ACCOUNT_MANAGER), expect: { status: 200, lang: 'fr', messages: ['admin.users.title', 'admin.users.state.locked'] } },
  ...([
    ['a <script> search', SCRIPT_TEXT],
    ['an attribute break-out search', '"><img src=x onerror=alert(1)>'],
    ["' OR 1=1 -- as search", SQL_TEXT],
    ['a search closing the LIKE pattern (%\' escape)', "%' escape '"],
    ...UNICODE_TEXT.map(([label, value]): [string, string] => [`a search with ${label}`, value]),
  ] as Array<[string, string]>).map(([label, value]): HostileCase => ({
    name: `GET /admin/users with ${label} shows it back escaped in the search box`,
    request: list(`q=${encodeURIComponent(value)}`), expect: { ...LIST_PAGE, echoed: value },
  })),
  { name: 'GET /admin/users with a 5000-character search keeps the first 100 characters',
    request: list(`q=${'q'.repeat(5000)}`), expect: { ...LIST_PAGE, contains: [`value="${'q'.repeat(100)}"`], absent: [`value="${'q'.repeat(101)}`] } },
  { name: 'GET /admin/users with a NUL byte and control characters in the search drops them',
    request: list('q=ines%00%07garnier'), expect: { ...LIST_PAGE, contains: ['value="inesgarnier"'], absent: ['\u0000', '\u0007'] } },
  ...([
    ['an unknown state', 'deleted'],
    ['a <script> state', SCRIPT_TEXT],
    ["' OR 1=1 -- as state", SQL_TEXT],
    ['an uppercase LOCKED', 'LOCKED'],
  ] as const).map(([label, value]): HostileCase => ({
    name: `GET /admin/users with ${label} lists every account`,
    request: list(`state=${encodeURIComponent(value)}`), expect: { ...LIST_PAGE, contains: ['<option value="all" selected>'] },
  })),
  ...(['-1', '0', 'abc', '1e9', '99999999999999999999', '2.5'] as const).map((page): HostileCase => ({
    name: `GET /admin/users?page=${page} is a page, not an error`, request: list(`page=${page}`), expect: LIST_PAGE,
  })),
  { name: 'GET /admin/users with the search given twice is a 400', request: list('q=a&q=b'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /admin/users with the state given twice is a 400', request: list('state=locked&state=staff'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /admin/users with the page given twice is a 400', request: list('page=1&page=2'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /admin/users with q[]= (not a field of the form) ignores it', request: list('q[]=a'), expect: { ...LIST_PAGE, contains: ['id="q" name="q" type="search" value=""'] } },
]

// ---------------------------------------------------------------- GET /admin/users/:login

const profile = (login: string, as = SUPPORT): HostileRequest => ({ method: 'GET', url: `/admin/users/${login}`, as })

const profileCases: HostileCase[] = [
  ...HOSTILE_LOGINS.map(([label, login]): HostileCase => ({
    name: `GET /admin/users/:login with ${label} is a 404`, request: profile(login), expect: noSuchUser,
  })),
  { name: 'GET /admin/users/:login with a 120-character login is a 404', request: profile('b'.repeat(120)), expect: noSuchUser },
  { name: 'GET /admin/users/:login with an invalid percent-encoding is a 400', request: profile('ines%E0%A4%A'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /admin/users/:login as billing staff is a 403', request: profile(LOCKED, BILLING), expect: notOpen },
  { name: 'GET /admin/users/:login as a customer is a 404, even for themselves', request: profile(CUSTOMER, CUSTOMER), expect: customerNotFound },
  { name: 'GET /admin/users/:login in upper case finds the user (logins are lower-case)', request: profile('INES.GARNIER'), expect: { status: 200, messages: ['admin.users.unlock.title'] } },
]

// ---------------------------------------------------------------- POST /admin/users/:login/unlock

const unlock = (login: string, form: Record<string, string | string[]> = {}, as = SUPPORT): HostileRequest =>
  ({ method: 'POST', url: `/admin/users/${login}/unlock`, as, form })

const unlockCases: HostileCase[] = [
  ...csrfRows('POST /admin/users/:login/unlock of a locked user', unlock(LOCKED)),
  { name: 'POST /admin/users/:login/unlock as billing staff is a 403 and the user stays locked', request: unlock(LOCKED, {}, BILLING), expect: notOpen },
  { name: 'POST /admin/users/:login/unlock as a customer is a 404', request: unlock(LOCKED, {}, CUSTOMER), expect: customerNotFound },
  { name: 'POST /admin/users/:login/unlock from an anonymous visitor is sent to the login page', request: { ...unlock(LOCKED), as: undefined }, expect: { status: 303, location: '/login' } },
  ...HOSTILE_LOGINS.slice(0, 10).map(([label, login]): HostileCase => ({
    name: `POST /admin/users/:login/unlock with ${label} is a 404`, request: unlock(login), expect: noSuchUser,
  })),
  { name: 'POST /admin/users/:login/unlock with a 2 MB body is refused with 413', request: { method: 'POST', url: `/admin/users/${LOCKED}/unlock`, as: SUPPORT, body: { contentType: FORM, payload: bigBody('note') } }, expect: { status: 413, messages: TOO_LARGE } },
  { name: 'POST /admin/users/:login/unlock of an account that is not locked writes nothing (a notice, 303 to the profile)',
    request: unlock(NOT_LOCKED, { next: '//evil.example' }), expect: { status: 303, location: `/admin/users/${NOT_LOCKED}`, absent: ['evil.example'] } },
  { name: 'POST /admin/users/:login/unlock of a locked user ignores next, back and a user id of the form: 303 to the profile, that user only',
    request: unlock(LOCKED, { next: OFFSITE[0]![1], back: OFFSITE[1]![1], user_id: '1', login: 'sophie.durand' }),
    expect: { status: 303, location: `/admin/users/${LOCKED}`, absent: ['evil.example'], mayWrite: ['users', 'audit_log'], notStored: ['evil.example', 'sophie.durand'] } },
]

// ---------------------------------------------------------------- POST /admin/users/:login/resend

const resend = (login: string, form: Record<string, string | string[]> = {}, as = SUPPORT): HostileRequest =>
  ({ method: 'POST', url: `/admin/users/${login}/resend`, as, form })

const resendCases: HostileCase[] = [
  ...csrfRows('POST /admin/users/:login/resend', resend(RESEND_TARGET)),
  { name: 'POST /admin/users/:login/resend as billing staff is a 403 and sends nothing', request: resend(RESEND_TARGET, {}, BILLING), expect: notOpen },
  { name: 'POST /admin/users/:login/resend as a customer is a 404 and sends nothing', request: resend(CUSTOMER, {}, CUSTOMER), expect: customerNotFound },
  ...HOSTILE_LOGINS.slice(0, 10).map(([label, login]): HostileCase => ({
    name: `POST /admin/users/:login/resend with ${label} is a 404 and sends nothing`, request: resend(login), expect: noSuchUser,
  })),
  { name: 'POST /admin/users/:login/resend with a 2 MB body is refused with 413', request: { method: 'POST', url: `/admin/users/${RESEND_TARGET}/resend`, as: SUPPORT, body: { contentType: FORM, payload: bigBody('email') } }, expect: { status: 413, messages: TOO_LARGE } },
  { name: 'POST /admin/users/:login/resend ignores an email, next and back of the form: the link goes to the account\'s own address',
    request: resend(RESEND_TARGET, { email: 'attacker@evil.example', to: 'attacker@evil.example', next: '//evil.example' }),
    expect: { status: 303, location: `/admin/users/${RESEND_TARGET}`, absent: ['evil.example'], mayWrite: ['outbox', 'password_tokens', 'audit_log'], notStored: ['evil.example'] } },
]

// ---------------------------------------------------------------- POST /admin/users/:login/reset-2fa

// Support resets their own two factors here: a staff persona is the one
// account sure to have them on in every row (the runner turns them on).
const resetTotp = (form: Record<string, string | string[]>, as = SUPPORT): HostileRequest =>
  ({ method: 'POST', url: `/admin/users/${as}/reset-2fa`, as, form })
const reasonRefused = (message: MessageRef, echoed?: string, lang: 'en' | 'fr' = 'en'): HostileExpect =>
  ({ status: 422, lang, messages: [message], ...(echoed === undefined ? {} : { echoed }) })
const TOO_SHORT: MessageRef = { key: 'admin.users.error.reason_short', params: { min: 5 } }
const TOO_LONG: MessageRef = { key: 'admin.users.error.reason_long', params: { max: 500 } }

const resetCases: HostileCase[] = [
  ...csrfRows('POST /admin/users/:login/reset-2fa with a reason', resetTotp({ reason: 'Lost phone, checked by call back' })),
  { name: 'POST /admin/users/:login/reset-2fa as billing staff is a 403 and changes nothing',
    request: { method: 'POST', url: `/admin/users/${SUPPORT}/reset-2fa`, as: BILLING, form: { reason: 'Lost phone, checked by call back' } }, expect: notOpen },
  { name: 'POST /admin/users/:login/reset-2fa as a customer is a 404',
    request: { method: 'POST', url: `/admin/users/${SUPPORT}/reset-2fa`, as: CUSTOMER, form: { reason: 'Lost phone, checked by call back' } }, expect: customerNotFound },
  ...HOSTILE_LOGINS.slice(0, 10).map(([label, login]): HostileCase => ({
    name: `POST /admin/users/:login/reset-2fa with ${label} is a 404`,
    request: { method: 'POST', url: `/admin/users/${login}/reset-2fa`, as: SUPPORT, form: { reason: 'Lost phone, checked by call back' } }, expect: noSuchUser,
  })),

  // the reason: required, 5 to 500 characters, shown back escaped
  { name: 'POST /admin/users/:login/reset-2fa without a reason answers 422 "give the reason"', request: resetTotp({}), expect: reasonRefused('admin.users.error.reason_required') },
  { name: 'POST /admin/users/:login/reset-2fa without a reason answers in French for a French staff member',
    request: resetTotp({}, ACCOUNT_MANAGER), expect: reasonRefused('admin.users.error.reason_required', undefined, 'fr') },
  { name: 'POST /admin/users/:login/reset-2fa with a reason of spaces, NUL bytes and blank lines counts as none',
    request: resetTotp({ reason: ' \u0000\r\n\t\u0007 ' }), expect: reasonRefused('admin.users.error.reason_required') },
  { name: 'POST /admin/users/:login/reset-2fa with a 4-character reason is refused, value kept', request: resetTotp({ reason: 'lost' }), expect: reasonRefused(TOO_SHORT, 'lost') },
  { name: 'POST /admin/users/:login/reset-2fa with a 501-character <script> reason is refused, shown back escaped',
    request: resetTotp({ reason: `${SCRIPT_TEXT}${'r'.repeat(476)}` }), expect: reasonRefused(TOO_LONG, `${SCRIPT_TEXT}${'r'.repeat(476)}`) },
  { name: 'POST /admin/users/:login/reset-2fa with a reason closing the textarea (too long) is shown back escaped',
    request: resetTotp({ reason: `</textarea>${SCRIPT_TEXT}${'r'.repeat(480)}` }), expect: reasonRefused(TOO_LONG, `</textarea>${SCRIPT_TEXT}${'r'.repeat(480)}`) },
  { name: "POST /admin/users/:login/reset-2fa with ' OR 1=1 -- made too long is refused and writes nothing",
    request: resetTotp({ reason: `${SQL_TEXT}${'r'.repeat(490)}` }), expect: reasonRefused(TOO_LONG, `${SQL_TEXT}${'r'.repeat(490)}`) },
  { name: 'POST /admin/users/:login/reset-2fa with a 500 kB reason is refused "at most 500"', request: resetTotp({ reason: 'r'.repeat(500_000) }), expect: reasonRefused(TOO_LONG) },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST /admin/users/:login/reset-2fa with a too long reason holding ${label} is refused, value kept`,
    request: resetTotp({ reason: `${value}${'r'.repeat(500)}` }), expect: reasonRefused(TOO_LONG, `${value}${'r'.repeat(500)}`),
  })),
  { name: 'POST /admin/users/:login/reset-2fa with the reason sent twice is a 400', request: resetTotp({ reason: ['Lost phone one', 'Lost phone two'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /admin/users/:login/reset-2fa with a JSON array as reason is a 400',
    request: { method: 'POST', url: `/admin/users/${SUPPORT}/reset-2fa`, as: SUPPORT, body: { contentType: 'application/json', payload: '{"_csrf":"{csrf}","reason":["Lost phone","again"]}' } },
    expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /admin/users/:login/reset-2fa with a 2 MB body is refused with 413',
    request: { method: 'POST', url: `/admin/users/${SUPPORT}/reset-2fa`, as: SUPPORT, body: { contentType: FORM, payload: bigBody('reason') } }, expect: { status: 413, messages: TOO_LARGE } },
]

export const usersForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /admin/users', listCases],
  ['GET /admin/users/:login', profileCases],
  ['POST /admin/users/:login/unlock', unlockCases],
  ['POST /admin/users/:login/resend', resendCases],
  ['POST /admin/users/:login/reset-2fa', resetCases],
]
