// The hostile-input table: one row per bad request to a form or a
// parameterized URL, with what the portal must answer. hostile.test.ts runs
// every row against one app on one fresh database seeded with the demo
// personas (scripts/seed-demo.ts), and checks for each row, besides its own
// `expect`:
//   - never a 5xx, never a crash of the process;
//   - an error page is HTML, in the expected language (`expect.lang`), with the
//     named localized messages, and carries the security headers;
//   - a redirect goes to a local path (no `//`, no `/\`, no scheme, ASCII only);
//   - no raw `<script` anywhere in the body, and no link, form action, `next`
//     or `back` field pointing off the site (a `mailto:` link to one plain
//     address, like the account manager's, aside);
//   - nothing written: every row of the CHECKED_TABLES below is the same after
//     the request (sessions, rate_counters and job_leases may change: visiting
//     a page, trying a login or asking for a password link legitimately write
//     them). A row whose request is accepted and writes names what it may
//     change: `userMayChange` (columns of one user), `mayWrite` (tables), and
//     then says what must never be stored with `notStored`.
//
// HOW TO ADD A FORM (or a parameterized URL): write one more array below, named
// after the route (e.g. `accountPasswordCases`), built like `langCases`, and add
// it to HOSTILE_CASES at the bottom. Each row is `{ name, request, expect }`:
//   - name states the rule the row proves ("... is refused with 403 ...");
//   - request: method, url, `form` fields (urlencoded, an array repeats the
//     field), `csrf` ('valid' by default), `as` a demo persona to sign in as
//     first (default: an anonymous visitor who has opened /login; a persona
//     with two factors on signs in with a code), `setup` the state the request
//     needs (a pending second factor, a password link, a notification, another
//     signed-in browser, two factors on or being enrolled: see HostileSetup);
//     the values the setup makes are written `{token}`, `{totp}`, ... in the
//     url, the fields and a raw body;
//   - expect: status, location (3xx), messages (catalog keys that must be on
//     the page, `{ key, params }` for a message with parameters), echoed (a
//     value shown back: escaped, never raw), ...
// A row that reveals a bug keeps asserting the right behaviour and gets
// `todo: '<what is wrong>'`, so the suite stays green until the fix lands;
// remove the `todo` with the fix. tap does not run todo rows: to watch them
// fail (or check a fix), `HOSTILE_TODO=run npx tap test/hostile/ --disable-coverage`.
// A row that (through its bug) would write uses a persona no other row needs.
// Reuse the shared vectors (OFFSITE,
// SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, bigBody) for the new form's fields.
import type { MessageKey, Params } from '../../src/i18n/index.js'
import type { UsersTable } from '../../src/db/users.table.js'
import type { TokenPurpose } from '../../src/features/password/password-tokens.queries.js'

/** The tables a refused request must leave exactly as they were. */
export const CHECKED_TABLES = [
  'users', 'contracts', 'contract_roles', 'console_roles', 'audit_log', 'companies',
  'outbox', 'password_tokens', 'recovery_codes', 'contact_messages', 'notifications', 'notification_preferences',
  'staff_roles', 'contact_message_replies', 'platforms', 'platform_regions', 'incidents', 'incident_regions', 'incident_updates',
  'maintenance_windows', 'maintenance_window_regions',
  'usage_records', 'usage_daily', 'budget_alerts', 'subscriptions', 'subscription_cancellations', 'support_level_changes', 'documents',
  'requests', 'request_events', 'request_comments', 'request_attachments', 'change_catalogs', 'change_categories', 'change_items',
  'usage_imports', 'usage_monthly', 'invoice_counters', 'invoices', 'invoice_lines', 'payments',
  'catalog_categories', 'catalog_services', 'subscription_offers', 'orders',
] as const
export type CheckedTable = (typeof CHECKED_TABLES)[number]

/** A catalog message: its key, or its key and parameters. */
export type MessageRef = MessageKey | { key: MessageKey; params: Params }

export type CsrfMode =
  /** The token of the client's own last page (the default). */
  | 'valid'
  /** No `_csrf` field at all. */
  | 'missing'
  /** A made-up token of the right shape. */
  | 'forged'
  /** A valid token, but of another visitor's session. */
  | 'other-session'
  /** The client's own valid token, sent twice (`_csrf=t&_csrf=t`). */
  | 'repeated'

export interface HostileRequest {
  method: 'GET' | 'POST'
  /** Sent as is: percent-encode what a browser would. */
  url: string
  /** Sign in first as this demo persona (scripts/seed-demo.ts). Default: anonymous. */
  as?: string
  /** Accept-Language of the anonymous visitor. */
  acceptLanguage?: string
  /** Visit no page first: the request comes with no session cookie at all. */
  noSession?: boolean
  /** urlencoded form fields; an array sends the field once per value. */
  form?: Record<string, string | string[]>
  /** POST only; default 'valid'. */
  csrf?: CsrfMode
  /** A raw body instead of `form`; `{csrf}` in it is replaced by the client's valid token. */
  body?: { contentType: string; payload: string }
  /** State built before the request (and before the "nothing written" snapshot). */
  setup?: HostileSetup
}

/** What a request needs to exist first. Each value it makes is a `{placeholder}`
 * for the row's url, fields and raw body. Later forms add a field here and its
 * step in hostile.test.ts (prepare). */
export interface HostileSetup {
  /** Two-factor authentication of this persona, set before signing in: 'on'
   * (fresh recovery codes; `{recovery}` is an unused one) or 'enrolling' (a
   * secret, not confirmed yet). `{totp}`: the code its app shows now, not spent. */
  totp?: { login: string; state: 'on' | 'enrolling' }
  /** The (anonymous) client gives this persona's password, `next` with it, and
   * stops at the code page (the persona needs `totp` on). */
  pendingSecondFactor?: { login: string; next?: string }
  /** A password link of this persona (default: a valid reset link): `{token}`. */
  passwordToken?: { login: string; state?: 'valid' | 'used' | 'expired'; purpose?: TokenPurpose }
  /** An unread notification of this persona: its id is `{notification}`. */
  notification?: string
  /** Another browser signed in as this persona: its handle (as the security
   * page shows it) is `{session}`; `expect.otherSignedInAfter` checks it. */
  otherSession?: string
  /** Last step: this persona's account is locked (15 minutes from now), as after too many failures. */
  lock?: string
  /** The row's client (`as`, a Users manager of `contract`) has gone through
   * the add-user wizard: step 1 posted with `person` (the client is at step 2),
   * and with `roles` step 2 posted too (the client is at step 3, the summary).
   * Nothing is written before Save. */
  wizard?: { contract: string; person: Record<string, string>; roles?: Record<string, string> }
}

type UserColumn = keyof UsersTable

export interface HostileExpect {
  /** The exact status, or the statuses allowed. */
  status: number | number[]
  /** For a 3xx: the exact Location, or a pattern it must match. */
  location?: string | RegExp
  /** Catalog messages whose text (in `lang`) must be on the page. Required for 4xx. */
  messages?: MessageRef[]
  /** The page language (default 'en'). */
  lang?: 'en' | 'fr'
  /** A value the page shows back: its HTML-escaped form must be there, the raw form never. */
  echoed?: string
  /** Must appear in neither the body, nor the Location, nor a Set-Cookie. */
  absent?: string[]
  /** Raw HTML that must be in the body (e.g. a sanitized hidden field). */
  contains?: string[]
  /** The body must be the one this URL gets (same client), CSRF token and `back` field aside. */
  sameBodyAs?: string
  /** After the request, GET / shows the dashboard (true) or sends to the login page (false). */
  signedInAfter?: boolean
  /** After the request, the pages are in this language. */
  langAfter?: 'en' | 'fr'
  /** These columns of this user's row may change (a login attempt on an existing account counts). */
  userMayChange?: { login: string; columns: UserColumn[] }
  /** An accepted request: these tables may change. */
  mayWrite?: CheckedTable[]
  /** Must be in no row the request wrote or changed (checked tables). */
  notStored?: string[]
  /** After the request, the browser of `setup.otherSession` is still signed in (true) or not. */
  otherSignedInAfter?: boolean
}

export interface HostileCase {
  name: string
  request: HostileRequest
  expect: HostileExpect
  /** A known bug: the row asserts the correct behaviour and is reported as todo. */
  todo?: string
}

// ---------------------------------------------------------------- vectors

/** A login no account has: failed attempts on it write nothing. */
export const UNKNOWN_LOGIN = 'nobody.hostile'
/** Demo personas (password DEMO_PASSWORD). */
const EN_USER = 'chloe.bernard' // Hexagone, locale en, on OCB0000101..103
const FR_USER = 'alice.martin' // Hexagone, locale fr, referent of OCB0000101 and OCB0000102
/** Only in the row that (through a bug) writes its locale: keeps the others' personas clean. */
const OTHER_EN_USER = 'farid.haddad'
/** Signs in successfully in the redirect rows: its login times may change. */
const LOGIN_TARGET = 'julien.blanc'
/** Gets wrong passwords in the password rows: its failure counter may change. */
const PASSWORD_TARGET = 'laura.vidal'
const DEMO_PASSWORD = 'CloudDemo#2026'
/** Has two factors on (setup): second step, disable and recovery codes. A wrong code counts as a failed login. */
const TOTP_USER = 'gabriel.roux' // Lumière, locale en
/** Is enrolling two factors (setup): the confirm rows. */
const ENROLLING_USER = 'emma.leroy' // Lumière, locale en
/** Gets password links (setup); the one accepted reset sets DEMO_PASSWORD again. */
const RESET_USER = 'karine.lopez' // Hexagone, locale fr
/** The notification preferences rows. */
const PREFS_USER = 'helene.fabre' // Rivage, locale fr
/** Never gets a notification: "mark all as read" writes nothing for them. */
const QUIET_USER = 'david.moreau' // Hexagone, locale fr
/** Has two factors on and gets locked between the password and the code (setup). */
const LOCKED_TOTP_USER = 'sophie.durand' // staff, locale fr
/** Staff: no company, must keep two factors. */
const STAFF_USER = 'thomas.girard' // locale en
/** Only in the contact rows that (through a bug) write: keeps chloe.bernard's email clean. */
const CONTACT_BUG_USER = 'bruno.petit' // Hexagone, locale fr
/** A valid new password (the rule: src/lib/password-rules.ts). */
const NEW_PASSWORD = 'Hostile#Pass2026'

const LOGIN_COUNTERS: UserColumn[] = ['failed_login_count']
const LOGIN_TIMES: UserColumn[] = ['failed_login_count', 'locked_until', 'last_login_at']

/** Other-site destinations for `next` and `back`: each must end on a local path. */
export const OFFSITE: Array<[label: string, value: string]> = [
  ['a protocol-relative URL //host', '//evil.example'],
  ['an absolute https URL', 'https://evil.example/phish'],
  ['a backslash path /\\host (browsers read it as //host)', '/\\evil.example'],
  ['a javascript: URL', 'javascript:alert(1)'],
  ['a triple slash ///host', '///evil.example'],
  ['a tab inside /<TAB>/host (browsers drop tabs)', '/\t/evil.example'],
  ['a leading space before //host', ' //evil.example'],
  ['a userinfo trick https://portal@host', 'https://portal.example@evil.example'],
  ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
  ['a percent-encoded //host', '%2F%2Fevil.example'],
  ['CR LF header injection', '/\r\nSet-Cookie: hostile=1'],
]

export const SCRIPT_TEXT = '<script>alert(1)</script>'
export const ATTRIBUTE_BREAKOUT = '"><img src=x onerror=alert(1)>'
export const SQL_TEXT = "' OR 1=1 --"

/** A local path as it is kept for a redirect: spaces and non-ASCII percent-encoded. */
export function asLocation(path: string): string {
  return path.replace(/[^\x21-\x7E]+/gu, (run) => encodeURIComponent(run))
}
export const UNICODE_TEXT: Array<[label: string, value: string]> = [
  ['a right-to-left override', 'nobody\u202Etsoh'],
  ['an RTL mark', '\u200Fnobody\u200F'],
  ['emoji with a zero-width joiner', 'nobody\u{1F469}\u200D\u{1F4BB}'],
  ['combining characters', 'no\u0301bo\u0308dy\u0327'],
]

/** Over the 1 MB body limit. */
export const bigBody = (field: string) => `_csrf={csrf}&${field}=${'A'.repeat(2 * 1024 * 1024)}`
const FORM = 'application/x-www-form-urlencoded'
const JSON_TYPE = 'application/json'

const CSRF_REFUSALS: Array<[CsrfMode, string]> = [
  ['missing', 'without a CSRF token'],
  ['forged', 'with a forged CSRF token'],
  ['other-session', "with another session's CSRF token"],
  ['repeated', 'with its CSRF token sent twice'],
]

/** The four CSRF refusals of a form: 403, the localized "form expired" page, nothing written. */
function csrfCases(what: string, request: HostileRequest, expect: Partial<HostileExpect> = {}): HostileCase[] {
  return CSRF_REFUSALS.map(([csrf, how]): HostileCase => ({
    name: `${what} ${how} is refused with 403 and writes nothing`,
    request: { ...request, csrf },
    expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], ...expect },
  }))
}

const CSRF_PAGE: MessageRef[] = ['error.csrf.title', 'error.csrf.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const TOO_LARGE: MessageRef[] = ['error.413.title', 'error.413.body']
const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']

/** A raw 2 MB form body with `field`, posted as the row's client. */
const bigForm = (url: string, field: string) => ({ method: 'POST', url, body: { contentType: FORM, payload: bigBody(field) } }) as const
/** A raw JSON body (`{csrf}` is the client's token). */
const jsonBody = (url: string, payload: string) => ({ method: 'POST', url, body: { contentType: JSON_TYPE, payload } }) as const

/** The hidden `next` of the login form, sanitized to the home page. */
const NEXT_HOME = 'name="next" value="/"'

// ---------------------------------------------------------------- POST /login

const login = (form: Record<string, string | string[]>) =>
  ({ method: 'POST', url: '/login', form: { login: UNKNOWN_LOGIN, password: 'Wrong#Password1', ...form } }) as const
const refused = (echoed?: string): HostileExpect =>
  ({ status: 422, messages: ['login.error.invalid'], ...(echoed === undefined ? {} : { echoed }) })

export const loginCases: HostileCase[] = [
  // CSRF
  { name: 'POST /login without a CSRF token is refused with 403 and the localized "form expired" page',
    request: { ...login({}), csrf: 'missing' }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'] } },
  { name: 'POST /login without a CSRF token answers the "form expired" page in French for a French browser',
    request: { ...login({}), csrf: 'missing', acceptLanguage: 'fr-FR,fr;q=0.9' }, expect: { status: 403, lang: 'fr', messages: ['error.csrf.title', 'error.csrf.body'] } },
  { name: 'POST /login with a forged CSRF token is refused with 403',
    request: { ...login({}), csrf: 'forged' }, expect: { status: 403, messages: ['error.csrf.body'] } },
  { name: 'POST /login with the CSRF token of another session is refused with 403',
    request: { ...login({}), csrf: 'other-session' }, expect: { status: 403, messages: ['error.csrf.body'] } },
  { name: 'POST /login with its CSRF token sent twice is refused with 403',
    request: { ...login({}), csrf: 'repeated' }, expect: { status: 403, messages: ['error.csrf.body'] } },
  { name: 'POST /login with no session cookie at all is refused with 403',
    request: { ...login({}), csrf: 'missing', noSession: true }, expect: { status: 403, messages: ['error.csrf.body'] } },
  { name: 'POST /login with the right password but no CSRF token does not sign in',
    request: { ...login({ login: LOGIN_TARGET, password: DEMO_PASSWORD }), csrf: 'missing' },
    expect: { status: 403, messages: ['error.csrf.body'], signedInAfter: false } },

  // missing fields
  { name: 'POST /login without a login answers 422 "Enter your login"',
    request: { method: 'POST', url: '/login', form: { password: 'x' } }, expect: { status: 422, messages: ['login.error.login_required'] } },
  { name: 'POST /login without a password answers 422 "Enter your password" and keeps the login',
    request: { method: 'POST', url: '/login', form: { login: UNKNOWN_LOGIN } }, expect: { status: 422, messages: ['login.error.password_required'], echoed: UNKNOWN_LOGIN } },
  { name: 'POST /login with no field at all answers 422 with both messages, in French for a French browser',
    request: { method: 'POST', url: '/login', form: {}, acceptLanguage: 'fr' },
    expect: { status: 422, lang: 'fr', messages: ['login.error.login_required', 'login.error.password_required'] } },
  { name: 'POST /login with a login made only of spaces and control characters counts as no login',
    request: login({ login: ' \u0000\u0007\u001B \t' }), expect: { status: 422, messages: ['login.error.login_required'] } },

  // lengths
  { name: 'POST /login with a login over 64 characters is refused as incorrect, value kept',
    request: login({ login: `${'a'.repeat(65)}.hostile` }), expect: refused(`${'a'.repeat(65)}.hostile`) },
  { name: 'POST /login with a 500 kB login (under the body limit) is refused as incorrect',
    request: login({ login: 'b'.repeat(500_000) }), expect: { status: 422, messages: ['login.error.invalid'] } },
  { name: 'POST /login with a password over 128 characters is refused as incorrect',
    request: login({ password: 'p'.repeat(129) }), expect: refused(UNKNOWN_LOGIN) },
  { name: 'POST /login with a 500 kB password on an existing login is refused as incorrect and counted as a failure',
    request: login({ login: PASSWORD_TARGET, password: 'p'.repeat(500_000) }),
    expect: { ...refused(PASSWORD_TARGET), userMayChange: { login: PASSWORD_TARGET, columns: LOGIN_COUNTERS } } },
  { name: 'POST /login with a 2 MB body is refused with 413 and the localized "too much data" page',
    request: { method: 'POST', url: '/login', body: { contentType: FORM, payload: bigBody('login') } },
    expect: { status: 413, messages: ['error.413.title', 'error.413.body'] } },
  { name: 'POST /login with a 2 MB body answers the 413 page in French for a French browser',
    request: { method: 'POST', url: '/login', acceptLanguage: 'fr', body: { contentType: FORM, payload: bigBody('password') } },
    expect: { status: 413, lang: 'fr', messages: ['error.413.title', 'error.413.body'] } },

  // wrong types: repeated fields, JSON objects
  { name: 'POST /login with the login field sent twice is a 400, not a guess',
    request: login({ login: [UNKNOWN_LOGIN, 'other.hostile'] }), expect: { status: 400, messages: ['error.400.title', 'error.400.body'] } },
  { name: 'POST /login with the password sent twice (wrong, right) is a 400 before any check: no failure counted, not signed in',
    request: login({ login: PASSWORD_TARGET, password: ['Wrong#Password1', DEMO_PASSWORD] }),
    expect: { status: 400, messages: ['error.400.body'], signedInAfter: false } },
  { name: 'POST /login with next sent twice is a 400',
    request: login({ next: ['/', '//evil.example'] }), expect: { status: 400, messages: ['error.400.body'], absent: ['evil.example'] } },
  { name: 'POST /login with the 400 page in French for a French browser',
    request: { ...login({ login: ['a', 'b'] }), acceptLanguage: 'fr' }, expect: { status: 400, lang: 'fr', messages: ['error.400.title', 'error.400.body'] } },
  { name: 'POST /login with a JSON object as login ({"$ne": null}) is a 400',
    request: { method: 'POST', url: '/login', body: { contentType: 'application/json', payload: '{"_csrf":"{csrf}","login":{"$ne":null},"password":"x"}' } },
    expect: { status: 400, messages: ['error.400.body'] } },
  { name: 'POST /login with a JSON number as password is a 400',
    request: { method: 'POST', url: '/login', body: { contentType: 'application/json', payload: `{"_csrf":"{csrf}","login":"${UNKNOWN_LOGIN}","password":12345}` } },
    expect: { status: 400, messages: ['error.400.body'] } },
  { name: 'POST /login with a JSON array as login is a 400',
    request: { method: 'POST', url: '/login', body: { contentType: 'application/json', payload: `{"_csrf":"{csrf}","login":["${PASSWORD_TARGET}"],"password":"x"}` } },
    expect: { status: 400, messages: ['error.400.body'] } },
  { name: 'POST /login with malformed JSON is a 400 with the localized page',
    request: { method: 'POST', url: '/login', body: { contentType: 'application/json', payload: '{"login": ' } },
    expect: { status: 400, messages: ['error.400.title', 'error.400.body'] } },
  { name: 'POST /login with an unsupported content type is a 4xx with the localized "not understood" page',
    request: { method: 'POST', url: '/login', body: { contentType: 'application/xml', payload: '<login>x</login>' } },
    expect: { status: [400, 415], messages: ['error.400.title'] } },
  { name: 'POST /login with __proto__ and constructor fields ignores them',
    request: login({ ['__proto__']: 'x', constructor: 'y', 'login[]': 'z' }), expect: refused(UNKNOWN_LOGIN) },

  // control characters and NUL
  { name: 'POST /login with NUL and control characters in the login strips them and refuses as incorrect',
    request: login({ login: 'nobody\u0000.ho\u0008stile\u007F' }), expect: refused(UNKNOWN_LOGIN) },
  { name: 'POST /login with a NUL byte after the right password does not sign in',
    request: login({ login: PASSWORD_TARGET, password: `${DEMO_PASSWORD}\u0000` }),
    expect: { ...refused(PASSWORD_TARGET), signedInAfter: false, userMayChange: { login: PASSWORD_TARGET, columns: LOGIN_COUNTERS } } },

  // HTML and script: echoed escaped
  { name: 'POST /login echoes a <script> login escaped, never raw',
    request: login({ login: SCRIPT_TEXT }), expect: refused(SCRIPT_TEXT) },
  { name: 'POST /login echoes an attribute break-out login escaped inside value=""',
    request: login({ login: ATTRIBUTE_BREAKOUT }), expect: refused(ATTRIBUTE_BREAKOUT) },
  { name: 'POST /login echoes a <script> login escaped on the "Enter your password" page too',
    request: { method: 'POST', url: '/login', form: { login: SCRIPT_TEXT } }, expect: { status: 422, messages: ['login.error.password_required'], echoed: SCRIPT_TEXT } },
  { name: 'POST /login with a local next holding HTML keeps it escaped in the hidden field',
    request: login({ next: `/${ATTRIBUTE_BREAKOUT}` }), expect: refused(asLocation(`/${ATTRIBUTE_BREAKOUT}`)) },

  // SQL metacharacters
  { name: "POST /login with ' OR 1=1 -- as login is refused as incorrect and writes nothing",
    request: login({ login: SQL_TEXT }), expect: refused(SQL_TEXT) },
  { name: 'POST /login with a DROP TABLE login is refused and every table stays as it was',
    request: login({ login: "x'; DROP TABLE users; --", password: "'; DELETE FROM audit_log; --" }), expect: refused("x'; DROP TABLE users; --") },
  { name: "POST /login with ' OR '1'='1 as password of an existing login does not sign in",
    request: login({ login: PASSWORD_TARGET, password: "' OR '1'='1" }),
    expect: { ...refused(PASSWORD_TARGET), signedInAfter: false, userMayChange: { login: PASSWORD_TARGET, columns: LOGIN_COUNTERS } } },
  { name: 'POST /login with a LIKE wildcard login (laura%) matches no account',
    request: login({ login: 'laura%', password: DEMO_PASSWORD }), expect: { ...refused('laura%'), signedInAfter: false } },

  // unicode
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST /login with ${label} in the login is refused as incorrect, value kept`,
    request: login({ login: value }), expect: refused(value),
  })),
  { name: 'POST /login with a zero-width space inside an existing login does not sign in nor touch that account',
    request: login({ login: `${PASSWORD_TARGET.slice(0, 5)}\u200B${PASSWORD_TARGET.slice(5)}`, password: DEMO_PASSWORD }),
    expect: { status: 422, messages: ['login.error.invalid'], signedInAfter: false } },
  { name: 'POST /login with a fullwidth-letter look-alike of an existing login does not sign in',
    request: login({ login: 'ｌａｕｒａ.vidal', password: DEMO_PASSWORD }), expect: { ...refused('ｌａｕｒａ.vidal'), signedInAfter: false } },

  // open redirects through next, on a refused login: the form keeps a safe next
  ...OFFSITE.map(([label, value]): HostileCase => ({
    name: `POST /login refused: next set to ${label} is replaced by / in the form`,
    request: login({ next: value }),
    expect: { status: 422, messages: ['login.error.invalid'], contains: [NEXT_HOME], absent: ['evil.example', 'hostile=1'] },
  })),
  // ... and on a successful login: 303 to the home page
  ...OFFSITE.map(([label, value]): HostileCase => ({
    name: `POST /login signed in: next set to ${label} redirects to / (303)`,
    request: login({ login: LOGIN_TARGET, password: DEMO_PASSWORD, next: value }),
    expect: { status: 303, location: '/', absent: ['evil.example', 'hostile=1'], signedInAfter: true, userMayChange: { login: LOGIN_TARGET, columns: LOGIN_TIMES } },
  })),
  { name: 'POST /login signed in: a next over 2048 characters redirects to /',
    request: login({ login: LOGIN_TARGET, password: DEMO_PASSWORD, next: `/${'a'.repeat(2048)}` }),
    expect: { status: 303, location: '/', userMayChange: { login: LOGIN_TARGET, columns: LOGIN_TIMES } } },
  { name: 'POST /login signed in: a local next with an emoji redirects to a local, percent-encoded path',
    request: login({ login: LOGIN_TARGET, password: DEMO_PASSWORD, next: '/contracts/\u{1F600}' }),
    expect: { status: 303, location: /^\/(contracts\/%F0%9F%98%80)?$/, signedInAfter: true, userMayChange: { login: LOGIN_TARGET, columns: LOGIN_TIMES } } },
]

// ---------------------------------------------------------------- GET /login?next=

// The page's own URL is shown back in the language form's `back` field
// (percent-encoded, a local path), so `evil.example` may be on these pages:
// the runner checks that no link, form action, `next` or `back` leaves the site.
export const loginPageCases: HostileCase[] = [
  ...OFFSITE.map(([label, value]): HostileCase => ({
    name: `GET /login?next= set to ${label} shows the form with next=/`,
    request: { method: 'GET', url: `/login?next=${encodeURIComponent(value)}` },
    expect: { status: 200, messages: ['login.title'], contains: [NEXT_HOME] },
  })),
  ...([
    ['double-encoded //host', '%252F%252Fevil.example'],
    ['encoded /\\host', '%2F%5Cevil.example'],
    ['encoded tab /%09/host', '%2F%09%2Fevil.example'],
    ['a newline inside javascript:', 'java%0Ascript%3Aalert(1)'],
    ['an unencoded //host', '//evil.example'],
    ['a NUL byte', '%2F%00%2F%2Fevil.example'],
    ['an invalid percent-encoding', '%E0%A4%A%2F%2Fevil.example'],
  ] as const).map(([label, raw]): HostileCase => ({
    name: `GET /login?next= with ${label} shows the form with next=/`,
    request: { method: 'GET', url: `/login?next=${raw}` },
    expect: { status: 200, messages: ['login.title'], contains: [NEXT_HOME] },
  })),
  { name: 'GET /login?next= repeated (a=1&a=2) falls back to next=/',
    request: { method: 'GET', url: '/login?next=%2Fcontracts&next=%2F%2Fevil.example' },
    expect: { status: 200, messages: ['login.title'], contains: [NEXT_HOME] } },
  { name: 'GET /login?next= over 2048 characters falls back to next=/',
    request: { method: 'GET', url: `/login?next=%2F${'a'.repeat(3000)}` }, expect: { status: 200, messages: ['login.title'], contains: [NEXT_HOME] } },
  { name: 'GET /login?next= with a local path holding HTML keeps it escaped in the hidden field',
    request: { method: 'GET', url: `/login?next=${encodeURIComponent(`/${SCRIPT_TEXT}${ATTRIBUTE_BREAKOUT}`)}` },
    expect: { status: 200, messages: ['login.title'], echoed: asLocation(`/${SCRIPT_TEXT}${ATTRIBUTE_BREAKOUT}`) } },
  { name: 'GET /login?next= with SQL metacharacters is kept as a plain local path, escaped',
    request: { method: 'GET', url: `/login?next=${encodeURIComponent(`/${SQL_TEXT}`)}` },
    expect: { status: 200, messages: ['login.title'], echoed: asLocation(`/${SQL_TEXT}`) } },
  { name: 'GET /login?next=//host for a French browser shows the French form with next=/',
    request: { method: 'GET', url: '/login?next=%2F%2Fevil.example', acceptLanguage: 'fr' },
    expect: { status: 200, lang: 'fr', messages: ['login.title', 'login.intro'], contains: [NEXT_HOME] } },
  { name: 'GET /login?next=//host when already signed in redirects to / (302)',
    request: { method: 'GET', url: '/login?next=%2F%2Fevil.example', as: EN_USER }, expect: { status: 302, location: '/' } },
]

// ---------------------------------------------------------------- POST /lang

const lang = (form: Record<string, string | string[]>) => ({ method: 'POST', url: '/lang', form: { lang: 'fr', back: '/login', ...form } }) as const

export const langCases: HostileCase[] = [
  { name: 'POST /lang without a CSRF token is refused with 403 and the language is not switched',
    request: { ...lang({}), csrf: 'missing' }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], langAfter: 'en' } },
  { name: 'POST /lang with a forged CSRF token is refused with 403',
    request: { ...lang({}), csrf: 'forged' }, expect: { status: 403, messages: ['error.csrf.body'], langAfter: 'en' } },
  { name: 'POST /lang with another session\'s CSRF token is refused with 403 and the user\'s language is not written',
    request: { ...lang({ lang: 'fr' }), csrf: 'other-session', as: EN_USER }, expect: { status: 403, messages: ['error.csrf.body'], langAfter: 'en' } },
  { name: 'POST /lang with its CSRF token sent twice is refused with 403',
    request: { ...lang({}), csrf: 'repeated' }, expect: { status: 403, messages: ['error.csrf.body'], langAfter: 'en' } },
  { name: 'POST /lang without a CSRF token answers in French for a French user',
    request: { ...lang({ lang: 'en' }), csrf: 'missing', as: FR_USER }, expect: { status: 403, lang: 'fr', messages: ['error.csrf.title', 'error.csrf.body'], langAfter: 'fr' } },
  { name: 'POST /lang with no session cookie at all is refused with 403',
    request: { ...lang({}), csrf: 'missing', noSession: true }, expect: { status: 403, messages: ['error.csrf.body'] } },

  // missing, unknown, long, typed values: the language stays, the redirect is local
  { name: 'POST /lang without lang keeps the current language (303 back)',
    request: { method: 'POST', url: '/lang', form: { back: '/login' } }, expect: { status: 303, location: '/login', langAfter: 'en' } },
  { name: 'POST /lang without back redirects to /',
    request: { method: 'POST', url: '/lang', form: { lang: 'en' } }, expect: { status: 303, location: '/', langAfter: 'en' } },
  { name: 'POST /lang with an unknown language (de) keeps the current one and writes nothing for a signed-in user',
    request: { ...lang({ lang: 'de', back: '/' }), as: EN_USER }, expect: { status: 303, location: '/', langAfter: 'en' } },
  { name: 'POST /lang with an uppercase FR is not a known language',
    request: lang({ lang: 'FR' }), expect: { status: 303, location: '/login', langAfter: 'en' } },
  { name: 'POST /lang with a <script> language is ignored',
    request: lang({ lang: SCRIPT_TEXT }), expect: { status: 303, location: '/login', langAfter: 'en' } },
  { name: 'POST /lang with SQL metacharacters as language is ignored',
    request: { ...lang({ lang: `fr${SQL_TEXT}` }), as: EN_USER }, expect: { status: 303, location: '/login', langAfter: 'en' } },
  { name: 'POST /lang with a NUL byte after fr is not a known language',
    request: lang({ lang: 'fr\u0000' }), expect: { status: 303, location: '/login', langAfter: 'en' } },
  { name: 'POST /lang with a 100 kB language is ignored',
    request: lang({ lang: 'f'.repeat(100_000) }), expect: { status: 303, location: '/login', langAfter: 'en' } },
  { name: 'POST /lang with lang sent twice is a 400 and switches nothing',
    request: { ...lang({ lang: ['fr', 'en'] }), as: EN_USER }, expect: { status: 400, messages: ['error.400.body'], langAfter: 'en' } },
  { name: 'POST /lang with back sent twice is a 400 and switches nothing',
    request: lang({ back: ['/login', '//evil.example'] }), expect: { status: 400, messages: ['error.400.body'], absent: ['evil.example'], langAfter: 'en' } },
  { name: 'POST /lang with back sent twice is a 400 and does not write the signed-in user\'s language',
    request: { ...lang({ lang: 'fr', back: ['/', '/'] }), as: OTHER_EN_USER }, expect: { status: 400, messages: ['error.400.body'], langAfter: 'en' } },
  { name: 'POST /lang with a JSON array as lang is a 400',
    request: { method: 'POST', url: '/lang', body: { contentType: 'application/json', payload: '{"_csrf":"{csrf}","lang":["fr"],"back":"/login"}' } },
    expect: { status: 400, messages: ['error.400.body'], langAfter: 'en' } },
  { name: 'POST /lang with a 2 MB body is refused with 413',
    request: { method: 'POST', url: '/lang', body: { contentType: FORM, payload: bigBody('back') } }, expect: { status: 413, messages: ['error.413.body'], langAfter: 'en' } },
  { name: 'POST /lang with a 2 MB body answers the 413 page in French for a French user',
    request: { method: 'POST', url: '/lang', as: FR_USER, body: { contentType: FORM, payload: bigBody('lang') } }, expect: { status: 413, lang: 'fr', messages: ['error.413.title', 'error.413.body'] } },

  // open redirects through back
  ...OFFSITE.map(([label, value]): HostileCase => ({
    name: `POST /lang with back set to ${label} redirects to /`,
    request: lang({ back: value }), expect: { status: 303, location: '/', absent: ['evil.example', 'hostile=1'], langAfter: 'fr' },
  })),
  { name: 'POST /lang with a NUL byte in back redirects to /',
    request: lang({ back: '/login\u0000//evil.example' }), expect: { status: 303, location: '/', absent: ['evil.example'] } },
  { name: 'POST /lang with SQL metacharacters and spaces in a local back redirects to a valid, percent-encoded local path',
    request: lang({ lang: 'zz', back: `/login?q=${SQL_TEXT}` }), expect: { status: 303, location: /^\/(login\?q=('|%27)%20OR%201=1%20--)?$/ } },
  { name: 'POST /lang with a back over 2048 characters redirects to /',
    request: lang({ back: `/${'b'.repeat(2100)}` }), expect: { status: 303, location: '/' } },
  { name: 'POST /lang with a local back holding encoded HTML stays that local redirect',
    request: lang({ back: `/contracts/${encodeURIComponent(SCRIPT_TEXT)}` }), expect: { status: 303, location: `/contracts/${encodeURIComponent(SCRIPT_TEXT)}` } },
  { name: 'POST /lang with a local back holding an emoji redirects to a local, percent-encoded path (language kept)',
    request: lang({ lang: 'zz', back: '/login?x=\u{1F600}' }), expect: { status: 303, location: /^\/(login\?x=%F0%9F%98%80)?$/, langAfter: 'en' } },
  { name: 'POST /lang with a local back holding an emoji redirects to a local, percent-encoded path (language switched)',
    request: lang({ lang: 'fr', back: '/login?x=\u{1F600}' }), expect: { status: 303, location: /^\/(login\?x=%F0%9F%98%80)?$/, langAfter: 'fr' } },
  { name: 'POST /lang with a local back holding an RTL mark and combining accent redirects to a local, percent-encoded path',
    request: lang({ lang: 'zz', back: '/login?q=\u200Fe\u0301' }), expect: { status: 303, location: /^\/(login\?q=%E2%80%8Fe%CC%81)?$/ } },
  { name: 'POST /lang with a local back holding a Latin-1 letter (é) redirects with an ASCII, percent-encoded Location',
    request: lang({ lang: 'zz', back: '/login?q=caf\u00e9' }), expect: { status: 303, location: /^\/(login\?q=caf%C3%A9)?$/ } },
]

// ---------------------------------------------------------------- POST /logout

export const logoutCases: HostileCase[] = [
  { name: 'POST /logout without a CSRF token is refused with 403 and the user stays signed in',
    request: { method: 'POST', url: '/logout', form: {}, csrf: 'missing', as: EN_USER }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true } },
  { name: 'POST /logout without a CSRF token answers in French for a French user, who stays signed in',
    request: { method: 'POST', url: '/logout', form: {}, csrf: 'missing', as: FR_USER }, expect: { status: 403, lang: 'fr', messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true } },
  { name: 'POST /logout with a forged CSRF token is refused with 403 and the user stays signed in',
    request: { method: 'POST', url: '/logout', form: {}, csrf: 'forged', as: EN_USER }, expect: { status: 403, messages: ['error.csrf.body'], signedInAfter: true } },
  { name: 'POST /logout with another session\'s CSRF token (cross-site logout) is refused with 403',
    request: { method: 'POST', url: '/logout', form: {}, csrf: 'other-session', as: EN_USER }, expect: { status: 403, messages: ['error.csrf.body'], signedInAfter: true } },
  { name: 'POST /logout with its CSRF token sent twice is refused with 403',
    request: { method: 'POST', url: '/logout', form: {}, csrf: 'repeated', as: EN_USER }, expect: { status: 403, messages: ['error.csrf.body'], signedInAfter: true } },
  { name: 'POST /logout with no session cookie at all is refused with 403',
    request: { method: 'POST', url: '/logout', form: {}, csrf: 'missing', noSession: true }, expect: { status: 403, messages: ['error.csrf.body'] } },
  { name: 'POST /logout with a 2 MB body is refused with 413 and the user stays signed in',
    request: { method: 'POST', url: '/logout', as: EN_USER, body: { contentType: FORM, payload: bigBody('x') } }, expect: { status: 413, messages: ['error.413.body'], signedInAfter: true } },
  { name: 'POST /logout ignores a next or back field: always 303 to /login',
    request: { method: 'POST', url: '/logout', form: { next: '//evil.example', back: 'https://evil.example' }, as: EN_USER },
    expect: { status: 303, location: '/login', absent: ['evil.example'], signedInAfter: false } },
]

// ---------------------------------------------------------------- GET /contracts/:code

const contract = (code: string, as = EN_USER) => ({ method: 'GET', url: `/contracts/${code}`, as }) as const
const notFound = (lang: 'en' | 'fr' = 'en'): HostileExpect =>
  ({ status: 404, lang, messages: ['error.404.title', 'error.404.body'], sameBodyAs: '/contracts/OCB9999999' })

export const contractCases: HostileCase[] = [
  { name: 'GET /contracts/:code with an unknown code is a 404 with the localized page',
    request: contract('OCB9999999'), expect: { status: 404, messages: ['error.404.title', 'error.404.body'] } },
  { name: 'GET /contracts/:code of another company (alice.martin asks OCB0000301) is a 404, same page as an unknown code',
    request: contract('OCB0000301', FR_USER), expect: notFound('fr') },
  { name: 'GET /contracts/:code of another company (chloe.bernard asks OCB0000201) is a 404, same page as an unknown code',
    request: contract('OCB0000201'), expect: notFound() },
  { name: 'GET /contracts/:code of the own company that the user holds no role on is a 404, same page as an unknown code',
    request: contract('OCB0000103', FR_USER), expect: notFound('fr') },
  { name: 'GET /contracts/:code: ?contract= of an own contract does not open another company\'s code in the path',
    request: contract('OCB0000301?contract=OCB0000101'), expect: notFound() },
  { name: 'GET /contracts/:code with path traversal (..%2F..%2Fetc%2Fpasswd) is a 404',
    request: contract('..%2F..%2Fetc%2Fpasswd'), expect: { ...notFound(), absent: ['root:'] } },
  { name: 'GET /contracts/:code with encoded dots (%2e%2e%2f) is a 404',
    request: contract('%2e%2e%2f%2e%2e%2fpackage.json'), expect: { ...notFound(), absent: ['cloud-customer-space', 'allowScripts'] } },
  { name: 'GET /contracts/:code with a code followed by a NUL byte is a 404',
    request: contract('OCB0000101%00'), expect: notFound() },
  { name: 'GET /contracts/:code with CR LF in the code is a 404 and sets no header',
    request: contract('OCB0000101%0D%0ASet-Cookie:%20hostile=1'), expect: notFound() },
  { name: "GET /contracts/:code with ' OR 1=1 -- is a 404",
    request: contract(encodeURIComponent(`OCB0000301${SQL_TEXT}`)), expect: notFound() },
  { name: 'GET /contracts/:code with a UNION SELECT is a 404',
    request: contract(encodeURIComponent("x' UNION SELECT * FROM users --")), expect: notFound() },
  { name: 'GET /contracts/:code with a LIKE _ wildcard (OCB000030_) is a 404',
    request: contract('OCB000030_'), expect: notFound() },
  { name: 'GET /contracts/:code with a % wildcard is a 404',
    request: contract('OCB%25'), expect: notFound() },
  { name: 'GET /contracts/:code with <script> in the code is a 404 with nothing raw on the page',
    request: contract(encodeURIComponent(SCRIPT_TEXT)), expect: notFound() },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `GET /contracts/:code with ${label} is a 404`,
    request: contract(encodeURIComponent(`OCB0000101${value}`)), expect: notFound(),
  })),
  { name: 'GET /contracts/:code with a 40-character code is a 404',
    request: contract(`OCB${'0'.repeat(37)}`), expect: notFound() },
  { name: 'GET /contracts/:code with a 120-character code is a 404 with the localized page',
    request: contract(`OCB${'1'.repeat(117)}`), expect: { status: 404, messages: ['error.404.title', 'error.404.body'] } },
  { name: 'GET /contracts/:code with an invalid percent-encoding is a 400 with the localized page',
    request: contract('OCB%E0%A4%A'), expect: { status: 400, messages: ['error.400.title', 'error.400.body'] } },
  { name: 'GET /contracts/:code with a hostile code, anonymous, only redirects to the login page with next encoded',
    request: { method: 'GET', url: `/contracts/${encodeURIComponent(`${SCRIPT_TEXT}//evil.example`)}` },
    expect: { status: 302, location: /^\/login\?next=%2Fcontracts%2F[A-Za-z0-9%._~!*'()-]*$/ } },
]

// ---------------------------------------------------------------- GET /public/…

export const publicCases: HostileCase[] = [
  ...([
    ['..%2F..%2Fpackage.json', 'encoded ../'],
    ['../package.json', 'plain ../'],
    ['%2e%2e/%2e%2e/package.json', 'encoded dots'],
    ['css/..%2F..%2F..%2Fpackage.json', '../ below a real folder'],
    ['css/..%2F..%2Fsrc%2Fconfig.ts', '../ toward the sources'],
  ] as const).map(([path, label]): HostileCase => ({
    name: `GET /public/ with ${label} (${path}) is a 404 and serves nothing outside public/`,
    request: { method: 'GET', url: `/public/${path}` },
    expect: { status: 404, messages: ['error.404.title', 'error.404.body'], absent: ['cloud-customer-space', 'allowScripts', 'sessionSecret'] },
  })),
  { name: 'GET /public/ with encoded backslashes (..%5C..%5Cpackage.json) is a localized 404',
    request: { method: 'GET', url: '/public/..%5C..%5Cpackage.json' },
    expect: { status: 404, messages: ['error.404.title', 'error.404.body'], absent: ['<p>undefined</p>', 'cloud-customer-space', 'allowScripts'] } },
  { name: 'GET /public/ with a NUL byte in the path is a localized 404',
    request: { method: 'GET', url: '/public/css%00/portal.css' },
    expect: { status: 404, messages: ['error.404.title', 'error.404.body'], absent: ['<p>undefined</p>'] } },
]

// ---------------------------------------------------------------- GET /?lang=

const home = (query: string, as = EN_USER) => ({ method: 'GET', url: `/?${query}`, as }) as const
const homeIn = (lang: 'en' | 'fr'): HostileExpect => ({ status: 200, lang, messages: ['dashboard.title'], langAfter: lang })

// An unknown ?lang= is harmless: it is ignored, the page comes in the current
// language and the user's locale is not written (lang.routes.ts: "no error for
// a harmless mistake").
export const homeLangCases: HostileCase[] = [
  { name: 'GET /?lang=de (unknown) keeps the current language and writes nothing',
    request: home('lang=de'), expect: homeIn('en') },
  { name: 'GET /?lang=de keeps French for a French user',
    request: home('lang=de', FR_USER), expect: homeIn('fr') },
  { name: 'GET /?lang= repeated (lang=fr&lang=en) is ignored, not guessed',
    request: home('lang=fr&lang=en'), expect: homeIn('en') },
  { name: 'GET /?lang= repeated (lang=en&lang=fr) is ignored for a French user too',
    request: home('lang=en&lang=fr', FR_USER), expect: homeIn('fr') },
  { name: 'GET /?lang=FR (uppercase) is not a known language',
    request: home('lang=FR'), expect: homeIn('en') },
  { name: 'GET /?lang= empty is ignored',
    request: home('lang='), expect: homeIn('en') },
  { name: 'GET /?lang=fr%00 (NUL byte) is ignored',
    request: home('lang=fr%00'), expect: homeIn('en') },
  { name: 'GET /?lang=<script> is ignored and shown back only escaped',
    request: home(`lang=${encodeURIComponent(SCRIPT_TEXT)}`), expect: homeIn('en') },
  { name: "GET /?lang=' OR 1=1 -- is ignored",
    request: home(`lang=${encodeURIComponent(SQL_TEXT)}`), expect: homeIn('en') },
  { name: 'GET /?lang= with an invalid percent-encoding is ignored',
    request: home('lang=%E0%A4%A'), expect: homeIn('en') },
  { name: 'GET /?lang= with an emoji is ignored',
    request: home(`lang=${encodeURIComponent('fr\u{1F600}')}`), expect: homeIn('en') },
  { name: 'GET /?lang[]=fr is not the lang parameter',
    request: home('lang%5B%5D=fr'), expect: homeIn('en') },
  { name: 'GET /?lang= of 10 kB is ignored',
    request: home(`lang=${'x'.repeat(10_000)}`), expect: homeIn('en') },
  { name: 'GET /?lang=<script>, anonymous, redirects to the login page with next encoded',
    request: { method: 'GET', url: `/?lang=${encodeURIComponent(SCRIPT_TEXT)}` },
    expect: { status: 302, location: '/login?next=%2F%3Flang%3D%253Cscript%253Ealert(1)%253C%252Fscript%253E' } },
]

// ---------------------------------------------------------------- POST /login/2fa

const TOTP_ON: HostileSetup = { totp: { login: TOTP_USER, state: 'on' } }
/** Two factors on, and the client between the password and the code. */
const pendingCode = (next?: string): HostileSetup =>
  ({ ...TOTP_ON, pendingSecondFactor: { login: TOTP_USER, ...(next === undefined ? {} : { next }) } })
const secondStep = (form: Record<string, string | string[]>, setup: HostileSetup = pendingCode()): HostileRequest =>
  ({ method: 'POST', url: '/login/2fa', form, setup })
/** A wrong code is a failed login of the user (its counter may change), and the code page again. */
const wrongCode: HostileExpect = {
  status: 422, messages: ['login2fa.error.code_wrong'], signedInAfter: false, userMayChange: { login: TOTP_USER, columns: LOGIN_COUNTERS },
}
const SIGNED_IN_WITH_CODE: UserColumn[] = ['failed_login_count', 'locked_until', 'last_login_at', 'totp_last_step']

export const login2faCases: HostileCase[] = [
  // CSRF: a valid code without a valid token signs nobody in and spends nothing
  ...csrfCases('POST /login/2fa with a valid code', secondStep({ code: '{totp}' }), { signedInAfter: false }),
  { name: 'POST /login/2fa without a CSRF token answers the "form expired" page in French for a French browser',
    request: { ...secondStep({ code: '{totp}' }), csrf: 'missing', acceptLanguage: 'fr-FR,fr;q=0.9' },
    expect: { status: 403, lang: 'fr', messages: CSRF_PAGE, signedInAfter: false } },
  { name: 'POST /login/2fa with a valid recovery code but no CSRF token is refused with 403 and does not spend the code',
    request: { ...secondStep({ code: '{recovery}' }), csrf: 'missing' }, expect: { status: 403, messages: CSRF_PAGE, signedInAfter: false } },
  { name: 'POST /login/2fa with no session cookie at all is refused with 403',
    request: { method: 'POST', url: '/login/2fa', form: { code: '123456' }, csrf: 'missing', noSession: true }, expect: { status: 403, messages: ['error.csrf.body'] } },

  // no password step, or nothing typed
  { name: 'POST /login/2fa without a password step first sends to the login page and writes nothing',
    request: { method: 'POST', url: '/login/2fa', form: { code: '123456' } }, expect: { status: 303, location: '/login', signedInAfter: false } },
  { name: 'POST /login/2fa without a code answers 422 "Enter the code" and counts no failure',
    request: secondStep({}), expect: { status: 422, messages: ['login2fa.error.code_required'], signedInAfter: false } },
  { name: 'POST /login/2fa with a code made of spaces and tabs counts as no code',
    request: secondStep({ code: '  \t  ' }), expect: { status: 422, messages: ['login2fa.error.code_required'], signedInAfter: false } },
  { name: 'POST /login/2fa with a code made of NUL and control characters is refused and does not sign in',
    request: secondStep({ code: '\u0000\u0007\u001B' }), expect: wrongCode },

  // lengths
  { name: 'POST /login/2fa with a 500 kB code is refused as not valid',
    request: secondStep({ code: '1'.repeat(500_000) }), expect: wrongCode },
  { name: 'POST /login/2fa with the valid code followed by 100 digits is refused',
    request: secondStep({ code: `{totp}${'0'.repeat(100)}` }), expect: wrongCode },
  { name: 'POST /login/2fa with a 2 MB body is refused with 413 and does not sign in',
    request: { ...bigForm('/login/2fa', 'code'), setup: pendingCode() }, expect: { status: 413, messages: TOO_LARGE, signedInAfter: false } },

  // wrong types
  { name: 'POST /login/2fa with the code sent twice (wrong, valid) is a 400 before any check: no failure counted, not signed in',
    request: secondStep({ code: ['000000', '{totp}'] }), expect: { status: 400, messages: BAD_REQUEST, signedInAfter: false } },
  { name: 'POST /login/2fa with the valid code sent twice is a 400 and does not sign in',
    request: secondStep({ code: ['{totp}', '{totp}'] }), expect: { status: 400, messages: BAD_REQUEST, signedInAfter: false } },
  { name: 'POST /login/2fa with a JSON number as code is a 400',
    request: { ...jsonBody('/login/2fa', '{"_csrf":"{csrf}","code":123456}'), setup: pendingCode() }, expect: { status: 400, messages: BAD_REQUEST, signedInAfter: false } },
  { name: 'POST /login/2fa with a JSON array holding the valid code is a 400 and does not sign in',
    request: { ...jsonBody('/login/2fa', '{"_csrf":"{csrf}","code":["{totp}"]}'), setup: pendingCode() }, expect: { status: 400, messages: BAD_REQUEST, signedInAfter: false } },

  // control characters
  { name: 'POST /login/2fa with a NUL byte after the valid code does not sign in',
    request: secondStep({ code: '{totp}\u0000' }), expect: wrongCode },
  { name: 'POST /login/2fa with a NUL byte after a valid recovery code does not sign in nor spend the code',
    request: secondStep({ code: '{recovery}\u0000' }), expect: wrongCode },

  // HTML, SQL: refused, never shown back
  { name: 'POST /login/2fa with a <script> code is refused and not shown back',
    request: secondStep({ code: SCRIPT_TEXT }), expect: { ...wrongCode, absent: ['alert(1)'] } },
  { name: 'POST /login/2fa with an attribute break-out code is refused and not shown back',
    request: secondStep({ code: ATTRIBUTE_BREAKOUT }), expect: { ...wrongCode, absent: ['onerror'] } },
  { name: "POST /login/2fa with ' OR 1=1 -- as code is refused",
    request: secondStep({ code: SQL_TEXT }), expect: wrongCode },
  { name: 'POST /login/2fa with a made-up recovery code (abcde-fghjk) is refused',
    request: secondStep({ code: 'abcde-fghjk' }), expect: wrongCode },

  // unicode
  { name: 'POST /login/2fa with fullwidth digits (１２３４５６) is refused',
    request: secondStep({ code: '１２３４５６' }), expect: wrongCode },
  { name: 'POST /login/2fa with Arabic-Indic digits (٠١٢٣٤٥) is refused',
    request: secondStep({ code: '٠١٢٣٤٥' }), expect: wrongCode },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST /login/2fa with ${label} as code is refused`,
    request: secondStep({ code: value }), expect: wrongCode,
  })),

  // an account locked between the two steps stays locked
  { name: 'POST /login/2fa with a valid code for an account locked after the password step does not sign in',
    request: {
      method: 'POST', url: '/login/2fa', form: { code: '{totp}' },
      setup: { totp: { login: LOCKED_TOTP_USER, state: 'on' }, pendingSecondFactor: { login: LOCKED_TOTP_USER }, lock: LOCKED_TOTP_USER },
    },
    expect: {
      status: [303, 422], location: '/login', messages: ['login2fa.title'], signedInAfter: false,
      userMayChange: { login: LOCKED_TOTP_USER, columns: ['failed_login_count'] },
    } },

  // open redirects: the `next` given with the password is where the code leads
  ...OFFSITE.map(([label, value]): HostileCase => ({
    name: `POST /login/2fa with the valid code, next set to ${label} at the password step, redirects to / (303)`,
    request: secondStep({ code: '{totp}' }, pendingCode(value)),
    expect: { status: 303, location: '/', absent: ['evil.example', 'hostile=1'], signedInAfter: true, userMayChange: { login: TOTP_USER, columns: SIGNED_IN_WITH_CODE } },
  })),
  { name: 'POST /login/2fa with the valid code, a next holding an emoji at the password step, redirects to a local, percent-encoded path',
    request: secondStep({ code: '{totp}' }, pendingCode('/contracts/\u{1F600}')),
    expect: { status: 303, location: /^\/(contracts\/%F0%9F%98%80)?$/, signedInAfter: true, userMayChange: { login: TOTP_USER, columns: SIGNED_IN_WITH_CODE } } },
  { name: 'POST /login/2fa ignores a next field of its own: the next of the password step wins',
    request: secondStep({ code: '{totp}', next: '//evil.example' }, pendingCode('/account')),
    expect: { status: 303, location: '/account', absent: ['evil.example'], signedInAfter: true, userMayChange: { login: TOTP_USER, columns: SIGNED_IN_WITH_CODE } } },

  // the page itself
  { name: 'GET /login/2fa without a password step redirects to the login page',
    request: { method: 'GET', url: '/login/2fa' }, expect: { status: 302, location: '/login' } },
  { name: 'GET /login/2fa?next=//evil.example shows the code form, nothing leads off the site',
    request: { method: 'GET', url: '/login/2fa?next=%2F%2Fevil.example', setup: pendingCode() }, expect: { status: 200, messages: ['login2fa.title', 'login2fa.intro'] } },
]

// ---------------------------------------------------------------- POST /password/forgot

const forgot = (form: Record<string, string | string[]>): HostileRequest =>
  ({ method: 'POST', url: '/password/forgot', form: { identifier: UNKNOWN_LOGIN, ...form } })
/** The same answer whether or not an account matches; nothing but a rate counter is written for no match. */
const SENT: HostileExpect = { status: 303, location: '/password/forgot/sent' }
const identifierRequired = (echoed?: string): HostileExpect =>
  ({ status: 422, messages: ['forgot.error.identifier_required'], ...(echoed === undefined ? {} : { echoed }) })
const EN_USER_EMAIL = `${EN_USER}@hexagone.example`
const TOO_LONG_IDENTIFIER = `${'a'.repeat(250)}@hexagone.example`

export const forgotCases: HostileCase[] = [
  // CSRF: no link is made, no email queued
  ...csrfCases('POST /password/forgot for an existing login', forgot({ identifier: EN_USER })),
  { name: 'POST /password/forgot without a CSRF token answers the "form expired" page in French for a French browser',
    request: { ...forgot({ identifier: EN_USER_EMAIL }), csrf: 'missing', acceptLanguage: 'fr' }, expect: { status: 403, lang: 'fr', messages: CSRF_PAGE } },
  { name: 'POST /password/forgot with no session cookie at all is refused with 403',
    request: { ...forgot({ identifier: EN_USER }), csrf: 'missing', noSession: true }, expect: { status: 403, messages: ['error.csrf.body'] } },

  // missing and empty
  { name: 'POST /password/forgot without an identifier answers 422 "Enter your login or your email address"',
    request: { method: 'POST', url: '/password/forgot', form: {} }, expect: identifierRequired() },
  { name: 'POST /password/forgot without an identifier answers in French for a French browser',
    request: { method: 'POST', url: '/password/forgot', form: {}, acceptLanguage: 'fr' }, expect: { ...identifierRequired(), lang: 'fr' } },
  { name: 'POST /password/forgot with an identifier made only of spaces and control characters counts as none',
    request: forgot({ identifier: ' \u0000\u0007\u001B \t' }), expect: identifierRequired() },

  // lengths
  { name: 'POST /password/forgot with an identifier over 254 characters is refused, value kept',
    request: forgot({ identifier: TOO_LONG_IDENTIFIER }), expect: identifierRequired(TOO_LONG_IDENTIFIER) },
  { name: 'POST /password/forgot with a 500 kB identifier is refused with 422',
    request: forgot({ identifier: 'b'.repeat(500_000) }), expect: identifierRequired() },
  { name: 'POST /password/forgot with a 2 MB body is refused with 413 and the localized page',
    request: bigForm('/password/forgot', 'identifier'), expect: { status: 413, messages: TOO_LARGE } },
  { name: 'POST /password/forgot with a 2 MB body answers the 413 page in French for a French browser',
    request: { ...bigForm('/password/forgot', 'identifier'), acceptLanguage: 'fr' }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE } },

  // wrong types
  { name: 'POST /password/forgot with the identifier sent twice (unknown, existing) is a 400 and sends nothing',
    request: forgot({ identifier: [UNKNOWN_LOGIN, EN_USER] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /password/forgot with an existing identifier sent twice is a 400 and sends nothing',
    request: forgot({ identifier: [EN_USER, EN_USER] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /password/forgot with a JSON object as identifier ({"$ne": null}) is a 400',
    request: jsonBody('/password/forgot', '{"_csrf":"{csrf}","identifier":{"$ne":null}}'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /password/forgot with a JSON array holding an existing login is a 400 and sends nothing',
    request: jsonBody('/password/forgot', `{"_csrf":"{csrf}","identifier":["${EN_USER}"]}`), expect: { status: 400, messages: BAD_REQUEST } },

  // control characters
  { name: 'POST /password/forgot with NUL and control characters in an unknown identifier answers as usual and sends nothing',
    request: forgot({ identifier: 'nobody\u0000.ho\u0008stile\u007F' }), expect: SENT },

  // HTML and script: not an account; echoed escaped when the form comes back
  { name: 'POST /password/forgot with a <script> identifier answers as usual and sends nothing',
    request: forgot({ identifier: SCRIPT_TEXT }), expect: SENT },
  { name: 'POST /password/forgot echoes an over-long <script> identifier escaped, never raw',
    request: forgot({ identifier: `${SCRIPT_TEXT}${'x'.repeat(260)}` }), expect: identifierRequired(`${SCRIPT_TEXT}${'x'.repeat(260)}`) },
  { name: 'POST /password/forgot echoes an over-long attribute break-out identifier escaped inside value=""',
    request: forgot({ identifier: `${ATTRIBUTE_BREAKOUT}${'x'.repeat(260)}` }), expect: identifierRequired(`${ATTRIBUTE_BREAKOUT}${'x'.repeat(260)}`) },

  // SQL metacharacters: no account matches, no link for anybody
  ...([
    ["' OR 1=1 --", SQL_TEXT],
    ["x' OR '1'='1", "x' OR '1'='1"],
    ['a UNION SELECT', "' UNION SELECT email FROM users --"],
    ['a DELETE statement', "'; DELETE FROM password_tokens; --"],
    ['an existing email followed by a quote and a comment', `${EN_USER_EMAIL}' --`],
    ['a LIKE % wildcard after a real login prefix (chloe%)', 'chloe%'],
    ['a lone % wildcard', '%'],
    ['a LIKE _ wildcard in place of the dot (chloe_bernard)', 'chloe_bernard'],
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /password/forgot with ${label} as identifier answers as usual and sends no link`,
    request: forgot({ identifier: value }), expect: SENT,
  })),

  // unicode
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST /password/forgot with ${label} in the identifier answers as usual and sends nothing`,
    request: forgot({ identifier: value }), expect: SENT,
  })),
  { name: 'POST /password/forgot with a zero-width space inside an existing login sends no link',
    request: forgot({ identifier: `${EN_USER.slice(0, 5)}\u200B${EN_USER.slice(5)}` }), expect: SENT },
  { name: 'POST /password/forgot with a fullwidth look-alike of an existing login sends no link',
    request: forgot({ identifier: 'ｃｈｌｏｅ.bernard' }), expect: SENT },

  // open redirects: the form has none; an added next is ignored
  { name: 'POST /password/forgot ignores a next field set to //host: 303 to the "check your email" page',
    request: forgot({ next: '//evil.example', back: 'https://evil.example' }), expect: { ...SENT, absent: ['evil.example'] } },
  { name: 'GET /password/forgot ignores an identifier and a next in the query: the field stays empty',
    request: { method: 'GET', url: `/password/forgot?identifier=${encodeURIComponent(SCRIPT_TEXT)}&next=%2F%2Fevil.example` },
    expect: { status: 200, messages: ['forgot.title', 'forgot.intro'], contains: ['name="identifier" type="text" value=""'] } },
]

// ---------------------------------------------------------------- GET/POST /password/reset/:token

const RESET_LINK: HostileSetup = { passwordToken: { login: RESET_USER } }
const resetPage = (token: string, setup: HostileSetup = RESET_LINK): HostileRequest =>
  ({ method: 'GET', url: `/password/reset/${token}`, setup })
const resetPost = (form: Record<string, string | string[]>, setup: HostileSetup = RESET_LINK, token = '{token}'): HostileRequest =>
  ({ method: 'POST', url: `/password/reset/${token}`, form: { password: NEW_PASSWORD, confirm: NEW_PASSWORD, ...form }, setup })
const UNUSABLE: Record<'unknown' | 'used' | 'expired', HostileExpect> = {
  unknown: { status: 404, messages: ['reset.unusable.title', 'reset.unusable.unknown'] },
  used: { status: 410, messages: ['reset.unusable.title', 'reset.unusable.used'] },
  expired: { status: 410, messages: ['reset.unusable.title', 'reset.unusable.expired'] },
}
const rule = (message: MessageRef): HostileExpect => ({ status: 422, messages: [message] })
const notAllowed = (chars: string): HostileExpect => rule({ key: 'password.rule.not_allowed', params: { chars } })
const UNKNOWN_TOKEN = 'A'.repeat(43)
/** checkNewPassword names each refused character in password.rule.not_allowed, control characters included. */

/** Bad tokens in the path: each is not a link (404), page or form. */
const BAD_TOKENS: Array<[label: string, token: string, absent?: string[]]> = [
  ['an unknown token', UNKNOWN_TOKEN],
  ['path traversal (..%2F..%2Fetc%2Fpasswd)', '..%2F..%2Fetc%2Fpasswd', ['root:']],
  ['encoded dots (%2e%2e%2f)', '%2e%2e%2f%2e%2e%2fpackage.json', ['cloud-customer-space']],
  ['encoded backslashes (..%5C..%5Cpackage.json)', '..%5C..%5Cpackage.json', ['cloud-customer-space']],
  ['a valid token followed by a NUL byte', '{token}%00'],
  ['a valid token followed by CR LF and a header', '{token}%0D%0ASet-Cookie:%20hostile=1'],
  ['a valid token followed by base64 padding', '{token}%3D'],
  ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)],
  ['a UNION SELECT', encodeURIComponent("x' UNION SELECT token_hash FROM password_tokens --")],
  ['a LIKE % wildcard', '%25'],
  ['<script>', encodeURIComponent(SCRIPT_TEXT)],
  ...UNICODE_TEXT.map(([label, value]): [string, string] => [`a valid token followed by ${label}`, `{token}${encodeURIComponent(value)}`]),
]

export const resetCases: HostileCase[] = [
  // GET: the link's page
  ...BAD_TOKENS.map(([label, token, absent]): HostileCase => ({
    name: `GET /password/reset/:token with ${label} is a 404 "this link is not valid"`,
    request: resetPage(token), expect: { ...UNUSABLE.unknown, ...(absent ? { absent } : {}) },
  })),
  { name: 'GET /password/reset/:token with a used link is a 410 "already used"',
    request: resetPage('{token}', { passwordToken: { login: RESET_USER, state: 'used' } }), expect: UNUSABLE.used },
  { name: 'GET /password/reset/:token with an expired link is a 410 "expired"',
    request: resetPage('{token}', { passwordToken: { login: RESET_USER, state: 'expired' } }), expect: UNUSABLE.expired },
  { name: 'GET /password/reset/:token with a 101-character token is a localized 404',
    request: resetPage('A'.repeat(101)), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /password/reset/:token with an extra path segment is a localized 404',
    request: resetPage('{token}/..%2F..%2Fpackage.json'), expect: { status: 404, messages: NOT_FOUND, absent: ['cloud-customer-space'] } },
  { name: 'GET /password/reset/:token with an invalid percent-encoding is a 400 with the localized page',
    request: resetPage('AAAA%E0%A4%A'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /password/reset/:token with a valid link and next=//host in the query shows the form, nothing leads off the site',
    request: resetPage('{token}?next=%2F%2Fevil.example&back=https%3A%2F%2Fevil.example'), expect: { status: 200, messages: ['reset.title.reset', 'password.rule.summary'] } },

  // POST: CSRF
  ...csrfCases('POST /password/reset/:token with a valid link and password', resetPost({}), { signedInAfter: false }),
  { name: 'POST /password/reset/:token without a CSRF token answers in French for a French browser, link unspent',
    request: { ...resetPost({}), csrf: 'missing', acceptLanguage: 'fr' }, expect: { status: 403, lang: 'fr', messages: CSRF_PAGE } },
  { name: 'POST /password/reset/:token with no session cookie at all is refused with 403, link unspent',
    request: { ...resetPost({}), csrf: 'missing', noSession: true }, expect: { status: 403, messages: ['error.csrf.body'] } },

  // missing fields
  { name: 'POST /password/reset/:token with no field answers 422 with the first rule not met',
    request: { ...resetPost({}), form: {} }, expect: rule({ key: 'password.rule.too_short', params: { min: 8 } }) },
  { name: 'POST /password/reset/:token without the confirmation answers 422 "The two passwords are different"',
    request: { ...resetPost({}), form: { password: NEW_PASSWORD } }, expect: rule('password.rule.confirm') },
  { name: 'POST /password/reset/:token with a different confirmation answers 422',
    request: resetPost({ confirm: `${NEW_PASSWORD}x` }), expect: rule('password.rule.confirm') },
  { name: 'POST /password/reset/:token with a password holding the login is refused',
    request: resetPost({ password: 'Karine.Lopez#2026', confirm: 'Karine.Lopez#2026' }), expect: rule('password.rule.login') },

  // lengths
  { name: 'POST /password/reset/:token with a 129-character password is refused "at most 128"',
    request: resetPost({ password: `Aa1#${'a'.repeat(125)}`, confirm: `Aa1#${'a'.repeat(125)}` }), expect: rule({ key: 'password.rule.too_long', params: { max: 128 } }) },
  { name: 'POST /password/reset/:token with a 500 kB password is refused "at most 128"',
    request: resetPost({ password: `Aa1#${'a'.repeat(500_000)}`, confirm: '' }), expect: rule({ key: 'password.rule.too_long', params: { max: 128 } }) },
  { name: 'POST /password/reset/:token with a 2 MB body is refused with 413, link unspent',
    request: { ...bigForm('/password/reset/{token}', 'password'), setup: RESET_LINK }, expect: { status: 413, messages: TOO_LARGE } },

  // wrong types
  { name: 'POST /password/reset/:token with the password sent twice is a 400, link unspent',
    request: resetPost({ password: ['weak', NEW_PASSWORD] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /password/reset/:token with the confirmation sent twice is a 400, link unspent',
    request: resetPost({ confirm: [NEW_PASSWORD, NEW_PASSWORD] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /password/reset/:token with a JSON object as password is a 400',
    request: { ...jsonBody('/password/reset/{token}', `{"_csrf":"{csrf}","password":{"$ne":null},"confirm":"${NEW_PASSWORD}"}`), setup: RESET_LINK },
    expect: { status: 400, messages: BAD_REQUEST } },

  // control characters, HTML, SQL, unicode: characters outside the rule are named, escaped
  { name: 'POST /password/reset/:token with a NUL byte in the password is refused, and no raw NUL comes back in the page',
    request: resetPost({ password: `${NEW_PASSWORD}\u0000`, confirm: `${NEW_PASSWORD}\u0000` }),
    expect: { status: 422, messages: ['reset.title.reset'], absent: ['\u0000'] } },
  { name: 'POST /password/reset/:token with <script> in the password names the refused characters, escaped',
    request: resetPost({ password: `${NEW_PASSWORD}${SCRIPT_TEXT}`, confirm: `${NEW_PASSWORD}${SCRIPT_TEXT}` }), expect: notAllowed('< > ( )') },
  { name: "POST /password/reset/:token with ' OR 1=1 -- in the password names the refused characters, escaped",
    request: resetPost({ password: `${NEW_PASSWORD}${SQL_TEXT}`, confirm: `${NEW_PASSWORD}${SQL_TEXT}` }), expect: notAllowed("' \u2423 =") },
  { name: 'POST /password/reset/:token with an emoji in the password names it as refused',
    request: resetPost({ password: `${NEW_PASSWORD}\u{1F600}`, confirm: `${NEW_PASSWORD}\u{1F600}` }), expect: notAllowed('\u{1F600}') },
  { name: 'POST /password/reset/:token with an accented letter in the password names it as refused',
    request: resetPost({ password: `${NEW_PASSWORD}\u00e9`, confirm: `${NEW_PASSWORD}\u00e9` }), expect: notAllowed('\u00e9') },

  // the link itself
  ...BAD_TOKENS.map(([label, token, absent]): HostileCase => ({
    name: `POST /password/reset/:token with ${label} is a 404 and sets no password`,
    request: resetPost({}, RESET_LINK, token), expect: { ...UNUSABLE.unknown, ...(absent ? { absent } : {}) },
  })),
  { name: 'POST /password/reset/:token with a used link is a 410 and sets no password',
    request: resetPost({}, { passwordToken: { login: RESET_USER, state: 'used' } }), expect: UNUSABLE.used },
  { name: 'POST /password/reset/:token with an expired link is a 410 and sets no password',
    request: resetPost({}, { passwordToken: { login: RESET_USER, state: 'expired' } }), expect: UNUSABLE.expired },
  { name: 'POST /password/reset/:token with a 101-character token is a localized 404',
    request: resetPost({}, RESET_LINK, 'A'.repeat(101)), expect: { status: 404, messages: NOT_FOUND } },

  // open redirects: the answer is always the login page
  { name: 'POST /password/reset/:token with next and back set off the site still redirects to /login (303)',
    request: resetPost({ password: DEMO_PASSWORD, confirm: DEMO_PASSWORD, next: '//evil.example', back: 'https://evil.example' }),
    expect: {
      status: 303, location: '/login', absent: ['evil.example'],
      mayWrite: ['users', 'password_tokens', 'audit_log', 'notifications', 'outbox'], notStored: ['evil.example'],
    } },
]

// ---------------------------------------------------------------- POST /account/password

const passwordChange = (form: Record<string, string | string[]>, as = EN_USER): HostileRequest => ({
  method: 'POST', url: '/account/password', as,
  form: { current_password: DEMO_PASSWORD, new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD, ...form },
})
const currentWrong: HostileExpect = { status: 422, messages: ['account.error.current_wrong'], signedInAfter: true }
const newRule = (message: MessageRef): HostileExpect => ({ status: 422, messages: [message], signedInAfter: true })

export const accountPasswordCases: HostileCase[] = [
  ...csrfCases('POST /account/password with the right current password', passwordChange({}), { signedInAfter: true }),
  { name: 'POST /account/password without a CSRF token answers in French for a French user, password unchanged',
    request: { ...passwordChange({}, FR_USER), csrf: 'missing' }, expect: { status: 403, lang: 'fr', messages: CSRF_PAGE, signedInAfter: true } },
  { name: 'POST /account/password from an anonymous visitor is sent to the login page and changes nothing',
    request: { ...passwordChange({}), as: undefined }, expect: { status: 303, location: '/login' } },

  // missing fields
  { name: 'POST /account/password with no field answers 422 "Enter your current password"',
    request: { ...passwordChange({}), form: {} }, expect: { status: 422, messages: ['account.error.current_required'], signedInAfter: true } },
  { name: 'POST /account/password with no field answers in French for a French user',
    request: { ...passwordChange({}, FR_USER), form: {} }, expect: { status: 422, lang: 'fr', messages: ['account.error.current_required'] } },
  { name: 'POST /account/password with the right current password and no new one answers 422 with the first rule not met',
    request: { ...passwordChange({}), form: { current_password: DEMO_PASSWORD } }, expect: newRule({ key: 'password.rule.too_short', params: { min: 8 } }) },
  { name: 'POST /account/password without the confirmation answers 422 "The two passwords are different"',
    request: { ...passwordChange({}), form: { current_password: DEMO_PASSWORD, new_password: NEW_PASSWORD } }, expect: newRule('password.rule.confirm') },

  // wrong values
  { name: 'POST /account/password with a wrong current password answers 422 and changes nothing',
    request: passwordChange({ current_password: 'Wrong#Password1' }), expect: currentWrong },
  { name: 'POST /account/password with the current password as new one is refused',
    request: passwordChange({ new_password: DEMO_PASSWORD, confirm_password: DEMO_PASSWORD }), expect: newRule('password.rule.same_as_current') },
  { name: 'POST /account/password with a new password holding the login is refused',
    request: passwordChange({ new_password: 'Chloe.Bernard#1', confirm_password: 'Chloe.Bernard#1' }), expect: newRule('password.rule.login') },

  // lengths
  { name: 'POST /account/password with a 500 kB current password is refused as wrong',
    request: passwordChange({ current_password: 'p'.repeat(500_000) }), expect: currentWrong },
  { name: 'POST /account/password with the right current password followed by 200 characters is refused as wrong',
    request: passwordChange({ current_password: `${DEMO_PASSWORD}${'x'.repeat(200)}` }), expect: currentWrong },
  { name: 'POST /account/password with a 129-character new password is refused "at most 128"',
    request: passwordChange({ new_password: `Aa1#${'a'.repeat(125)}`, confirm_password: `Aa1#${'a'.repeat(125)}` }), expect: newRule({ key: 'password.rule.too_long', params: { max: 128 } }) },
  { name: 'POST /account/password with a 2 MB body is refused with 413 and the user stays signed in',
    request: { ...bigForm('/account/password', 'new_password'), as: EN_USER }, expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /account/password with a 2 MB body answers the 413 page in French for a French user',
    request: { ...bigForm('/account/password', 'current_password'), as: FR_USER }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE } },

  // wrong types
  { name: 'POST /account/password with the current password sent twice (wrong, right) is a 400 before any check',
    request: passwordChange({ current_password: ['Wrong#Password1', DEMO_PASSWORD] }), expect: { status: 400, messages: BAD_REQUEST, signedInAfter: true } },
  { name: 'POST /account/password with the new password sent twice is a 400',
    request: passwordChange({ new_password: [NEW_PASSWORD, NEW_PASSWORD] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/password with the confirmation sent twice is a 400',
    request: passwordChange({ confirm_password: [NEW_PASSWORD, 'x'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/password with a JSON object as current password is a 400',
    request: { ...jsonBody('/account/password', `{"_csrf":"{csrf}","current_password":{"$ne":null},"new_password":"${NEW_PASSWORD}","confirm_password":"${NEW_PASSWORD}"}`), as: EN_USER },
    expect: { status: 400, messages: BAD_REQUEST } },

  // control characters, HTML, SQL, unicode
  { name: 'POST /account/password with a NUL byte after the right current password is refused as wrong',
    request: passwordChange({ current_password: `${DEMO_PASSWORD}\u0000` }), expect: currentWrong },
  { name: 'POST /account/password with a NUL byte in the new password is refused, and no raw NUL comes back in the page',
    request: passwordChange({ new_password: `${NEW_PASSWORD}\u0000`, confirm_password: `${NEW_PASSWORD}\u0000` }),
    expect: { status: 422, messages: ['account.password.title'], absent: ['\u0000'] } },
  { name: "POST /account/password with ' OR '1'='1 as current password is refused as wrong",
    request: passwordChange({ current_password: "' OR '1'='1" }), expect: currentWrong },
  { name: 'POST /account/password with <script> in the new password names the refused characters, escaped',
    request: passwordChange({ new_password: `${NEW_PASSWORD}${SCRIPT_TEXT}`, confirm_password: `${NEW_PASSWORD}${SCRIPT_TEXT}` }),
    expect: newRule({ key: 'password.rule.not_allowed', params: { chars: '< > ( )' } }) },
  { name: 'POST /account/password with an attribute break-out in the new password names the refused characters, escaped',
    request: passwordChange({ new_password: `${NEW_PASSWORD}${ATTRIBUTE_BREAKOUT}`, confirm_password: `${NEW_PASSWORD}${ATTRIBUTE_BREAKOUT}` }),
    expect: newRule({ key: 'password.rule.not_allowed', params: { chars: '" > < \u2423 = ( )' } }) },
  { name: 'POST /account/password with a fullwidth look-alike of the current password is refused as wrong',
    request: passwordChange({ current_password: 'ＣloudDemo#2026' }), expect: currentWrong },
  { name: 'POST /account/password with an emoji in the new password names it as refused',
    request: passwordChange({ new_password: `${NEW_PASSWORD}\u{1F600}`, confirm_password: `${NEW_PASSWORD}\u{1F600}` }),
    expect: newRule({ key: 'password.rule.not_allowed', params: { chars: '\u{1F600}' } }) },
]

// ---------------------------------------------------------------- POST /account/contact

const CONTACT: Record<string, string> = { title: 'mrs', email: EN_USER_EMAIL, phone: '+33 6 12 34 56 03', landline: '' }
const contact = (form: Record<string, string | string[]>, as = EN_USER): HostileRequest =>
  ({ method: 'POST', url: '/account/contact', as, form: { ...CONTACT, ...form } })
const contactRefused = (message: MessageRef, echoed?: string): HostileExpect =>
  ({ status: 422, messages: [message], signedInAfter: true, ...(echoed === undefined ? {} : { echoed }) })
const TAKEN_EMAIL = `${FR_USER}@hexagone.example`

export const accountContactCases: HostileCase[] = [
  ...csrfCases('POST /account/contact with a new email', contact({ email: 'chloe.hostile@hexagone.example' }), { signedInAfter: true }),
  { name: 'POST /account/contact without a CSRF token answers in French for a French user',
    request: { ...contact({ email: 'alice.hostile@hexagone.example' }, FR_USER), csrf: 'missing' }, expect: { status: 403, lang: 'fr', messages: CSRF_PAGE } },
  { name: 'POST /account/contact from an anonymous visitor is sent to the login page and changes nothing',
    request: { ...contact({}), as: undefined }, expect: { status: 303, location: '/login' } },

  // missing fields
  { name: 'POST /account/contact with no field answers 422 with a message per field',
    request: { ...contact({}), form: {} }, expect: { status: 422, messages: ['account.error.title', 'account.error.email_required', 'account.error.phone_required'] } },
  { name: 'POST /account/contact with no field answers in French for a French user',
    request: { ...contact({}, FR_USER), form: {} }, expect: { status: 422, lang: 'fr', messages: ['account.error.title', 'account.error.email_required', 'account.error.phone_required'] } },
  { name: 'POST /account/contact with an email of spaces and control characters counts as none',
    request: contact({ email: ' \u0000\u0007 \t' }), expect: contactRefused('account.error.email_required') },
  { name: 'POST /account/contact with both phones made of control characters counts as no phone',
    request: contact({ phone: '\u0000\u001B', landline: ' \u0007 ' }), expect: contactRefused('account.error.phone_required') },

  // title: mr or mrs, nothing else
  ...([
    ['an unknown title (dr)', 'dr'],
    ['an uppercase MR', 'MR'],
    ['mr followed by a NUL byte', 'mr\u0000'],
    ['a <script> title', SCRIPT_TEXT],
    ["' OR 1=1 -- as title", SQL_TEXT],
    ['a 10 kB title', 'm'.repeat(10_000)],
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /account/contact with ${label} answers 422 "Choose Mr or Mrs"`,
    request: contact({ title: value }), expect: { ...contactRefused('account.error.title'), absent: ['alert(1)'] },
  })),

  // email: format, length, taken; shown back escaped
  { name: 'POST /account/contact with an email over 254 characters is refused, value kept',
    request: contact({ email: TOO_LONG_IDENTIFIER }), expect: contactRefused('account.error.email_format', TOO_LONG_IDENTIFIER) },
  { name: 'POST /account/contact with a 500 kB email is refused',
    request: contact({ email: `${'e'.repeat(500_000)}@hexagone.example` }), expect: contactRefused('account.error.email_format') },
  { name: 'POST /account/contact echoes a <script> email escaped, never raw',
    request: contact({ email: SCRIPT_TEXT }), expect: contactRefused('account.error.email_format', SCRIPT_TEXT) },
  { name: 'POST /account/contact echoes an attribute break-out email escaped inside value=""',
    request: contact({ email: ATTRIBUTE_BREAKOUT }), expect: contactRefused('account.error.email_format', ATTRIBUTE_BREAKOUT) },
  { name: "POST /account/contact echoes ' OR 1=1 -- as email escaped",
    request: contact({ email: SQL_TEXT }), expect: contactRefused('account.error.email_format', SQL_TEXT.toLowerCase()) },
  { name: 'POST /account/contact with a fullwidth at sign (＠) is not an email, value kept',
    request: contact({ email: 'chloe\uFF20hexagone.example' }), expect: contactRefused('account.error.email_format', 'chloe\uFF20hexagone.example') },
  { name: "POST /account/contact with another user's email is refused as taken",
    request: contact({ email: TAKEN_EMAIL }), expect: contactRefused('account.error.email_taken', TAKEN_EMAIL) },
  { name: "POST /account/contact with another user's email in upper case is refused as taken",
    request: contact({ email: TAKEN_EMAIL.toUpperCase() }), expect: contactRefused('account.error.email_taken', TAKEN_EMAIL) },
  { name: "POST /account/contact with another user's email split by a NUL byte is refused as taken (cleaned before the check)",
    request: contact({ email: `alice.martin\u0000@hexagone.example` }), expect: contactRefused('account.error.email_taken', TAKEN_EMAIL) },
  { name: "POST /account/contact with another user's email between spaces and tabs is refused as taken",
    request: contact({ email: ` \t${TAKEN_EMAIL}\t ` }), expect: contactRefused('account.error.email_taken', TAKEN_EMAIL) },
  { name: 'POST /account/contact refuses an email-shaped <script> address, shown back escaped',
    request: contact({ email: `${SCRIPT_TEXT}@hexagone.example` }, CONTACT_BUG_USER),
    expect: { status: 422, lang: 'fr', messages: ['account.error.email_format'], echoed: `${SCRIPT_TEXT}@hexagone.example` } },
  { name: 'POST /account/contact refuses an email holding a right-to-left override',
    request: contact({ email: 'bruno.petit\u202Emoc.live@hexagone.example' }, CONTACT_BUG_USER),
    expect: { status: 422, lang: 'fr', messages: ['account.error.email_format'] } },
  { name: 'POST /account/contact refuses an email holding a zero-width space',
    request: contact({ email: 'bruno.petit\u200B@hexagone.example' }, CONTACT_BUG_USER),
    expect: { status: 422, lang: 'fr', messages: ['account.error.email_format'] } },
  { name: 'POST /account/contact strips a C1 control character (U+0085) before checking the email (another user\'s: taken)',
    request: contact({ email: 'chloe.bernard\u0085@hexagone.example' }, CONTACT_BUG_USER),
    expect: { status: 422, lang: 'fr', messages: ['account.error.email_taken'] } },

  // phones: format, length; shown back escaped
  ...([
    ['a <script> mobile phone', 'phone', SCRIPT_TEXT],
    ['an attribute break-out mobile phone', 'phone', ATTRIBUTE_BREAKOUT],
    ["' OR 1=1 -- as mobile phone", 'phone', SQL_TEXT],
    ['a 31-character mobile phone', 'phone', `+33 ${'1 '.repeat(13)}1`],
    ['fullwidth digits as mobile phone', 'phone', '＋３３ ６ １２ ３４ ５６ ０３'],
    ['Arabic-Indic digits as mobile phone', 'phone', '+٣٣ ٦ ١٢ ٣٤ ٥٦ ٠٣'],
    ['a <script> landline', 'landline', SCRIPT_TEXT],
    ['an attribute break-out landline', 'landline', ATTRIBUTE_BREAKOUT],
    ['letters in the landline', 'landline', '01 85 CALL ME'],
  ] as const).map(([label, field, value]): HostileCase => ({
    name: `POST /account/contact echoes ${label} escaped, refused as a phone number`,
    request: contact({ [field]: value }), expect: contactRefused('account.error.phone_format', value),
  })),
  { name: 'POST /account/contact with a 500 kB mobile phone is refused',
    request: contact({ phone: '6'.repeat(500_000) }), expect: contactRefused('account.error.phone_format') },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST /account/contact with ${label} as mobile phone is refused, value kept`,
    request: contact({ phone: value }), expect: contactRefused('account.error.phone_format', value),
  })),

  // sizes and types
  { name: 'POST /account/contact with a 2 MB body is refused with 413',
    request: { ...bigForm('/account/contact', 'email'), as: EN_USER }, expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /account/contact with the title sent twice (mr, mrs) is a 400',
    request: contact({ title: ['mr', 'mrs'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/contact with the email sent twice is a 400',
    request: contact({ email: [EN_USER_EMAIL, TAKEN_EMAIL] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/contact with the mobile phone sent twice is a 400',
    request: contact({ phone: ['+33 6 12 34 56 03', '+33 6 12 34 56 04'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/contact with the landline sent twice is a 400',
    request: contact({ landline: ['', ''] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/contact with a JSON array as title is a 400',
    request: { ...jsonBody('/account/contact', `{"_csrf":"{csrf}","title":["mr"],"email":"${EN_USER_EMAIL}","phone":"+33 6 12 34 56 03"}`), as: EN_USER },
    expect: { status: 400, messages: BAD_REQUEST } },
]

// ---------------------------------------------------------------- POST /account/company/contact

const companyMessage = (form: Record<string, string | string[]>, as = EN_USER): HostileRequest =>
  ({ method: 'POST', url: '/account/company/contact', as, form: { subject: 'Hostile subject', message: 'Hostile message', ...form } })
/** One field in error, the other one shown back (escaped). */
const messageRefused = (message: MessageRef, echoed?: string): HostileExpect =>
  ({ status: 422, messages: [message], signedInAfter: true, ...(echoed === undefined ? {} : { echoed }) })
const LONG_SUBJECT = `${SCRIPT_TEXT}${'s'.repeat(150)}`
const LONG_MESSAGE = `${ATTRIBUTE_BREAKOUT}${'m'.repeat(5000)}`

export const companyContactCases: HostileCase[] = [
  ...csrfCases('POST /account/company/contact with a valid message', companyMessage({}), { signedInAfter: true }),
  { name: 'POST /account/company/contact without a CSRF token answers in French for a French user, nothing sent',
    request: { ...companyMessage({}, FR_USER), csrf: 'missing' }, expect: { status: 403, lang: 'fr', messages: CSRF_PAGE } },
  { name: 'POST /account/company/contact from an anonymous visitor is sent to the login page and sends nothing',
    request: { ...companyMessage({}), as: undefined }, expect: { status: 303, location: '/login' } },

  // missing fields
  { name: 'POST /account/company/contact with no field answers 422 with a message per field',
    request: { ...companyMessage({}), form: {} }, expect: { status: 422, messages: ['account.error.subject_required', 'account.error.message_required'] } },
  { name: 'POST /account/company/contact with no field answers in French for a French user',
    request: { ...companyMessage({}, FR_USER), form: {} }, expect: { status: 422, lang: 'fr', messages: ['account.error.subject_required', 'account.error.message_required'] } },
  { name: 'POST /account/company/contact with a subject of spaces and control characters counts as none',
    request: companyMessage({ subject: ' \u0000\u0007\u001B ' }), expect: messageRefused('account.error.subject_required', 'Hostile message') },
  { name: 'POST /account/company/contact with a message of NUL bytes and blank lines counts as none',
    request: companyMessage({ message: '\u0000 \r\n\t\u0000\n' }), expect: messageRefused('account.error.message_required', 'Hostile subject') },
  { name: 'POST /account/company/contact from a user without a company is refused and sends nothing',
    request: companyMessage({}, STAFF_USER), expect: { status: 422, messages: ['account.company.none'] } },

  // lengths
  { name: 'POST /account/company/contact with a 151-character subject is refused "at most 150", value kept escaped',
    request: companyMessage({ subject: LONG_SUBJECT }), expect: messageRefused({ key: 'account.error.too_long', params: { max: 150 } }, LONG_SUBJECT) },
  { name: 'POST /account/company/contact with a 5001-character message is refused "at most 5000", value kept escaped',
    request: companyMessage({ message: LONG_MESSAGE }), expect: messageRefused({ key: 'account.error.too_long', params: { max: 5000 } }, LONG_MESSAGE) },
  { name: 'POST /account/company/contact with a 500 kB message is refused "at most 5000"',
    request: companyMessage({ message: 'm'.repeat(500_000) }), expect: messageRefused({ key: 'account.error.too_long', params: { max: 5000 } }) },
  { name: 'POST /account/company/contact with a 2 MB body is refused with 413 and sends nothing',
    request: { ...bigForm('/account/company/contact', 'message'), as: EN_USER }, expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /account/company/contact with a 2 MB body answers the 413 page in French for a French user',
    request: { ...bigForm('/account/company/contact', 'subject'), as: FR_USER }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE } },

  // wrong types
  { name: 'POST /account/company/contact with the subject sent twice is a 400 and sends nothing',
    request: companyMessage({ subject: ['one', 'two'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/company/contact with the message sent twice is a 400 and sends nothing',
    request: companyMessage({ message: ['one', 'two'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/company/contact with a JSON array as message is a 400 and sends nothing',
    request: { ...jsonBody('/account/company/contact', '{"_csrf":"{csrf}","subject":"Hostile","message":["a","b"]}'), as: EN_USER },
    expect: { status: 400, messages: BAD_REQUEST } },

  // HTML and script, shown back escaped on the 422 (the other field missing)
  { name: 'POST /account/company/contact echoes a <script> subject escaped, never raw',
    request: companyMessage({ subject: SCRIPT_TEXT, message: '' }), expect: messageRefused('account.error.message_required', SCRIPT_TEXT) },
  { name: 'POST /account/company/contact echoes an attribute break-out subject escaped inside value=""',
    request: companyMessage({ subject: ATTRIBUTE_BREAKOUT, message: '' }), expect: messageRefused('account.error.message_required', ATTRIBUTE_BREAKOUT) },
  { name: 'POST /account/company/contact echoes a <script> message escaped, never raw',
    request: companyMessage({ subject: '', message: SCRIPT_TEXT }), expect: messageRefused('account.error.subject_required', SCRIPT_TEXT) },
  { name: 'POST /account/company/contact echoes a message closing the textarea escaped',
    request: companyMessage({ subject: '', message: `</textarea>${SCRIPT_TEXT}` }), expect: messageRefused('account.error.subject_required', `</textarea>${SCRIPT_TEXT}`) },

  // SQL metacharacters: kept as text, nothing written on the 422
  { name: "POST /account/company/contact echoes ' OR 1=1 -- as subject escaped and writes nothing",
    request: companyMessage({ subject: SQL_TEXT, message: '' }), expect: messageRefused('account.error.message_required', SQL_TEXT) },
  { name: 'POST /account/company/contact echoes a DELETE statement as message and writes nothing',
    request: companyMessage({ subject: '', message: "'); DELETE FROM contact_messages; --" }), expect: messageRefused('account.error.subject_required', "'); DELETE FROM contact_messages; --") },

  // control characters
  { name: 'POST /account/company/contact shows a subject back without its NUL and control characters',
    request: companyMessage({ subject: 'Hostile\u0000 sub\u0007ject\u001B', message: '' }), expect: { ...messageRefused('account.error.message_required', 'Hostile subject'), absent: ['\u0000', '\u0007', '\u001B'] } },
  { name: 'POST /account/company/contact shows a message back without its NUL byte',
    request: companyMessage({ subject: '', message: 'Hostile\u0000 message' }), expect: { ...messageRefused('account.error.subject_required', 'Hostile message'), absent: ['\u0000'] } },
  { name: 'POST /account/company/contact strips control characters (BEL, ESC, DEL) from the message, line breaks kept',
    request: companyMessage({ subject: '', message: 'Hostile\u0007 mes\u001B[2Jsage\u007F\nsecond line' }),
    expect: { ...messageRefused('account.error.subject_required', 'Hostile mes[2Jsage\nsecond line'), absent: ['\u0007', '\u001B', '\u007F'] } },

  // unicode
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST /account/company/contact shows ${label} in the subject back as is`,
    request: companyMessage({ subject: value, message: '' }), expect: messageRefused('account.error.message_required', value),
  })),

  // an added recipient or company is not taken from the form
  { name: 'POST /account/company/contact ignores a to, company_id and user_id of the form: the message goes to the own account manager only',
    request: companyMessage({ to: 'attacker@evil.example', to_address: 'attacker@evil.example', company_id: '3', user_id: '1', next: '//evil.example' }),
    expect: { status: 303, location: '/account/company', absent: ['evil.example'], mayWrite: ['contact_messages', 'outbox'], notStored: ['evil.example'] } },
]

// ---------------------------------------------------------------- POST /account/totp/start

const totpStart = (as = EN_USER, form: Record<string, string | string[]> = {}): HostileRequest =>
  ({ method: 'POST', url: '/account/totp/start', as, form })

export const totpStartCases: HostileCase[] = [
  ...csrfCases('POST /account/totp/start', totpStart(), { signedInAfter: true }),
  { name: 'POST /account/totp/start without a CSRF token answers in French for a French user, no secret made',
    request: { ...totpStart(FR_USER), csrf: 'missing' }, expect: { status: 403, lang: 'fr', messages: CSRF_PAGE, signedInAfter: true } },
  { name: 'POST /account/totp/start from an anonymous visitor is sent to the login page and writes nothing',
    request: { ...totpStart(), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /account/totp/start with a 2 MB body is refused with 413, no secret made',
    request: { ...bigForm('/account/totp/start', 'secret'), as: EN_USER }, expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /account/totp/start with two factors already on replaces nothing (303 back to the security page)',
    request: { ...totpStart(TOTP_USER), setup: TOTP_ON }, expect: { status: 303, location: '/account/security' } },
  { name: 'POST /account/totp/start ignores a secret, next and back of the form: 303 to the security page',
    request: { ...totpStart(TOTP_USER, { secret: 'JBSWY3DPEHPK3PXP', next: '//evil.example', back: 'https://evil.example' }), setup: TOTP_ON },
    expect: { status: 303, location: '/account/security', absent: ['evil.example'] } },
]

// ---------------------------------------------------------------- POST /account/totp/confirm

const ENROLLING: HostileSetup = { totp: { login: ENROLLING_USER, state: 'enrolling' } }
const totpConfirm = (form: Record<string, string | string[]>): HostileRequest =>
  ({ method: 'POST', url: '/account/totp/confirm', as: ENROLLING_USER, setup: ENROLLING, form })
const confirmWrong: HostileExpect = { status: 422, messages: ['security.error.code_wrong', 'security.totp.enrol_heading'], signedInAfter: true }

export const totpConfirmCases: HostileCase[] = [
  ...csrfCases('POST /account/totp/confirm with a valid code', totpConfirm({ code: '{totp}' }), { signedInAfter: true }),
  { name: 'POST /account/totp/confirm from an anonymous visitor is sent to the login page and turns nothing on',
    request: { ...totpConfirm({ code: '{totp}' }), as: undefined }, expect: { status: 303, location: '/login' } },

  // missing, wrong
  { name: 'POST /account/totp/confirm without a code answers 422 "Enter the 6-digit code" and turns nothing on',
    request: totpConfirm({}), expect: { status: 422, messages: ['security.error.code_required'], signedInAfter: true } },
  { name: 'POST /account/totp/confirm with a code of spaces counts as none',
    request: totpConfirm({ code: '   ' }), expect: { status: 422, messages: ['security.error.code_required'] } },
  { name: 'POST /account/totp/confirm with a wrong code answers 422 and turns nothing on',
    request: totpConfirm({ code: '000000' }), expect: confirmWrong },
  { name: 'POST /account/totp/confirm by a user who is not enrolling turns nothing on',
    request: { method: 'POST', url: '/account/totp/confirm', as: EN_USER, form: { code: '123456' } }, expect: { status: 422, messages: ['security.error.code_wrong'] } },
  { name: 'POST /account/totp/confirm with two factors already on changes nothing (no new recovery codes without the password)',
    request: { method: 'POST', url: '/account/totp/confirm', as: TOTP_USER, setup: TOTP_ON, form: { code: '{totp}' } },
    expect: { status: [303, 422], location: '/account/security', messages: ['security.error.code_wrong'] } },

  // lengths, types
  { name: 'POST /account/totp/confirm with a 500 kB code is refused',
    request: totpConfirm({ code: '1'.repeat(500_000) }), expect: confirmWrong },
  { name: 'POST /account/totp/confirm with the valid code followed by 100 digits is refused',
    request: totpConfirm({ code: `{totp}${'0'.repeat(100)}` }), expect: confirmWrong },
  { name: 'POST /account/totp/confirm with a 2 MB body is refused with 413',
    request: { ...bigForm('/account/totp/confirm', 'code'), as: ENROLLING_USER, setup: ENROLLING }, expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /account/totp/confirm with the code sent twice (wrong, valid) is a 400 and turns nothing on',
    request: totpConfirm({ code: ['000000', '{totp}'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/totp/confirm with a JSON array holding the valid code is a 400',
    request: { ...jsonBody('/account/totp/confirm', '{"_csrf":"{csrf}","code":["{totp}"]}'), as: ENROLLING_USER, setup: ENROLLING }, expect: { status: 400, messages: BAD_REQUEST } },

  // control characters, HTML, SQL, unicode
  { name: 'POST /account/totp/confirm with a NUL byte after the valid code is refused',
    request: totpConfirm({ code: '{totp}\u0000' }), expect: confirmWrong },
  { name: 'POST /account/totp/confirm with a code of control characters is refused',
    request: totpConfirm({ code: '\u0000\u0007\u001B' }), expect: confirmWrong },
  { name: 'POST /account/totp/confirm with a <script> code is refused and not shown back',
    request: totpConfirm({ code: SCRIPT_TEXT }), expect: { ...confirmWrong, absent: ['alert(1)'] } },
  { name: "POST /account/totp/confirm with ' OR 1=1 -- as code is refused",
    request: totpConfirm({ code: SQL_TEXT }), expect: confirmWrong },
  { name: 'POST /account/totp/confirm with fullwidth digits is refused',
    request: totpConfirm({ code: '１２３４５６' }), expect: confirmWrong },
  { name: 'POST /account/totp/confirm with an RTL override inside the code is refused',
    request: totpConfirm({ code: '123\u202E456' }), expect: confirmWrong },
]

// ---------------------------------------------------------------- POST /account/totp/disable

const totpDisable = (form: Record<string, string | string[]>): HostileRequest =>
  ({ method: 'POST', url: '/account/totp/disable', as: TOTP_USER, setup: TOTP_ON, form })
const RIGHT = { password: DEMO_PASSWORD, code: '{totp}' }
const disablePasswordWrong: HostileExpect = { status: 422, messages: ['security.error.password_wrong'], signedInAfter: true }
const disableCodeWrong: HostileExpect = { status: 422, messages: ['security.error.code_wrong'], signedInAfter: true }

export const totpDisableCases: HostileCase[] = [
  ...csrfCases('POST /account/totp/disable with the right password and a valid code', totpDisable(RIGHT), { signedInAfter: true }),
  { name: 'POST /account/totp/disable with a valid recovery code but no CSRF token is refused with 403 and spends nothing',
    request: { ...totpDisable({ password: DEMO_PASSWORD, code: '{recovery}' }), csrf: 'missing' }, expect: { status: 403, messages: CSRF_PAGE } },
  { name: 'POST /account/totp/disable from an anonymous visitor is sent to the login page and turns nothing off',
    request: { ...totpDisable(RIGHT), as: undefined }, expect: { status: 303, location: '/login' } },

  // missing, wrong
  { name: 'POST /account/totp/disable with no field answers 422 "This is not your password"',
    request: totpDisable({}), expect: disablePasswordWrong },
  { name: 'POST /account/totp/disable with a wrong password and a valid code is refused, the code not spent',
    request: totpDisable({ ...RIGHT, password: 'Wrong#Password1' }), expect: disablePasswordWrong },
  { name: 'POST /account/totp/disable with the right password and no code is refused',
    request: totpDisable({ password: DEMO_PASSWORD }), expect: disableCodeWrong },
  { name: 'POST /account/totp/disable with the right password and a wrong code is refused',
    request: totpDisable({ password: DEMO_PASSWORD, code: '000000' }), expect: disableCodeWrong },
  { name: 'POST /account/totp/disable by a staff member is refused: staff keep two factors',
    request: { method: 'POST', url: '/account/totp/disable', as: STAFF_USER, form: { password: DEMO_PASSWORD, code: '123456' } },
    expect: { status: 422, messages: ['security.error.staff_must_keep'] } },
  { name: 'POST /account/totp/disable by a user with two factors off writes nothing',
    request: { method: 'POST', url: '/account/totp/disable', as: EN_USER, form: { password: DEMO_PASSWORD, code: '123456' } }, expect: disableCodeWrong },

  // lengths, types
  { name: 'POST /account/totp/disable with a 500 kB password is refused',
    request: totpDisable({ ...RIGHT, password: 'p'.repeat(500_000) }), expect: disablePasswordWrong },
  { name: 'POST /account/totp/disable with a 500 kB code is refused',
    request: totpDisable({ password: DEMO_PASSWORD, code: '1'.repeat(500_000) }), expect: disableCodeWrong },
  { name: 'POST /account/totp/disable with a 2 MB body is refused with 413, two factors stay on',
    request: { ...bigForm('/account/totp/disable', 'code'), as: TOTP_USER, setup: TOTP_ON }, expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /account/totp/disable with the password sent twice (wrong, right) is a 400',
    request: totpDisable({ ...RIGHT, password: ['Wrong#Password1', DEMO_PASSWORD] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/totp/disable with the code sent twice is a 400, nothing spent',
    request: totpDisable({ password: DEMO_PASSWORD, code: ['000000', '{totp}'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/totp/disable with a JSON object as password is a 400',
    request: { ...jsonBody('/account/totp/disable', '{"_csrf":"{csrf}","password":{"$ne":null},"code":"{totp}"}'), as: TOTP_USER, setup: TOTP_ON },
    expect: { status: 400, messages: BAD_REQUEST } },

  // control characters, HTML, SQL, unicode
  { name: 'POST /account/totp/disable with a NUL byte after the right password is refused',
    request: totpDisable({ ...RIGHT, password: `${DEMO_PASSWORD}\u0000` }), expect: disablePasswordWrong },
  { name: 'POST /account/totp/disable with a NUL byte after the valid code is refused',
    request: totpDisable({ password: DEMO_PASSWORD, code: '{totp}\u0000' }), expect: disableCodeWrong },
  { name: 'POST /account/totp/disable with a NUL byte after a valid recovery code is refused, the code not spent',
    request: totpDisable({ password: DEMO_PASSWORD, code: '{recovery}\u0000' }), expect: disableCodeWrong },
  { name: "POST /account/totp/disable with ' OR '1'='1 as password is refused",
    request: totpDisable({ ...RIGHT, password: "' OR '1'='1" }), expect: disablePasswordWrong },
  { name: "POST /account/totp/disable with ' OR 1=1 -- as code is refused",
    request: totpDisable({ password: DEMO_PASSWORD, code: SQL_TEXT }), expect: disableCodeWrong },
  { name: 'POST /account/totp/disable with a <script> code is refused and not shown back',
    request: totpDisable({ password: DEMO_PASSWORD, code: SCRIPT_TEXT }), expect: { ...disableCodeWrong, absent: ['alert(1)'] } },
  { name: 'POST /account/totp/disable with fullwidth digits as code is refused',
    request: totpDisable({ password: DEMO_PASSWORD, code: '１２３４５６' }), expect: disableCodeWrong },
]

// ---------------------------------------------------------------- POST /account/totp/recovery-codes

const newRecoveryCodes = (form: Record<string, string | string[]>): HostileRequest =>
  ({ method: 'POST', url: '/account/totp/recovery-codes', as: TOTP_USER, setup: TOTP_ON, form })
const regeneratePasswordWrong: HostileExpect = { status: 422, messages: ['security.error.password_wrong'], signedInAfter: true, absent: ['class="recovery-codes"'] }

export const recoveryCodesCases: HostileCase[] = [
  ...csrfCases('POST /account/totp/recovery-codes with the right password', newRecoveryCodes({ password: DEMO_PASSWORD }), { signedInAfter: true }),
  { name: 'POST /account/totp/recovery-codes from an anonymous visitor is sent to the login page and replaces nothing',
    request: { ...newRecoveryCodes({ password: DEMO_PASSWORD }), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /account/totp/recovery-codes without a password answers 422 and replaces nothing',
    request: newRecoveryCodes({}), expect: regeneratePasswordWrong },
  { name: 'POST /account/totp/recovery-codes with a wrong password answers 422 and replaces nothing',
    request: newRecoveryCodes({ password: 'Wrong#Password1' }), expect: regeneratePasswordWrong },
  { name: 'POST /account/totp/recovery-codes with a 500 kB password is refused',
    request: newRecoveryCodes({ password: 'p'.repeat(500_000) }), expect: regeneratePasswordWrong },
  { name: 'POST /account/totp/recovery-codes with a NUL byte after the right password is refused',
    request: newRecoveryCodes({ password: `${DEMO_PASSWORD}\u0000` }), expect: regeneratePasswordWrong },
  { name: "POST /account/totp/recovery-codes with ' OR '1'='1 as password is refused",
    request: newRecoveryCodes({ password: "' OR '1'='1" }), expect: regeneratePasswordWrong },
  { name: 'POST /account/totp/recovery-codes with a <script> password is refused and not shown back',
    request: newRecoveryCodes({ password: SCRIPT_TEXT }), expect: { ...regeneratePasswordWrong, absent: ['alert(1)'] } },
  { name: 'POST /account/totp/recovery-codes with the password sent twice (wrong, right) is a 400',
    request: newRecoveryCodes({ password: ['Wrong#Password1', DEMO_PASSWORD] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/totp/recovery-codes with a JSON array as password is a 400',
    request: { ...jsonBody('/account/totp/recovery-codes', `{"_csrf":"{csrf}","password":["${DEMO_PASSWORD}"]}`), as: TOTP_USER, setup: TOTP_ON },
    expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /account/totp/recovery-codes with a 2 MB body is refused with 413',
    request: { ...bigForm('/account/totp/recovery-codes', 'password'), as: TOTP_USER, setup: TOTP_ON }, expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /account/totp/recovery-codes by a user with two factors off makes no codes',
    request: { method: 'POST', url: '/account/totp/recovery-codes', as: EN_USER, form: { password: DEMO_PASSWORD } }, expect: { status: 422, messages: ['security.error.password_wrong'] } },
]

// ---------------------------------------------------------------- POST /account/sessions/end, /account/sessions/end-others

const endSession = (form: Record<string, string | string[]>, setup: HostileSetup = { otherSession: EN_USER }): HostileRequest =>
  ({ method: 'POST', url: '/account/sessions/end', as: EN_USER, setup, form })
const OTHER_KEPT: HostileExpect = { status: 303, location: '/account/security', signedInAfter: true, otherSignedInAfter: true }
const endOthers = (form: Record<string, string | string[]> = {}): HostileRequest =>
  ({ method: 'POST', url: '/account/sessions/end-others', as: EN_USER, setup: { otherSession: EN_USER }, form })

export const sessionsCases: HostileCase[] = [
  ...csrfCases('POST /account/sessions/end for another browser of the user', endSession({ session: '{session}' }), { signedInAfter: true, otherSignedInAfter: true }),
  { name: 'POST /account/sessions/end from an anonymous visitor is sent to the login page and ends nothing',
    request: { ...endSession({ session: '{session}' }), as: undefined }, expect: { status: 303, location: '/login', otherSignedInAfter: true } },
  { name: "POST /account/sessions/end with another user's browser handle ends nothing",
    request: endSession({ session: '{session}' }, { otherSession: FR_USER }), expect: OTHER_KEPT },
  { name: 'POST /account/sessions/end without a session field ends nothing',
    request: endSession({}), expect: OTHER_KEPT },
  { name: 'POST /account/sessions/end with the handle sent twice is a 400 and ends nothing',
    request: endSession({ session: ['{session}', '{session}'] }), expect: { status: 400, messages: BAD_REQUEST, otherSignedInAfter: true } },
  { name: 'POST /account/sessions/end with a JSON array holding the handle is a 400 and ends nothing',
    request: { ...jsonBody('/account/sessions/end', '{"_csrf":"{csrf}","session":["{session}"]}'), as: EN_USER, setup: { otherSession: EN_USER } },
    expect: { status: 400, messages: BAD_REQUEST, otherSignedInAfter: true } },
  { name: 'POST /account/sessions/end with a 2 MB body is refused with 413 and ends nothing',
    request: { ...bigForm('/account/sessions/end', 'session'), as: EN_USER, setup: { otherSession: EN_USER } }, expect: { status: 413, messages: TOO_LARGE, otherSignedInAfter: true } },
  ...([
    ['the handle followed by a NUL byte', '{session}\u0000'],
    ['a made-up handle of the right shape', '0123456789abcdef01234567'],
    ["' OR 1=1 --", SQL_TEXT],
    ['a % wildcard', '%'],
    ['<script>', SCRIPT_TEXT],
    ['a 100 kB handle', 'f'.repeat(100_000)],
    ['an emoji', '\u{1F600}'],
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /account/sessions/end with ${label} ends nothing`,
    request: endSession({ session: value }), expect: { ...OTHER_KEPT, absent: ['alert(1)'] },
  })),
  { name: 'POST /account/sessions/end with next and back set off the site still redirects to /account/security',
    request: endSession({ session: '{session}', next: '//evil.example', back: 'https://evil.example' }),
    expect: { status: 303, location: '/account/security', absent: ['evil.example'], signedInAfter: true, otherSignedInAfter: false } },

  ...csrfCases('POST /account/sessions/end-others', endOthers(), { signedInAfter: true, otherSignedInAfter: true }),
  { name: 'POST /account/sessions/end-others from an anonymous visitor is sent to the login page and ends nothing',
    request: { ...endOthers(), as: undefined }, expect: { status: 303, location: '/login', otherSignedInAfter: true } },
  { name: 'POST /account/sessions/end-others with a 2 MB body is refused with 413 and ends nothing',
    request: { ...bigForm('/account/sessions/end-others', 'x'), as: EN_USER, setup: { otherSession: EN_USER } }, expect: { status: 413, messages: TOO_LARGE, otherSignedInAfter: true } },
  { name: 'POST /account/sessions/end-others with next and back set off the site still redirects to /account/security',
    request: endOthers({ next: '//evil.example', back: 'https://evil.example' }),
    expect: { status: 303, location: '/account/security', absent: ['evil.example'], signedInAfter: true, otherSignedInAfter: false } },
]

// ---------------------------------------------------------------- GET /notifications?page=&show=

const notificationsPage = (query: string, as = EN_USER): HostileRequest => ({ method: 'GET', url: `/notifications?${query}`, as })
const FIRST_PAGE: HostileExpect = { status: 200, messages: ['notifications.title'], sameBodyAs: '/notifications' }

export const notificationsPageCases: HostileCase[] = [
  ...([
    ['page=abc', 'page=abc'],
    ['a negative page', 'page=-5'],
    ['page=0', 'page=0'],
    ['page=1.5', 'page=1.5'],
    ['page=1e9 (read as 1)', 'page=1e9'],
    ['page=<script>', `page=${encodeURIComponent(SCRIPT_TEXT)}`],
    ["page=' OR 1=1 --", `page=${encodeURIComponent(SQL_TEXT)}`],
    ['page with a NUL byte', 'page=%00'],
    ['page repeated (page=1&page=2)', 'page=1&page=2'],
    ['page[]=2', 'page%5B%5D=2'],
    ['an invalid percent-encoding', 'page=%E0%A4%A'],
    ['fullwidth digits', `page=${encodeURIComponent('２')}`],
    ['show=<script>', `show=${encodeURIComponent(SCRIPT_TEXT)}`],
    ['show=UNREAD (upper case)', 'show=UNREAD'],
    ['show repeated (show=unread&show=all)', 'show=unread&show=all'],
    ['show=unread with a NUL byte', 'show=unread%00'],
  ] as const).map(([label, query]): HostileCase => ({
    name: `GET /notifications with ${label} shows the first page of all notifications`,
    request: notificationsPage(query), expect: FIRST_PAGE,
  })),
  { name: 'GET /notifications with a page past the last one shows an empty page, no error',
    request: notificationsPage('page=99999'), expect: { status: 200, messages: ['notifications.title'] } },
  { name: 'GET /notifications with a 400-digit page is capped, no error',
    request: notificationsPage(`page=${'9'.repeat(400)}`), expect: { status: 200, messages: ['notifications.title'] } },
  { name: 'GET /notifications with a 10 kB show is ignored',
    request: notificationsPage(`show=${'u'.repeat(10_000)}`), expect: FIRST_PAGE },
  { name: 'GET /notifications with page=<script> for a French user answers the French page',
    request: notificationsPage(`page=${encodeURIComponent(SCRIPT_TEXT)}`, FR_USER), expect: { status: 200, lang: 'fr', messages: ['notifications.title'] } },
  { name: 'GET /notifications?page=<script>, anonymous, redirects to the login page with next encoded',
    request: { method: 'GET', url: `/notifications?page=${encodeURIComponent(SCRIPT_TEXT)}` },
    expect: { status: 302, location: /^\/login\?next=%2Fnotifications%3Fpage%3D[A-Za-z0-9%._~!*'()-]*$/ } },
]

// ---------------------------------------------------------------- POST /notifications/:id/read

const OWN_NOTIFICATION: HostileSetup = { notification: EN_USER }
const markRead = (id: string, setup: HostileSetup = OWN_NOTIFICATION, query = ''): HostileRequest =>
  ({ method: 'POST', url: `/notifications/${id}/read${query}`, as: EN_USER, setup, form: {} })
const noSuchNotification: HostileExpect = { status: 404, messages: NOT_FOUND, signedInAfter: true }

export const notificationReadCases: HostileCase[] = [
  ...csrfCases('POST /notifications/:id/read of an own notification', markRead('{notification}'), { signedInAfter: true }),
  { name: 'POST /notifications/:id/read without a CSRF token answers in French for a French user',
    request: { ...markRead('{notification}', { notification: FR_USER }), as: FR_USER, csrf: 'missing' }, expect: { status: 403, lang: 'fr', messages: CSRF_PAGE } },
  { name: 'POST /notifications/:id/read from an anonymous visitor is sent to the login page and marks nothing',
    request: { ...markRead('{notification}'), as: undefined }, expect: { status: 303, location: '/login' } },

  // ids that are not a notification number: 404
  ...([
    ['a non-numeric id (abc)', 'abc'],
    ['path traversal (..%2F..%2Fetc%2Fpasswd)', '..%2F..%2Fetc%2Fpasswd'],
    ['encoded dots (%2e%2e)', '%2e%2e'],
    ['the own id followed by a NUL byte', '{notification}%00'],
    ['the own id followed by CR LF and a header', '{notification}%0D%0ASet-Cookie:%20hostile=1'],
    ['the own id followed by letters', '{notification}abc'],
    ['a negative id', '-{notification}'],
    ['id 0', '0'],
    ['an id past the safe integers (9007199254740993)', '9007199254740993'],
    ["the own id followed by ' OR 1=1 --", `{notification}${encodeURIComponent(SQL_TEXT)}`],
    ['an id with OR 1=1', encodeURIComponent('1 OR 1=1')],
    ['<script>', encodeURIComponent(SCRIPT_TEXT)],
    ['a fullwidth digit', encodeURIComponent('１')],
    ['an Arabic-Indic digit', encodeURIComponent('١')],
    ...UNICODE_TEXT.map(([label, value]): [string, string] => [`the own id followed by ${label}`, `{notification}${encodeURIComponent(value)}`]),
  ] as const).map(([label, id]): HostileCase => ({
    name: `POST /notifications/:id/read with ${label} is a 404 and marks nothing`,
    request: markRead(id), expect: noSuchNotification,
  })),
  { name: 'POST /notifications/:id/read with a 120-digit id is a localized 404',
    request: markRead('1'.repeat(120)), expect: noSuchNotification },
  { name: 'POST /notifications/:id/read with an invalid percent-encoding is a 400 with the localized page',
    request: markRead('1%E0%A4%A'), expect: { status: 400, messages: BAD_REQUEST } },
  // numbers written another way are not ids either
  ...([
    ['the own id after a space (%20)', '%20{notification}'],
    ['the own id followed by a tab (%09)', '{notification}%09'],
    ['the own id with a plus sign', '+{notification}'],
    ['the own id as a decimal (.0)', '{notification}.0'],
    ['the own id in exponent form (e0)', '{notification}e0'],
  ] as const).map(([label, id]): HostileCase => ({
    name: `POST /notifications/:id/read with ${label} is a 404 and marks nothing`,
    request: markRead(id), expect: noSuchNotification
  })),

  // numeric ids that are not the user's: the same answer as an unknown one, nothing written
  { name: "POST /notifications/:id/read with another user's notification id marks nothing (same answer as an unknown id)",
    request: markRead('{notification}', { notification: FR_USER }), expect: { status: 303, location: '/notifications', signedInAfter: true } },
  { name: 'POST /notifications/:id/read with an unknown id marks nothing',
    request: markRead('99999999'), expect: { status: 303, location: '/notifications', signedInAfter: true } },

  // sizes, redirects
  { name: 'POST /notifications/:id/read with a 2 MB body is refused with 413 and marks nothing',
    request: { ...bigForm('/notifications/{notification}/read', 'x'), as: EN_USER, setup: OWN_NOTIFICATION }, expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /notifications/:id/read with next and back off the site (form and query) still redirects to /notifications',
    request: { ...markRead('{notification}', OWN_NOTIFICATION, '?next=%2F%2Fevil.example'), form: { next: '//evil.example', back: 'https://evil.example' } },
    expect: { status: 303, location: '/notifications', absent: ['evil.example'], mayWrite: ['notifications'], notStored: ['evil.example'] } },
]

// ---------------------------------------------------------------- POST /notifications/read-all

const readAll = (form: Record<string, string | string[]> = {}, as = EN_USER): HostileRequest =>
  ({ method: 'POST', url: '/notifications/read-all', as, setup: OWN_NOTIFICATION, form })

export const notificationsReadAllCases: HostileCase[] = [
  ...csrfCases('POST /notifications/read-all', readAll(), { signedInAfter: true }),
  { name: 'POST /notifications/read-all from an anonymous visitor is sent to the login page and marks nothing',
    request: { ...readAll(), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /notifications/read-all with a 2 MB body is refused with 413 and marks nothing',
    request: { ...bigForm('/notifications/read-all', 'x'), as: EN_USER, setup: OWN_NOTIFICATION }, expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  ...OFFSITE.map(([label, value]): HostileCase => ({
    name: `POST /notifications/read-all with next and back set to ${label} redirects to /notifications`,
    request: { method: 'POST', url: '/notifications/read-all', as: QUIET_USER, form: { next: value, back: value } },
    expect: { status: 303, location: '/notifications', absent: ['evil.example', 'hostile=1'] },
  })),
]

// ---------------------------------------------------------------- POST /notifications/preferences

/** Every optional box ticked, as the page posts it when nothing is turned off. */
const ALL_TICKED = {
  'password_changed:in_app': 'on', 'totp_enabled:in_app': 'on', 'totp_disabled:in_app': 'on', 'totp_reset:in_app': 'on',
  'support_level_changed:in_app': 'on', 'budget_threshold:in_app': 'on', 'budget_threshold:email': 'on',
  'subscription_cancellation_scheduled:in_app': 'on', 'subscription_cancellation_scheduled:email': 'on', 'subscription_cancellation_applied:in_app': 'on',
}
const preferences = (form: Record<string, string | string[]>, as = PREFS_USER): HostileRequest =>
  ({ method: 'POST', url: '/notifications/preferences', as, form })
const PREFERENCES_SAVED = (notStored: string[]): HostileExpect =>
  ({ status: 303, location: '/notifications', mayWrite: ['notification_preferences'], notStored, absent: ['evil.example'] })

export const notificationPreferencesCases: HostileCase[] = [
  ...csrfCases('POST /notifications/preferences turning everything off', preferences({}), { lang: 'fr', signedInAfter: true }),
  { name: 'POST /notifications/preferences from an anonymous visitor is sent to the login page and saves nothing',
    request: { ...preferences({}), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /notifications/preferences with a 2 MB body is refused with 413, in French for a French user',
    request: { ...bigForm('/notifications/preferences', 'password_changed:in_app'), as: PREFS_USER }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE } },

  // wrong types: a 400, not a guess
  { name: 'POST /notifications/preferences with a box sent twice is a 400 and saves nothing',
    request: preferences({ ...ALL_TICKED, 'password_changed:in_app': ['on', 'on'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /notifications/preferences with a box sent twice (on, empty) is a 400 and saves nothing',
    request: preferences({ ...ALL_TICKED, 'totp_enabled:in_app': ['on', ''] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /notifications/preferences with a JSON array as a box is a 400 and saves nothing',
    request: { ...jsonBody('/notifications/preferences', '{"_csrf":"{csrf}","password_changed:in_app":["on"],"totp_enabled:in_app":"on","totp_disabled:in_app":"on"}'), as: PREFS_USER },
    expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /notifications/preferences with a JSON true as a box is a 400 and saves nothing',
    request: { ...jsonBody('/notifications/preferences', '{"_csrf":"{csrf}","password_changed:in_app":true,"totp_enabled:in_app":"on","totp_disabled:in_app":"on"}'), as: PREFS_USER },
    expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },

  // unknown kinds and channels are not stored; security email cannot be turned off
  { name: 'POST /notifications/preferences ignores unknown kinds and channels: only the known optional boxes are stored',
    request: preferences({ ...ALL_TICKED, 'evil:in_app': 'on', 'password_changed:sms': 'on', 'password_changed:email': 'off', 'totp_enabled:email': '' }),
    expect: PREFERENCES_SAVED(['"kind":"evil"', '"channel":"sms"', '"kind":"password_changed","channel":"email"', '"kind":"totp_enabled","channel":"email"']) },
  { name: 'POST /notifications/preferences ignores __proto__, constructor and prototype fields',
    request: preferences({ ...ALL_TICKED, '__proto__:in_app': 'on', 'constructor:in_app': 'on', ['__proto__']: 'x', 'constructor[prototype][polluted]': 'on', 'prototype:in_app': 'on' }),
    expect: PREFERENCES_SAVED(['__proto__', 'constructor', 'prototype', 'polluted']) },
  { name: 'POST /notifications/preferences ignores a <script> kind and stores no part of it',
    request: preferences({ ...ALL_TICKED, [`${SCRIPT_TEXT}:in_app`]: 'on', [`password_changed:${SCRIPT_TEXT}`]: 'on' }), expect: PREFERENCES_SAVED(['script', 'alert']) },
  { name: "POST /notifications/preferences ignores ' OR 1=1 -- as kind",
    request: preferences({ ...ALL_TICKED, [`${SQL_TEXT}:in_app`]: 'on' }), expect: PREFERENCES_SAVED(['OR 1=1']) },
  { name: 'POST /notifications/preferences reads a box with a value other than "on" (<script>) as unticked and stores no part of it',
    request: preferences({ ...ALL_TICKED, 'password_changed:in_app': SCRIPT_TEXT }), expect: PREFERENCES_SAVED(['script']) },
  { name: 'POST /notifications/preferences with next and back set off the site still redirects to /notifications',
    request: preferences({ ...ALL_TICKED, next: '//evil.example', back: 'https://evil.example' }), expect: PREFERENCES_SAVED(['evil.example']) },
]

// ---------------------------------------------------------------- Rights: shared

/** Users manager on OWN_CONTRACT (not its referent, no FE console role), locale fr. */
const USERS_MANAGER = 'bruno.petit'
/** Referent of OWN_CONTRACT and SECOND_CONTRACT (FR_USER). */
const REFERENT = FR_USER
/** Users visitor on OWN_CONTRACT (EN_USER): any manager form is a 403 for her. */
const USERS_VISITOR = EN_USER
/** Hexagone's FE contract: referent alice.martin, users manager bruno.petit. */
const OWN_CONTRACT = 'OCB0000101'
/** Hexagone's FE HDS contract: referent alice.martin, domain owner bruno.petit. */
const SECOND_CONTRACT = 'OCB0000102'
/** Rivage's contract: nobody of Hexagone holds a role on it. */
const OTHER_COMPANY_CONTRACT = 'OCB0000301'
const UNKNOWN_CONTRACT = 'OCB9999999'
/** On Hexagone's OCB0000100 and OCB0000103 only: not a user of OWN_CONTRACT. */
const OTHER_CONTRACT_USER = 'david.moreau'
/** Rivage: another company. */
const OTHER_COMPANY_USER = 'helene.fabre'
/** The target of the one accepted "change roles" row (posted with her own roles): her roles stay. */
const ROLES_TARGET = 'karine.lopez'
const ROLES_TARGET_ROLES = { dashboard: 'none', contracts: 'visitor', subscriptions: 'none', documents: 'none', billing: 'none', orders: 'visitor', services: 'none', support: 'visitor', users: 'none', fe_console: 'none' }

/** Every role field of an FE contract at its lowest role (what step 2 offers first). */
const LOWEST_ROLES: Record<string, string> = {
  'role[dashboard]': 'none', 'role[contracts]': 'visitor', 'role[subscriptions]': 'none', 'role[documents]': 'none', 'role[billing]': 'none',
  'role[orders]': 'none', 'role[services]': 'none', 'role[support]': 'none', 'role[users]': 'none', 'role[fe_console]': 'none',
}
const rolesFields = (roles: Record<string, string>) => Object.fromEntries(Object.entries(roles).map(([section, role]) => [`role[${section}]`, role]))
/** Step 1 of the wizard, valid: a new person (no account has this email nor this login). */
const NEW_PERSON: Record<string, string> = {
  title: 'mrs', first_name: 'Zoé', last_name: 'Hostile', email: 'zoe.hostile@hexagone.example', login: 'zoe.hostile', phone: '', locale: 'en',
}
const AT_STEP_2: HostileSetup = { wizard: { contract: OWN_CONTRACT, person: NEW_PERSON } }
const AT_STEP_3: HostileSetup = { wizard: { contract: OWN_CONTRACT, person: NEW_PERSON, roles: LOWEST_ROLES } }

/** A contract the user holds no role on answers exactly like an unknown one. */
const noSuchContract = (lang: 'en' | 'fr' = 'fr'): HostileExpect =>
  ({ status: 404, lang, messages: NOT_FOUND, sameBodyAs: `/rights/new?contract=${UNKNOWN_CONTRACT}` })
/** A login not declared on the contract answers exactly like an unknown one. */
const noSuchUser = (lang: 'en' | 'fr' = 'fr', contract = OWN_CONTRACT): HostileExpect =>
  ({ status: 404, lang, messages: NOT_FOUND, sameBodyAs: `/rights/users/${UNKNOWN_LOGIN}?contract=${contract}` })
/** A users visitor on a Users manager form. */
const NEEDS_USERS_MANAGER: HostileExpect = {
  status: 403, messages: ['error.403.title', { key: 'error.403.needs', params: { role: 'Manager', section: 'Users' } }], signedInAfter: true,
}
const REFERENT_ONLY = (lang: 'en' | 'fr' = 'en'): HostileExpect => ({ status: 403, lang, messages: ['error.403.title', 'error.403.referent'], signedInAfter: true })
const STEP_1 = (contract = OWN_CONTRACT) => `/rights/new?contract=${contract}`
const START_AGAIN = (contract = OWN_CONTRACT): HostileExpect => ({ status: 303, location: STEP_1(contract) })

/** Unknown or hostile logins in /rights/users/:login: each is a 404, like an unknown login. */
const HOSTILE_LOGINS: Array<[label: string, raw: string]> = [
  ['an unknown login', UNKNOWN_LOGIN],
  ['the login of a user of another contract of the company', OTHER_CONTRACT_USER],
  ['the login of a user of another company', OTHER_COMPANY_USER],
  ['path traversal (..%2F..%2Fetc%2Fpasswd)', '..%2F..%2Fetc%2Fpasswd'],
  ['encoded dots (%2e%2e)', '%2e%2e'],
  ['a login followed by a NUL byte', `${USERS_VISITOR}%00`],
  ['a login followed by CR LF and a header', `${USERS_VISITOR}%0D%0ASet-Cookie:%20hostile=1`],
  ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)],
  ["a login followed by ' OR '1'='1", encodeURIComponent(`${USERS_VISITOR}' OR '1'='1`)],
  ['a LIKE % wildcard (chloe%)', 'chloe%25'],
  ['a LIKE _ wildcard (chloe_bernard)', 'chloe_bernard'],
  ['<script>', encodeURIComponent(SCRIPT_TEXT)],
  ['a 65-character login', 'a'.repeat(65)],
  ...UNICODE_TEXT.map(([label, value]): [string, string] => [`a login followed by ${label}`, encodeURIComponent(`${USERS_VISITOR}${value}`)]),
  ['a fullwidth look-alike of a login', encodeURIComponent('ｃｈｌｏｅ.bernard')],
]

// ---------------------------------------------------------------- GET /rights?contract=&q=

const rightsList = (query: string, as = USERS_VISITOR): HostileRequest => ({ method: 'GET', url: `/rights?${query}`, as })
const RIGHTS_OF_OWN: HostileExpect = { status: 200, messages: [{ key: 'rights.title', params: { contract: 'Hexagone Production' } }], sameBodyAs: `/rights?contract=${OWN_CONTRACT}` }
const noMatch = (q: string, lang: 'en' | 'fr' = 'en'): HostileExpect => ({ status: 200, lang, messages: [{ key: 'rights.no_match', params: { q } }], echoed: q })

export const rightsListCases: HostileCase[] = [
  // q: searched as plain text, shown back escaped
  { name: 'GET /rights?q=<script> finds nobody and shows the search back escaped',
    request: rightsList(`contract=${OWN_CONTRACT}&q=${encodeURIComponent(SCRIPT_TEXT)}`), expect: noMatch(SCRIPT_TEXT) },
  { name: 'GET /rights?q= with an attribute break-out shows it back escaped',
    request: rightsList(`contract=${OWN_CONTRACT}&q=${encodeURIComponent(ATTRIBUTE_BREAKOUT)}`), expect: noMatch(ATTRIBUTE_BREAKOUT) },
  { name: "GET /rights?q=' OR 1=1 -- finds nobody (no SQL injection)",
    request: rightsList(`contract=${OWN_CONTRACT}&q=${encodeURIComponent(SQL_TEXT)}`), expect: noMatch(SQL_TEXT) },
  { name: "GET /rights?q=' UNION SELECT password_hash FROM users -- finds nobody and shows no hash",
    request: rightsList(`contract=${OWN_CONTRACT}&q=${encodeURIComponent("' UNION SELECT password_hash FROM users --")}`),
    expect: { ...noMatch("' UNION SELECT password_hash FROM users --"), absent: ['$argon2'] } },
  { name: 'GET /rights?q=% (a LIKE wildcard) is searched literally: nobody matches',
    request: rightsList(`contract=${OWN_CONTRACT}&q=%25`), expect: noMatch('%') },
  { name: 'GET /rights?q=_ (a LIKE wildcard) is searched literally: nobody matches',
    request: rightsList(`contract=${OWN_CONTRACT}&q=_`), expect: noMatch('_') },
  { name: 'GET /rights?q= with a backslash is searched literally: nobody matches',
    request: rightsList(`contract=${OWN_CONTRACT}&q=%5C`), expect: noMatch('\\') },
  { name: 'GET /rights?q= with a NUL byte inside a name drops it and finds the user',
    request: rightsList(`contract=${OWN_CONTRACT}&q=chlo%00e.bernard`), expect: { status: 200, messages: ['rights.users'], contains: ['chloe.bernard@hexagone.example'] } },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `GET /rights?q= with ${label} finds nobody, value shown back`,
    request: rightsList(`contract=${OWN_CONTRACT}&q=${encodeURIComponent(value)}`), expect: noMatch(value),
  })),
  { name: 'GET /rights?q= of 10 kB is cut to 100 characters, no error',
    request: rightsList(`contract=${OWN_CONTRACT}&q=${'z'.repeat(10_000)}`), expect: { ...noMatch('z'.repeat(100)), contains: [`value="${'z'.repeat(100)}"`] } },
  { name: 'GET /rights?q= repeated is ignored: the whole list',
    request: rightsList(`contract=${OWN_CONTRACT}&q=chloe&q=bruno`), expect: RIGHTS_OF_OWN },
  { name: 'GET /rights?q[]= is not the q parameter: the whole list',
    request: rightsList(`contract=${OWN_CONTRACT}&q%5B%5D=chloe`), expect: RIGHTS_OF_OWN },
  { name: 'GET /rights?q= with an invalid percent-encoding is no error',
    request: rightsList(`contract=${OWN_CONTRACT}&q=%E0%A4%A`), expect: { status: 200, messages: ['rights.users'] } },
  { name: "GET /rights?q=<script> for a French user answers the French page, escaped",
    request: rightsList(`contract=${OWN_CONTRACT}&q=${encodeURIComponent(SCRIPT_TEXT)}`, REFERENT), expect: noMatch(SCRIPT_TEXT, 'fr') },

  // contract: another company's, unknown, hostile: 404
  { name: "GET /rights?contract= of another company is a 404, same page as an unknown code",
    request: rightsList(`contract=${OTHER_COMPANY_CONTRACT}`), expect: noSuchContract('en') },
  { name: 'GET /rights?contract= of an unknown code is a 404',
    request: rightsList(`contract=${UNKNOWN_CONTRACT}`), expect: noSuchContract('en') },
  { name: 'GET /rights?contract= of an own contract followed by a NUL byte is a 404',
    request: rightsList(`contract=${OWN_CONTRACT}%00`), expect: noSuchContract('en') },
  { name: "GET /rights?contract= with ' OR 1=1 -- is a 404",
    request: rightsList(`contract=${encodeURIComponent(`${OTHER_COMPANY_CONTRACT}${SQL_TEXT}`)}`), expect: noSuchContract('en') },
  { name: 'GET /rights?contract= with a LIKE _ wildcard (OCB000030_) is a 404',
    request: rightsList('contract=OCB000030_'), expect: noSuchContract('en') },
  { name: 'GET /rights?contract=<script> is a 404 with nothing raw on the page',
    request: rightsList(`contract=${encodeURIComponent(SCRIPT_TEXT)}`), expect: noSuchContract('en') },
  { name: 'GET /rights?contract= with path traversal is a 404',
    request: rightsList('contract=..%2F..%2Fetc%2Fpasswd'), expect: { ...noSuchContract('en'), absent: ['root:'] } },
  { name: 'GET /rights?contract= of 40 characters is a 404, like any unknown code (not the default contract)',
    request: rightsList(`contract=OCB${'0'.repeat(37)}`), expect: noSuchContract('en') },
  { name: "GET /rights?contract= repeated (own, another company's) is ignored, not guessed: the default contract, never the other company's list",
    request: rightsList(`contract=${OWN_CONTRACT}&contract=${OTHER_COMPANY_CONTRACT}`),
    expect: { status: 200, messages: ['rights.users'], sameBodyAs: '/rights', absent: ['Rivage', 'helene.fabre'] } },

  // who may see it
  { name: 'GET /rights without a Users role is a 403 naming the role needed',
    request: rightsList(`contract=${OWN_CONTRACT}`, RESET_USER),
    expect: { status: 403, lang: 'fr', messages: ['error.403.title', { key: 'error.403.needs', params: { role: 'Visiteur', section: 'Utilisateurs' } }] } },
  { name: 'GET /rights?q=<script>, anonymous, redirects to the login page with next encoded',
    request: { method: 'GET', url: `/rights?contract=${OWN_CONTRACT}&q=${encodeURIComponent(SCRIPT_TEXT)}` },
    expect: { status: 302, location: /^\/login\?next=%2Frights%3F[A-Za-z0-9%._~!*'()-]*$/ } },
]

// ---------------------------------------------------------------- GET /rights/new, POST /rights/new (step 1)

const wizardPage = (path: string, contract = OWN_CONTRACT, as = USERS_MANAGER, setup?: HostileSetup): HostileRequest =>
  ({ method: 'GET', url: `${path}?contract=${contract}`, as, ...(setup ? { setup } : {}) })
const person = (form: Record<string, string | string[]>, as = USERS_MANAGER): HostileRequest =>
  ({ method: 'POST', url: '/rights/new', as, form: { contract: OWN_CONTRACT, ...NEW_PERSON, ...form } })
const personRefused = (messages: MessageRef[], echoed?: string): HostileExpect =>
  ({ status: 422, lang: 'fr', messages, signedInAfter: true, ...(echoed === undefined ? {} : { echoed }) })
/** Accepted step 1: on to step 2, nothing written yet. */
const TO_STEP_2: HostileExpect = { status: 303, location: `/rights/new/roles?contract=${OWN_CONTRACT}`, absent: ['evil.example'] }
/** An invalid email keeps the request at step 1 (422) whatever the other fields hold. */
const BAD_EMAIL = 'not-an-email'

export const wizardPersonCases: HostileCase[] = [
  // the page
  { name: 'GET /rights/new as a users visitor is a 403 naming the role needed',
    request: wizardPage('/rights/new', OWN_CONTRACT, USERS_VISITOR), expect: NEEDS_USERS_MANAGER },
  { name: "GET /rights/new?contract= of another company is a 404, same page as an unknown code",
    request: wizardPage('/rights/new', OTHER_COMPANY_CONTRACT), expect: noSuchContract() },
  { name: 'GET /rights/new without a contract is a 404',
    request: { method: 'GET', url: '/rights/new', as: USERS_MANAGER }, expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'GET /rights/new?contract=<script> is a 404 with nothing raw on the page',
    request: wizardPage('/rights/new', encodeURIComponent(SCRIPT_TEXT)), expect: noSuchContract() },
  { name: "GET /rights/new?contract= repeated (own, another company's) is ignored (a 404, as without a contract), never the other company's contract",
    request: wizardPage('/rights/new', `${OWN_CONTRACT}&contract=${OTHER_COMPANY_CONTRACT}`), expect: { ...noSuchContract(), absent: ['Rivage'] } },

  // CSRF, who may post
  ...csrfCases('POST /rights/new', person({}), { lang: 'fr', signedInAfter: true }),
  { name: 'POST /rights/new from an anonymous visitor is sent to the login page',
    request: { ...person({}), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /rights/new as a users visitor is a 403 and keeps no wizard',
    request: person({}, USERS_VISITOR), expect: NEEDS_USERS_MANAGER },
  { name: "POST /rights/new with another company's contract is a 404, same page as an unknown code",
    request: person({ contract: OTHER_COMPANY_CONTRACT }), expect: noSuchContract() },
  { name: 'POST /rights/new with an unknown contract is a 404',
    request: person({ contract: UNKNOWN_CONTRACT }), expect: noSuchContract() },
  { name: 'POST /rights/new without a contract is a 404',
    request: { method: 'POST', url: '/rights/new', as: USERS_MANAGER, form: NEW_PERSON }, expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: "POST /rights/new with another company's contract in the query (own one in the form) is a 404",
    request: { ...person({}), url: `/rights/new?contract=${OTHER_COMPANY_CONTRACT}` }, expect: noSuchContract() },

  // missing fields
  { name: 'POST /rights/new with no field but the contract answers 422 with a message per field',
    request: { method: 'POST', url: '/rights/new', as: USERS_MANAGER, form: { contract: OWN_CONTRACT } },
    expect: personRefused(['account.error.title', 'rights.error.first_name_required', 'rights.error.last_name_required', 'account.error.email_required', 'rights.error.login_required', 'rights.error.locale']) },
  { name: 'POST /rights/new with names made of spaces and control characters counts as no names',
    request: person({ first_name: ' \u0000\u0007 \t', last_name: '\u001B\u0085' }), expect: personRefused(['rights.error.first_name_required', 'rights.error.last_name_required']) },
  { name: 'POST /rights/new with a login made of control characters counts as no login',
    request: person({ login: '\u0000\u0008\u007F' }), expect: personRefused(['rights.error.login_required']) },

  // title and locale: listed values only
  ...([
    ['an unknown title (dr)', 'title', 'dr', 'account.error.title'],
    ['an uppercase MR', 'title', 'MR', 'account.error.title'],
    ['mrs followed by a NUL byte', 'title', 'mrs\u0000', 'account.error.title'],
    ['a <script> title', 'title', SCRIPT_TEXT, 'account.error.title'],
    ['an unknown locale (de)', 'locale', 'de', 'rights.error.locale'],
    ['an uppercase locale (FR)', 'locale', 'FR', 'rights.error.locale'],
    ['en followed by a NUL byte as locale', 'locale', 'en\u0000', 'rights.error.locale'],
    ["' OR 1=1 -- as locale", 'locale', SQL_TEXT, 'rights.error.locale'],
    ['a <script> locale', 'locale', SCRIPT_TEXT, 'rights.error.locale'],
  ] as const).map(([label, name, value, message]): HostileCase => ({
    name: `POST /rights/new with ${label} answers 422`,
    request: person({ [name]: value }), expect: { ...personRefused([message]), absent: ['alert(1)'] },
  })),

  // lengths
  { name: 'POST /rights/new with an 81-character first name is refused, value kept',
    request: person({ first_name: 'F'.repeat(81) }), expect: personRefused([{ key: 'account.error.too_long', params: { max: 80 } }], 'F'.repeat(81)) },
  { name: 'POST /rights/new with a 500 kB last name is refused',
    request: person({ last_name: 'L'.repeat(500_000) }), expect: personRefused([{ key: 'account.error.too_long', params: { max: 80 } }]) },
  { name: 'POST /rights/new with a 7-character login is refused',
    request: person({ login: 'zoe.hst' }), expect: personRefused(['rights.error.login_length'], 'zoe.hst') },
  { name: 'POST /rights/new with a 65-character login is refused, value kept',
    request: person({ login: 'z'.repeat(65) }), expect: personRefused(['rights.error.login_length'], 'z'.repeat(65)) },
  { name: 'POST /rights/new with an email over 254 characters is refused, value kept',
    request: person({ email: TOO_LONG_IDENTIFIER }), expect: personRefused(['account.error.email_format'], TOO_LONG_IDENTIFIER) },
  { name: 'POST /rights/new with a 31-character phone is refused',
    request: person({ phone: `+33 ${'1 '.repeat(13)}1` }), expect: personRefused(['account.error.phone_format'], `+33 ${'1 '.repeat(13)}1`) },
  { name: 'POST /rights/new with a 2 MB body is refused with 413',
    request: { ...bigForm('/rights/new', 'first_name'), as: USERS_MANAGER }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE, signedInAfter: true } },

  // wrong types
  ...(['contract', 'first_name', 'email', 'login', 'title', 'locale'] as const).map((name): HostileCase => ({
    name: `POST /rights/new with ${name} sent twice is a 400`,
    request: person({ [name]: [NEW_PERSON[name] ?? OWN_CONTRACT, name === 'contract' ? OTHER_COMPANY_CONTRACT : 'other'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST },
  })),
  { name: 'POST /rights/new with a JSON array as email is a 400',
    request: { ...jsonBody('/rights/new', `{"_csrf":"{csrf}","contract":"${OWN_CONTRACT}","title":"mrs","first_name":"Zoé","last_name":"Hostile","email":["zoe.hostile@hexagone.example"],"login":"zoe.hostile","locale":"en"}`), as: USERS_MANAGER },
    expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /rights/new with a JSON object as login is a 400',
    request: { ...jsonBody('/rights/new', `{"_csrf":"{csrf}","contract":"${OWN_CONTRACT}","title":"mrs","first_name":"Zoé","last_name":"Hostile","email":"zoe.hostile@hexagone.example","login":{"$ne":null},"locale":"en"}`), as: USERS_MANAGER },
    expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /rights/new ignores __proto__ and constructor fields: on to step 2, nothing written',
    request: person({ ['__proto__']: 'x', constructor: 'y', 'login[]': 'z', 'existingLogin': OTHER_COMPANY_USER }), expect: TO_STEP_2 },

  // HTML and script: echoed escaped
  ...([
    ['a <script> first name', 'first_name', SCRIPT_TEXT],
    ['an attribute break-out first name', 'first_name', ATTRIBUTE_BREAKOUT],
    ['a <script> last name', 'last_name', SCRIPT_TEXT],
    ['an attribute break-out last name', 'last_name', ATTRIBUTE_BREAKOUT],
    ["' OR 1=1 -- as last name", 'last_name', SQL_TEXT],
    ...UNICODE_TEXT.map(([label, value]): [string, string, string] => [`${label} in the first name`, 'first_name', value]),
  ] as const).map(([label, name, value]): HostileCase => ({
    name: `POST /rights/new refused (bad email) echoes ${label} escaped`,
    request: person({ [name]: value, email: BAD_EMAIL }), expect: personRefused(['account.error.email_format'], value),
  })),
  ...([
    ['a <script> email', SCRIPT_TEXT],
    ['an attribute break-out email', ATTRIBUTE_BREAKOUT],
    ["' OR 1=1 -- as email", SQL_TEXT.toLowerCase()],
    ['an email-shaped <script> address', `${SCRIPT_TEXT}@hexagone.example`],
    ['an email holding a right-to-left override', 'zoe.hostile\u202Emoc.live@hexagone.example'],
    ['an email holding a zero-width space', 'zoe.hostile\u200B@hexagone.example'],
    ['a fullwidth at sign (＠)', 'zoe.hostile\uFF20hexagone.example'],
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /rights/new refuses ${label}, shown back escaped`,
    request: person({ email: value }), expect: personRefused(['account.error.email_format'], value),
  })),
  ...([
    ['a <script> login', SCRIPT_TEXT],
    ['an attribute break-out login', ATTRIBUTE_BREAKOUT],
    ["' OR 1=1 -- as login", SQL_TEXT.toLowerCase()],
    ["a DROP TABLE login", "x'; drop table users; --"],
    ['a LIKE wildcard login (chloe%)', 'chloe%'],
    ['an accented login', 'zoé.hostile'],
    ['a login with a space inside', 'zoe hostile'],
    ['a fullwidth look-alike of a taken login', 'ｃｈｌｏｅ.bernard'],
    ['a zero-width space inside a taken login', 'chloe\u200B.bernard'],
    ...UNICODE_TEXT.map(([label, value]): [string, string] => [`${label} in the login`, value]),
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /rights/new refuses ${label} (letters without accents, digits, . _ - only), shown back escaped`,
    request: person({ login: value }), expect: personRefused(['rights.error.login_characters'], value),
  })),
  ...([
    ['a <script> phone', SCRIPT_TEXT],
    ['an attribute break-out phone', ATTRIBUTE_BREAKOUT],
    ['fullwidth digits as phone', '＋３３ ６ １２ ３４ ５６ ０３'],
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /rights/new refuses ${label}, shown back escaped`,
    request: person({ phone: value }), expect: personRefused(['account.error.phone_format'], value),
  })),

  // taken logins, people already on the contract
  { name: 'POST /rights/new with a taken login is refused',
    request: person({ login: USERS_VISITOR }), expect: personRefused(['rights.error.login_taken'], USERS_VISITOR) },
  { name: 'POST /rights/new with a taken login in upper case is refused as taken',
    request: person({ login: USERS_VISITOR.toUpperCase() }), expect: personRefused(['rights.error.login_taken'], USERS_VISITOR) },
  { name: 'POST /rights/new with a taken login split by a NUL byte is refused as taken (cleaned before the check)',
    request: person({ login: 'chloe.\u0000bernard' }), expect: personRefused(['rights.error.login_taken'], USERS_VISITOR) },
  { name: "POST /rights/new with the email of a user already on the contract is refused",
    request: person({ email: EN_USER_EMAIL }), expect: personRefused(['rights.error.already_on_contract'], EN_USER_EMAIL) },
  { name: "POST /rights/new with that email in upper case and between spaces is refused too",
    request: person({ email: ` ${EN_USER_EMAIL.toUpperCase()}\t` }), expect: personRefused(['rights.error.already_on_contract'], EN_USER_EMAIL) },

  // open redirects: none
  ...OFFSITE.slice(0, 4).map(([label, value]): HostileCase => ({
    name: `POST /rights/new with next and back set to ${label} goes on to step 2 of the same contract`,
    request: person({ next: value, back: value }), expect: TO_STEP_2,
  })),
]

// ---------------------------------------------------------------- GET/POST /rights/new/roles (step 2)

const roles = (form: Record<string, string | string[]>, setup: HostileSetup = AT_STEP_2, as = USERS_MANAGER): HostileRequest =>
  ({ method: 'POST', url: '/rights/new/roles', as, setup, form: { contract: OWN_CONTRACT, ...LOWEST_ROLES, ...form } })
const rolesRefused = (messages: MessageRef[]): HostileExpect => ({ status: 422, lang: 'fr', messages, signedInAfter: true })
const TO_STEP_3: HostileExpect = { status: 303, location: `/rights/new/summary?contract=${OWN_CONTRACT}`, absent: ['evil.example'] }

export const wizardRolesCases: HostileCase[] = [
  { name: 'GET /rights/new/roles without step 1 sends back to step 1',
    request: wizardPage('/rights/new/roles'), expect: START_AGAIN() },
  { name: 'GET /rights/new/roles of another contract than the wizard in progress sends back to step 1 of that contract',
    request: wizardPage('/rights/new/roles', SECOND_CONTRACT, REFERENT, { wizard: { contract: OWN_CONTRACT, person: NEW_PERSON } }), expect: START_AGAIN(SECOND_CONTRACT) },
  { name: 'GET /rights/new/roles as a users visitor is a 403',
    request: wizardPage('/rights/new/roles', OWN_CONTRACT, USERS_VISITOR), expect: NEEDS_USERS_MANAGER },
  { name: "GET /rights/new/roles?contract= of another company is a 404, even with a wizard in progress",
    request: wizardPage('/rights/new/roles', OTHER_COMPANY_CONTRACT, USERS_MANAGER, AT_STEP_2), expect: noSuchContract() },

  ...csrfCases('POST /rights/new/roles', roles({}), { lang: 'fr', signedInAfter: true }),
  { name: 'POST /rights/new/roles without step 1 in the session sends back to step 1',
    request: { ...roles({}), setup: undefined }, expect: START_AGAIN() },
  { name: 'POST /rights/new/roles for another contract than the wizard in progress sends back to step 1 of that contract',
    request: roles({ contract: SECOND_CONTRACT }, AT_STEP_2, REFERENT), expect: START_AGAIN(SECOND_CONTRACT) },
  { name: 'POST /rights/new/roles as a users visitor is a 403',
    request: { ...roles({}), as: USERS_VISITOR, setup: undefined }, expect: NEEDS_USERS_MANAGER },
  { name: "POST /rights/new/roles with another company's contract is a 404, same page as an unknown code",
    request: roles({ contract: OTHER_COMPANY_CONTRACT }), expect: noSuchContract() },
  { name: 'POST /rights/new/roles with a 2 MB body is refused with 413',
    request: { ...bigForm('/rights/new/roles', 'role[users]'), as: USERS_MANAGER, setup: AT_STEP_2 }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE, signedInAfter: true } },

  // roles: only those the section offers
  { name: 'POST /rights/new/roles with no role at all answers 422 "Choose a role" per section',
    request: { ...roles({}), form: { contract: OWN_CONTRACT } }, expect: rolesRefused(['rights.error.role_required']) },
  ...([
    ['manager on a section that offers none and visitor only (dashboard)', 'dashboard', 'manager'],
    ['none on the mandatory contracts section', 'contracts', 'none'],
    ['visitor on a section that offers none and manager only (fe_console)', 'fe_console', 'visitor'],
    ['an unknown role (admin)', 'users', 'admin'],
    ['an uppercase MANAGER', 'users', 'MANAGER'],
    ['manager followed by a NUL byte', 'users', 'manager\u0000'],
    ['manager between spaces', 'users', ' manager '],
    ['a <script> role', 'users', SCRIPT_TEXT],
    ["' OR 1=1 -- as role", 'billing', SQL_TEXT],
    ['__proto__ as role', 'users', '__proto__'],
    ['a 10 kB role', 'users', 'm'.repeat(10_000)],
  ] as const).map(([label, section, value]): HostileCase => ({
    name: `POST /rights/new/roles with ${label} answers 422 "This section does not offer that role"`,
    request: roles({ [`role[${section}]`]: value }), expect: { ...rolesRefused(['rights.error.role_not_offered']), absent: ['alert(1)'] },
  })),
  { name: 'POST /rights/new/roles with a role field sent twice is a 400',
    request: roles({ 'role[users]': ['none', 'manager'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /rights/new/roles with a console box sent twice is a 400',
    request: roles({ 'console[fe][admin]': ['on', 'on'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /rights/new/roles with a JSON array as role is a 400',
    request: { ...jsonBody('/rights/new/roles', `{"_csrf":"{csrf}","contract":"${OWN_CONTRACT}","role[users]":["manager"]}`), as: USERS_MANAGER, setup: AT_STEP_2 },
    expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /rights/new/roles with role[users][] (not the field) counts as no role for Users',
    request: roles({ 'role[users]': [], 'role[users][]': 'manager' }), expect: rolesRefused(['rights.error.role_required']) },

  // tampered section names and console roles: ignored
  { name: 'POST /rights/new/roles ignores a section the offer does not have: on to step 3, nothing written',
    request: roles({ 'role[evil]': 'manager', 'role[staff]': 'manager', 'role[referent]': 'manager' }), expect: TO_STEP_3 },
  { name: 'POST /rights/new/roles ignores __proto__, constructor and <script> section names',
    request: roles({ 'role[__proto__]': 'manager', 'role[constructor]': 'manager', [`role[${SCRIPT_TEXT}]`]: 'manager', 'role': 'manager' }), expect: TO_STEP_3 },
  { name: 'POST /rights/new/roles ignores unknown console roles and boxes whose value is not "on"',
    request: roles({ 'console[fe][root]': 'on', 'console[evil][admin]': 'on', 'console[backup][cust_admin]': 'yes', 'console[fe][admin]': SCRIPT_TEXT }), expect: TO_STEP_3 },
  { name: 'POST /rights/new/roles with next and back set off the site goes on to step 3 of the same contract',
    request: roles({ next: '//evil.example', back: 'https://evil.example' }), expect: TO_STEP_3 },
]

// ---------------------------------------------------------------- GET /rights/new/summary (step 3)

const summaryWith = (form: Record<string, string>): HostileSetup => ({ wizard: { contract: OWN_CONTRACT, person: { ...NEW_PERSON, ...form }, roles: LOWEST_ROLES } })

export const wizardSummaryCases: HostileCase[] = [
  { name: 'GET /rights/new/summary without a wizard sends back to step 1',
    request: wizardPage('/rights/new/summary'), expect: START_AGAIN() },
  { name: 'GET /rights/new/summary with only step 1 done sends back to step 1',
    request: wizardPage('/rights/new/summary', OWN_CONTRACT, USERS_MANAGER, AT_STEP_2), expect: START_AGAIN() },
  { name: 'GET /rights/new/summary of another contract than the wizard in progress sends back to step 1 of that contract',
    request: wizardPage('/rights/new/summary', SECOND_CONTRACT, REFERENT, { wizard: { contract: OWN_CONTRACT, person: NEW_PERSON, roles: LOWEST_ROLES } }), expect: START_AGAIN(SECOND_CONTRACT) },
  { name: 'GET /rights/new/summary as a users visitor is a 403',
    request: wizardPage('/rights/new/summary', OWN_CONTRACT, USERS_VISITOR), expect: NEEDS_USERS_MANAGER },
  { name: "GET /rights/new/summary?contract= of another company is a 404, even with a wizard at step 3",
    request: wizardPage('/rights/new/summary', OTHER_COMPANY_CONTRACT, USERS_MANAGER, AT_STEP_3), expect: noSuchContract() },
  ...([
    ['a <script> first name', { first_name: SCRIPT_TEXT }, SCRIPT_TEXT],
    ['an attribute break-out last name', { last_name: ATTRIBUTE_BREAKOUT }, ATTRIBUTE_BREAKOUT],
    ["' OR 1=1 -- as last name", { last_name: SQL_TEXT }, SQL_TEXT],
    ...UNICODE_TEXT.map(([label, value]): [string, Record<string, string>, string] => [`${label} in the first name`, { first_name: value }, value]),
  ] as const).map(([label, form, echoed]): HostileCase => ({
    name: `GET /rights/new/summary shows ${label} escaped`,
    request: wizardPage('/rights/new/summary', OWN_CONTRACT, USERS_MANAGER, summaryWith(form)),
    expect: { status: 200, lang: 'fr', messages: ['rights.wizard.summary'], echoed },
  })),
  { name: 'GET /rights/new/summary does not list console roles the manager cannot give (no FE console manager role)',
    request: wizardPage('/rights/new/summary', OWN_CONTRACT, USERS_MANAGER,
      { wizard: { contract: OWN_CONTRACT, person: NEW_PERSON, roles: { ...LOWEST_ROLES, 'console[fe][admin]': 'on' } } }),
    expect: { status: 200, lang: 'fr', messages: ['rights.wizard.summary'], absent: ['<dd>Administrateur</dd>', '<dd>Admin</dd>'] } },
]

// ---------------------------------------------------------------- POST /rights/new/save

/** `setup` null: no wizard in the session. */
const save = (form: Record<string, string | string[]> = {}, setup: HostileSetup | null = AT_STEP_3, as = USERS_MANAGER): HostileRequest =>
  ({ method: 'POST', url: '/rights/new/save', as, form: { contract: OWN_CONTRACT, ...form }, ...(setup ? { setup } : {}) })

export const wizardSaveCases: HostileCase[] = [
  ...csrfCases('POST /rights/new/save at step 3', save(), { lang: 'fr', signedInAfter: true }),
  { name: 'POST /rights/new/save with no wizard in the session (stale) sends back to step 1 and writes nothing',
    request: save({}, null), expect: START_AGAIN() },
  { name: 'POST /rights/new/save with only step 1 done sends back to step 1 and writes nothing',
    request: save({}, AT_STEP_2), expect: START_AGAIN() },
  { name: 'POST /rights/new/save for another contract than the wizard in progress sends back to step 1 of that contract',
    request: save({ contract: SECOND_CONTRACT }, { wizard: { contract: OWN_CONTRACT, person: NEW_PERSON, roles: LOWEST_ROLES } }, REFERENT), expect: START_AGAIN(SECOND_CONTRACT) },
  { name: 'POST /rights/new/save as a users visitor is a 403 and writes nothing',
    request: save({}, null, USERS_VISITOR), expect: NEEDS_USERS_MANAGER },
  { name: "POST /rights/new/save with another company's contract is a 404 and writes nothing, even with a wizard at step 3",
    request: save({ contract: OTHER_COMPANY_CONTRACT }), expect: noSuchContract() },
  { name: 'POST /rights/new/save from an anonymous visitor is sent to the login page',
    request: { ...save({}, null), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /rights/new/save with a 2 MB body is refused with 413 and writes nothing',
    request: { ...bigForm('/rights/new/save', 'contract'), as: USERS_MANAGER, setup: AT_STEP_3 }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /rights/new/save with the contract sent twice is a 400 and writes nothing',
    request: save({ contract: [OWN_CONTRACT, OWN_CONTRACT] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /rights/new/save with next and back set off the site saves and redirects to the new user\'s profile',
    request: save({ next: '//evil.example', back: 'https://evil.example' },
      { wizard: { contract: OWN_CONTRACT, person: { ...NEW_PERSON, login: 'hostile.saved', email: 'hostile.saved@hexagone.example' }, roles: LOWEST_ROLES } }),
    expect: { status: 303, location: `/rights/users/hostile.saved?contract=${OWN_CONTRACT}`, absent: ['evil.example'],
      mayWrite: ['users', 'contract_roles', 'audit_log', 'outbox', 'password_tokens'], notStored: ['evil.example'] } },
]

// ---------------------------------------------------------------- GET /rights/users/:login?contract=

const profile = (login: string, contract = OWN_CONTRACT, as = USERS_VISITOR): HostileRequest =>
  ({ method: 'GET', url: `/rights/users/${login}?contract=${contract}`, as })

export const rightsProfileCases: HostileCase[] = [
  ...HOSTILE_LOGINS.map(([label, login]): HostileCase => ({
    name: `GET /rights/users/:login with ${label} is a 404, same page as an unknown login`,
    request: profile(login), expect: noSuchUser('en'),
  })),
  { name: 'GET /rights/users/:login with a 120-character login is a localized 404',
    request: profile('b'.repeat(120)), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /rights/users/:login with an invalid percent-encoding is a 400 with the localized page',
    request: profile('chloe%E0%A4%A'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: "GET /rights/users/:login of an own user on another company's contract is a 404",
    request: profile(USERS_VISITOR, OTHER_COMPANY_CONTRACT), expect: noSuchUser('en') },
  { name: 'GET /rights/users/:login without a contract is a 404',
    request: { method: 'GET', url: `/rights/users/${USERS_VISITOR}`, as: USERS_VISITOR }, expect: { status: 404, messages: NOT_FOUND } },
  { name: "GET /rights/users/:login with the contract repeated (own, another company's) is ignored (a 404, as without a contract), never the other company's",
    request: profile(USERS_VISITOR, `${OWN_CONTRACT}&contract=${OTHER_COMPANY_CONTRACT}`), expect: { ...noSuchUser('en'), absent: ['Rivage'] } },
  { name: 'GET /rights/users/:login without a Users role is a 403',
    request: profile(USERS_VISITOR, OWN_CONTRACT, RESET_USER),
    expect: { status: 403, lang: 'fr', messages: ['error.403.title', { key: 'error.403.needs', params: { role: 'Visiteur', section: 'Utilisateurs' } }] } },
  { name: 'GET /rights/users/:login with a hostile login, anonymous, only redirects to the login page with next encoded',
    request: { method: 'GET', url: `/rights/users/${encodeURIComponent(`${SCRIPT_TEXT}//evil.example`)}?contract=${OWN_CONTRACT}` },
    expect: { status: 302, location: /^\/login\?next=%2Frights%2Fusers%2F[A-Za-z0-9%._~!*'()-]*$/ } },
]

// ---------------------------------------------------------------- POST /rights/users/:login/roles

const changeRoles = (login: string, form: Record<string, string | string[]> = {}, as = USERS_MANAGER): HostileRequest =>
  ({ method: 'POST', url: `/rights/users/${login}/roles`, as, form: { contract: OWN_CONTRACT, ...LOWEST_ROLES, ...form } })

export const userRolesCases: HostileCase[] = [
  ...csrfCases('POST /rights/users/:login/roles', changeRoles(USERS_VISITOR, { 'role[users]': 'manager' }), { lang: 'fr', signedInAfter: true }),
  { name: 'POST /rights/users/:login/roles from an anonymous visitor is sent to the login page',
    request: { ...changeRoles(USERS_VISITOR), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /rights/users/:login/roles as a users visitor (raising her own role) is a 403 and writes nothing',
    request: changeRoles(USERS_VISITOR, { 'role[users]': 'manager' }, USERS_VISITOR), expect: NEEDS_USERS_MANAGER },
  { name: "POST /rights/users/:login/roles with another company's contract is a 404, same page as an unknown code",
    request: changeRoles(USERS_VISITOR, { contract: OTHER_COMPANY_CONTRACT }), expect: noSuchContract() },
  ...HOSTILE_LOGINS.slice(0, 8).map(([label, login]): HostileCase => ({
    name: `POST /rights/users/:login/roles with ${label} is a 404 and writes nothing`,
    request: changeRoles(login), expect: { status: 404, lang: 'fr', messages: NOT_FOUND },
  })),
  { name: "POST /rights/users/:login/roles of the referent is refused (422) and writes nothing",
    request: changeRoles(REFERENT), expect: { status: 422, lang: 'fr', messages: ['rights.error.referent_roles'] } },
  { name: "POST /rights/users/:login/roles of the referent in upper case is refused (422) too",
    request: changeRoles(REFERENT.toUpperCase()), expect: { status: 422, lang: 'fr', messages: ['rights.error.referent_roles'] } },
  { name: 'POST /rights/users/:login/roles with no role answers 422 "Choose a role"',
    request: { ...changeRoles(USERS_VISITOR), form: { contract: OWN_CONTRACT } }, expect: rolesRefused(['rights.error.role_required']) },
  ...([
    ['manager on dashboard (not offered)', 'dashboard', 'manager'],
    ['none on contracts (mandatory)', 'contracts', 'none'],
    ['an unknown role (owner)', 'users', 'owner'],
    ['a <script> role', 'users', SCRIPT_TEXT],
    ["' OR 1=1 -- as role", 'users', SQL_TEXT],
  ] as const).map(([label, section, value]): HostileCase => ({
    name: `POST /rights/users/:login/roles with ${label} answers 422 and writes nothing`,
    request: changeRoles(USERS_VISITOR, { [`role[${section}]`]: value }), expect: { ...rolesRefused(['rights.error.role_not_offered']), absent: ['alert(1)'] },
  })),
  { name: 'POST /rights/users/:login/roles with a role sent twice is a 400 and writes nothing',
    request: changeRoles(USERS_VISITOR, { 'role[users]': ['visitor', 'manager'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /rights/users/:login/roles with a 2 MB body is refused with 413',
    request: { ...bigForm(`/rights/users/${USERS_VISITOR}/roles`, 'role[users]'), as: USERS_MANAGER }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /rights/users/:login/roles ignores unknown sections and console roles the manager cannot give: the roles are saved as they were',
    request: changeRoles(ROLES_TARGET, { ...rolesFields(ROLES_TARGET_ROLES), 'role[evil]': 'manager', 'role[__proto__]': 'manager', 'console[fe][admin]': 'on', next: '//evil.example' }),
    expect: { status: 303, location: `/rights/users/${ROLES_TARGET}?contract=${OWN_CONTRACT}`, absent: ['evil.example'],
      mayWrite: ['contract_roles', 'audit_log'], notStored: ['evil', '__proto__', '"console":"fe"', 'admin'] } },
]

// ---------------------------------------------------------------- POST /rights/users/:login/resend

const resend = (login: string, form: Record<string, string | string[]> = {}, as = USERS_MANAGER): HostileRequest =>
  ({ method: 'POST', url: `/rights/users/${login}/resend`, as, form: { contract: OWN_CONTRACT, ...form } })

export const userResendCases: HostileCase[] = [
  ...csrfCases('POST /rights/users/:login/resend', resend(USERS_VISITOR), { lang: 'fr', signedInAfter: true }),
  { name: 'POST /rights/users/:login/resend as a users visitor is a 403 and sends nothing',
    request: resend(USERS_VISITOR, {}, USERS_VISITOR), expect: NEEDS_USERS_MANAGER },
  { name: "POST /rights/users/:login/resend with another company's contract is a 404",
    request: resend(USERS_VISITOR, { contract: OTHER_COMPANY_CONTRACT }), expect: noSuchContract() },
  ...HOSTILE_LOGINS.slice(0, 8).map(([label, login]): HostileCase => ({
    name: `POST /rights/users/:login/resend with ${label} is a 404 and sends nothing`,
    request: resend(login), expect: { status: 404, lang: 'fr', messages: NOT_FOUND },
  })),
  { name: 'POST /rights/users/:login/resend for a user who has a password sends nothing (303 to the profile)',
    request: resend(USERS_VISITOR, { next: '//evil.example', back: 'https://evil.example' }),
    expect: { status: 303, location: `/rights/users/${USERS_VISITOR}?contract=${OWN_CONTRACT}`, absent: ['evil.example'] } },
  { name: 'POST /rights/users/:login/resend with the contract sent twice is a 400',
    request: resend(USERS_VISITOR, { contract: [OWN_CONTRACT, OWN_CONTRACT] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /rights/users/:login/resend with a 2 MB body is refused with 413',
    request: { ...bigForm(`/rights/users/${USERS_VISITOR}/resend`, 'contract'), as: USERS_MANAGER }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE, signedInAfter: true } },
]

// ---------------------------------------------------------------- GET/POST /rights/users/:login/delete

const deletePage = (login: string, contract = OWN_CONTRACT, as = USERS_MANAGER): HostileRequest =>
  ({ method: 'GET', url: `/rights/users/${login}/delete?contract=${contract}`, as })
const deleteAccess = (login: string, form: Record<string, string | string[]> = {}, as = USERS_MANAGER): HostileRequest =>
  ({ method: 'POST', url: `/rights/users/${login}/delete`, as, form: { contract: OWN_CONTRACT, confirm: 'yes', ...form } })

export const userDeleteCases: HostileCase[] = [
  { name: 'GET /rights/users/:login/delete as a users visitor is a 403',
    request: deletePage(ROLES_TARGET, OWN_CONTRACT, USERS_VISITOR), expect: NEEDS_USERS_MANAGER },
  { name: "GET /rights/users/:login/delete with another company's contract is a 404",
    request: deletePage(ROLES_TARGET, OTHER_COMPANY_CONTRACT), expect: noSuchContract() },
  ...HOSTILE_LOGINS.slice(0, 6).map(([label, login]): HostileCase => ({
    name: `GET /rights/users/:login/delete with ${label} is a 404`,
    request: deletePage(login), expect: noSuchUser('fr'),
  })),
  { name: 'GET /rights/users/:login/delete of the referent says it cannot be deleted, with no form',
    request: deletePage(REFERENT), expect: { status: 200, lang: 'fr', messages: ['rights.error.referent_delete'], absent: ['name="confirm"'] } },

  ...csrfCases('POST /rights/users/:login/delete confirmed', deleteAccess(ROLES_TARGET), { lang: 'fr', signedInAfter: true }),
  { name: 'POST /rights/users/:login/delete from an anonymous visitor is sent to the login page and deletes nothing',
    request: { ...deleteAccess(ROLES_TARGET), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /rights/users/:login/delete as a users visitor is a 403 and deletes nothing',
    request: deleteAccess(ROLES_TARGET, {}, USERS_VISITOR), expect: NEEDS_USERS_MANAGER },
  { name: "POST /rights/users/:login/delete with another company's contract is a 404 and deletes nothing",
    request: deleteAccess(ROLES_TARGET, { contract: OTHER_COMPANY_CONTRACT }), expect: noSuchContract() },
  ...HOSTILE_LOGINS.slice(0, 8).map(([label, login]): HostileCase => ({
    name: `POST /rights/users/:login/delete with ${label} is a 404 and deletes nothing`,
    request: deleteAccess(login), expect: { status: 404, lang: 'fr', messages: NOT_FOUND },
  })),
  { name: 'POST /rights/users/:login/delete of the referent, confirmed, is refused (422) and deletes nothing',
    request: deleteAccess(REFERENT), expect: { status: 422, lang: 'fr', messages: ['rights.error.referent_delete'] } },
  { name: 'POST /rights/users/:login/delete of the referent by the referent herself is refused (422)',
    request: deleteAccess(REFERENT, {}, REFERENT), expect: { status: 422, lang: 'fr', messages: ['rights.error.referent_delete'] } },
  { name: 'POST /rights/users/:login/delete without the confirmation box answers 422 and deletes nothing',
    request: deleteAccess(ROLES_TARGET, { confirm: [] }), expect: { status: 422, lang: 'fr', messages: ['rights.error.confirm_delete'] } },
  ...([
    ['on', 'on'],
    ['YES (upper case)', 'YES'],
    ['yes followed by a NUL byte', 'yes\u0000'],
    ['yes between spaces', ' yes '],
    ['<script>', SCRIPT_TEXT],
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /rights/users/:login/delete with confirm=${label} is not a confirmation (422) and deletes nothing`,
    request: deleteAccess(ROLES_TARGET, { confirm: value }), expect: { status: 422, lang: 'fr', messages: ['rights.error.confirm_delete'], absent: ['alert(1)'] },
  })),
  { name: 'POST /rights/users/:login/delete with confirm sent twice is a 400 and deletes nothing',
    request: deleteAccess(ROLES_TARGET, { confirm: ['yes', 'yes'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /rights/users/:login/delete with the contract sent twice is a 400 and deletes nothing',
    request: deleteAccess(ROLES_TARGET, { contract: [OWN_CONTRACT, OWN_CONTRACT] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /rights/users/:login/delete with a 2 MB body is refused with 413 and deletes nothing',
    request: { ...bigForm(`/rights/users/${ROLES_TARGET}/delete`, 'confirm'), as: USERS_MANAGER }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE, signedInAfter: true } },
]

// ---------------------------------------------------------------- POST /contracts/:code/referent, /domain-owner, /require-2fa

const handOver = (holder: 'referent' | 'domain-owner', form: Record<string, string | string[]>, code = OWN_CONTRACT, as = REFERENT): HostileRequest =>
  ({ method: 'POST', url: `/contracts/${code}/${holder}`, as, form: { login: USERS_VISITOR, password: DEMO_PASSWORD, ...form } })
const requireTwoFactors = (form: Record<string, string | string[]>, code = OWN_CONTRACT, as = REFERENT): HostileRequest =>
  ({ method: 'POST', url: `/contracts/${code}/require-2fa`, as, form: { required: 'yes', password: DEMO_PASSWORD, ...form } })
const notAUser: HostileExpect = { status: 422, lang: 'fr', messages: ['contracts.error.not_a_user'], signedInAfter: true }
const wrongPassword: HostileExpect = { status: 422, lang: 'fr', messages: ['contracts.error.password_wrong'], signedInAfter: true }
const contractNotFound: HostileExpect = { status: 404, lang: 'fr', messages: NOT_FOUND, sameBodyAs: `/contracts/${UNKNOWN_CONTRACT}` }

/** Logins that are no user of OWN_CONTRACT with a password: 422 "Choose a user of this contract". */
const NOT_HOLDERS: Array<[label: string, login: string]> = [
  ['a user of another contract of the company', OTHER_CONTRACT_USER],
  ['a user of another company', OTHER_COMPANY_USER],
  ['staff', STAFF_USER],
  ['an unknown login', UNKNOWN_LOGIN],
  ['no login', ''],
  ["' OR 1=1 --", SQL_TEXT],
  ['a LIKE wildcard (chloe%)', 'chloe%'],
  ['<script>', SCRIPT_TEXT],
  ['a login followed by a NUL byte', `${USERS_VISITOR}\u0000`],
  ['a login with a zero-width space', `chloe\u200B.bernard`],
  ['a 500 kB login', 'c'.repeat(500_000)],
]

function holderCases(holder: 'referent' | 'domain-owner'): HostileCase[] {
  const what = `POST /contracts/:code/${holder}`
  return [
    ...csrfCases(`${what} with the right password`, handOver(holder, {}), { lang: 'fr', signedInAfter: true }),
    { name: `${what} from an anonymous visitor is sent to the login page and changes nothing`,
      request: { ...handOver(holder, {}), as: undefined }, expect: { status: 303, location: '/login' } },
    { name: `${what} as a user who is neither referent nor domain owner is a 403 and changes nothing`,
      request: handOver(holder, { login: USERS_VISITOR }, OWN_CONTRACT, USERS_VISITOR), expect: REFERENT_ONLY() },
    { name: `${what} of another company's contract is a 404, same page as an unknown code`,
      request: handOver(holder, {}, OTHER_COMPANY_CONTRACT), expect: contractNotFound },
    { name: `${what} of an unknown contract is a 404`,
      request: handOver(holder, {}, UNKNOWN_CONTRACT), expect: contractNotFound },
    { name: `${what} with path traversal in the code is a 404`,
      request: handOver(holder, {}, '..%2F..%2Fetc%2Fpasswd'), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
    ...NOT_HOLDERS.map(([label, login]): HostileCase => ({
      name: `${what} handing the role to ${label}, with the right password, is refused (422) and changes nothing`,
      request: handOver(holder, { login }), expect: { ...notAUser, absent: ['alert(1)'] },
    })),
    { name: `${what} with a wrong password is refused (422) and changes nothing`,
      request: handOver(holder, { password: 'Wrong#Password1' }), expect: wrongPassword },
    { name: `${what} without a password is refused (422) and changes nothing`,
      request: handOver(holder, { password: [] }), expect: wrongPassword },
    { name: `${what} with a NUL byte after the right password is refused (422)`,
      request: handOver(holder, { password: `${DEMO_PASSWORD}\u0000` }), expect: wrongPassword },
    { name: `${what} with ' OR '1'='1 as password is refused (422)`,
      request: handOver(holder, { password: "' OR '1'='1" }), expect: wrongPassword },
    { name: `${what} with a 500 kB password is refused (422)`,
      request: handOver(holder, { password: 'p'.repeat(500_000) }), expect: wrongPassword },
    { name: `${what} with the login sent twice is a 400 and changes nothing`,
      request: handOver(holder, { login: [USERS_VISITOR, USERS_MANAGER] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
    { name: `${what} with the password sent twice (wrong, right) is a 400 and changes nothing`,
      request: handOver(holder, { password: ['Wrong#Password1', DEMO_PASSWORD] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
    { name: `${what} with a JSON array as login is a 400`,
      request: { ...jsonBody(`/contracts/${OWN_CONTRACT}/${holder}`, `{"_csrf":"{csrf}","login":["${USERS_VISITOR}"],"password":"${DEMO_PASSWORD}"}`), as: REFERENT },
      expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
    { name: `${what} with a 2 MB body is refused with 413 and changes nothing`,
      request: { ...bigForm(`/contracts/${OWN_CONTRACT}/${holder}`, 'login'), as: REFERENT }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE, signedInAfter: true } },
  ]
}

export const referentCases: HostileCase[] = [
  ...holderCases('referent'),
  { name: 'POST /contracts/:code/referent as the domain owner (not the referent) is a 403 and changes nothing',
    request: handOver('referent', { login: USERS_MANAGER }, SECOND_CONTRACT, USERS_MANAGER), expect: REFERENT_ONLY('fr') },
  { name: 'POST /contracts/:code/referent as a users manager is a 403 and changes nothing',
    request: handOver('referent', { login: USERS_MANAGER }, OWN_CONTRACT, USERS_MANAGER), expect: REFERENT_ONLY('fr') },
]

export const domainOwnerCases: HostileCase[] = [
  ...holderCases('domain-owner'),
  { name: 'POST /contracts/:code/domain-owner as the domain owner with a wrong password is refused (422)',
    request: handOver('domain-owner', { login: USERS_VISITOR, password: 'Wrong#Password1' }, SECOND_CONTRACT, USERS_MANAGER), expect: wrongPassword },
  { name: 'POST /contracts/:code/domain-owner as the domain owner to a user of another company is refused (422)',
    request: handOver('domain-owner', { login: OTHER_COMPANY_USER }, SECOND_CONTRACT, USERS_MANAGER), expect: notAUser },
]

export const requireTwoFactorsCases: HostileCase[] = [
  ...csrfCases('POST /contracts/:code/require-2fa with the right password', requireTwoFactors({}), { lang: 'fr', signedInAfter: true }),
  { name: 'POST /contracts/:code/require-2fa from an anonymous visitor is sent to the login page and changes nothing',
    request: { ...requireTwoFactors({}), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /contracts/:code/require-2fa as a users visitor is a 403 and changes nothing',
    request: requireTwoFactors({}, OWN_CONTRACT, USERS_VISITOR), expect: REFERENT_ONLY() },
  { name: 'POST /contracts/:code/require-2fa as the domain owner (not the referent) is a 403',
    request: requireTwoFactors({}, SECOND_CONTRACT, USERS_MANAGER), expect: REFERENT_ONLY('fr') },
  { name: "POST /contracts/:code/require-2fa of another company's contract is a 404, same page as an unknown code",
    request: requireTwoFactors({}, OTHER_COMPANY_CONTRACT), expect: contractNotFound },
  { name: 'POST /contracts/:code/require-2fa with a wrong password is refused (422) and changes nothing',
    request: requireTwoFactors({ password: 'Wrong#Password1' }), expect: wrongPassword },
  { name: 'POST /contracts/:code/require-2fa without a password is refused (422)',
    request: requireTwoFactors({ password: [] }), expect: wrongPassword },
  { name: 'POST /contracts/:code/require-2fa with a NUL byte after the right password is refused (422)',
    request: requireTwoFactors({ password: `${DEMO_PASSWORD}\u0000` }), expect: wrongPassword },
  ...([
    ['<script>', SCRIPT_TEXT],
    ["' OR 1=1 --", SQL_TEXT],
    ['YES (upper case)', 'YES'],
    ['1', '1'],
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /contracts/:code/require-2fa with required=${label} and a wrong password is refused (422), nothing shown raw`,
    request: requireTwoFactors({ required: value, password: 'Wrong#Password1' }), expect: { ...wrongPassword, absent: ['alert(1)'] },
  })),
  { name: 'POST /contracts/:code/require-2fa with required sent twice is a 400 and changes nothing',
    request: requireTwoFactors({ required: ['no', 'yes'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /contracts/:code/require-2fa with the password sent twice is a 400',
    request: requireTwoFactors({ password: [DEMO_PASSWORD, DEMO_PASSWORD] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /contracts/:code/require-2fa with a 2 MB body is refused with 413',
    request: { ...bigForm(`/contracts/${OWN_CONTRACT}/require-2fa`, 'required'), as: REFERENT }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE, signedInAfter: true } },
]

// ---------------------------------------------------------------- POST /contracts/:code/share-requests

const shareRequests = (form: Record<string, string | string[]>, code = OWN_CONTRACT, as = REFERENT): HostileRequest =>
  ({ method: 'POST', url: `/contracts/${code}/share-requests`, as, form: { share: 'yes', ...form } })

export const shareRequestsCases: HostileCase[] = [
  ...csrfCases('POST /contracts/:code/share-requests with share=yes', shareRequests({}), { lang: 'fr', signedInAfter: true }),
  { name: 'POST /contracts/:code/share-requests from an anonymous visitor is sent to the login page and changes nothing',
    request: { ...shareRequests({}), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /contracts/:code/share-requests as a users visitor is a 403 and changes nothing',
    request: shareRequests({}, OWN_CONTRACT, USERS_VISITOR), expect: REFERENT_ONLY() },
  { name: 'POST /contracts/:code/share-requests as a users manager who is not the referent is a 403',
    request: shareRequests({}, OWN_CONTRACT, USERS_MANAGER), expect: REFERENT_ONLY('fr') },
  { name: 'POST /contracts/:code/share-requests as the domain owner (not the referent) is a 403',
    request: shareRequests({}, SECOND_CONTRACT, USERS_MANAGER), expect: REFERENT_ONLY('fr') },
  { name: "POST /contracts/:code/share-requests of another company's contract is a 404, same page as an unknown code",
    request: shareRequests({}, OTHER_COMPANY_CONTRACT), expect: contractNotFound },
  { name: 'POST /contracts/:code/share-requests of an unknown contract is a 404',
    request: shareRequests({}, UNKNOWN_CONTRACT), expect: contractNotFound },
  { name: 'POST /contracts/:code/share-requests with path traversal in the code is a 404',
    request: shareRequests({}, '..%2F..%2Fetc%2Fpasswd'), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'POST /contracts/:code/share-requests with share=no on a contract that does not share is accepted (303) and writes nothing',
    request: shareRequests({ share: 'no' }), expect: { status: 303, location: `/contracts/${OWN_CONTRACT}`, signedInAfter: true } },
  ...([
    ['<script>', SCRIPT_TEXT],
    ["' OR 1=1 --", SQL_TEXT],
    ['YES (upper case)', 'YES'],
    ['1', '1'],
    ['true', 'true'],
    ['yes followed by a NUL byte', 'yes\u0000'],
    ['nothing', ''],
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /contracts/:code/share-requests with share=${label} is a 400 and changes nothing`,
    request: shareRequests({ share: value }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST, absent: ['alert(1)'] },
  })),
  { name: 'POST /contracts/:code/share-requests without share is a 400 and changes nothing',
    request: shareRequests({ share: [] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /contracts/:code/share-requests with share sent twice (no, yes) is a 400 and changes nothing',
    request: shareRequests({ share: ['no', 'yes'] }), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /contracts/:code/share-requests as a users visitor naming another contract in a contract field is still a 403 (the URL names the contract)',
    request: shareRequests({ contract: SECOND_CONTRACT }, OWN_CONTRACT, USERS_VISITOR), expect: REFERENT_ONLY() },
  { name: 'POST /contracts/:code/share-requests with a JSON array as share is a 400',
    request: { ...jsonBody(`/contracts/${OWN_CONTRACT}/share-requests`, '{"_csrf":"{csrf}","share":["yes"]}'), as: REFERENT },
    expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /contracts/:code/share-requests with a 2 MB body is refused with 413',
    request: { ...bigForm(`/contracts/${OWN_CONTRACT}/share-requests`, 'share'), as: REFERENT }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE, signedInAfter: true } },
]

// ---------------------------------------------------------------- GET /contracts/:code/audit?user=&action=&page=

const audit = (query: string, code = OWN_CONTRACT, as = REFERENT): HostileRequest => ({ method: 'GET', url: `/contracts/${code}/audit?${query}`, as })
const AUDIT_PAGE: HostileExpect = { status: 200, lang: 'fr', messages: [{ key: 'audit.title', params: { contract: 'Hexagone Production' } }] }
const AUDIT_FIRST_PAGE: HostileExpect = { ...AUDIT_PAGE, sameBodyAs: `/contracts/${OWN_CONTRACT}/audit` }

export const auditCases: HostileCase[] = [
  { name: 'GET /contracts/:code/audit?user=<script> finds nothing and shows the filter back escaped',
    request: audit(`user=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { ...AUDIT_PAGE, messages: ['audit.none'], echoed: SCRIPT_TEXT } },
  { name: 'GET /contracts/:code/audit?user= with an attribute break-out shows it back escaped',
    request: audit(`user=${encodeURIComponent(ATTRIBUTE_BREAKOUT)}`), expect: { ...AUDIT_PAGE, messages: ['audit.none'], echoed: ATTRIBUTE_BREAKOUT } },
  { name: "GET /contracts/:code/audit?user=' OR 1=1 -- finds nothing (no SQL injection)",
    request: audit(`user=${encodeURIComponent(SQL_TEXT)}`), expect: { ...AUDIT_PAGE, messages: ['audit.none'], echoed: SQL_TEXT.toLowerCase() } },
  { name: "GET /contracts/:code/audit?action=' OR 1=1 -- finds nothing (no SQL injection)",
    request: audit(`action=${encodeURIComponent(SQL_TEXT)}`), expect: { ...AUDIT_PAGE, messages: ['audit.none'] } },
  { name: 'GET /contracts/:code/audit?action=<script> finds nothing, nothing raw',
    request: audit(`action=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { ...AUDIT_PAGE, messages: ['audit.none'] } },
  { name: 'GET /contracts/:code/audit?action=% (a LIKE wildcard) finds nothing',
    request: audit('action=%25'), expect: { ...AUDIT_PAGE, messages: ['audit.none'] } },
  { name: "GET /contracts/:code/audit?user= of another company's user shows nothing of theirs",
    request: audit(`user=${OTHER_COMPANY_USER}`), expect: { ...AUDIT_PAGE, messages: ['audit.none'] } },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `GET /contracts/:code/audit?user= with ${label} finds nothing, value shown back`,
    request: audit(`user=${encodeURIComponent(value)}`), expect: { ...AUDIT_PAGE, messages: ['audit.none'], echoed: value },
  })),
  ...([
    ['page=abc', 'page=abc'],
    ['a negative page', 'page=-5'],
    ['page=0', 'page=0'],
    ['page=<script>', `page=${encodeURIComponent(SCRIPT_TEXT)}`],
    ["page=' OR 1=1 --", `page=${encodeURIComponent(SQL_TEXT)}`],
    ['page with a NUL byte', 'page=%00'],
    ['page repeated', 'page=1&page=2'],
    ['user repeated', `user=${REFERENT}&user=${USERS_MANAGER}`],
    ['action repeated', 'action=rights.roles_changed&action=contract.require_2fa'],
    ['user[]=', `user%5B%5D=${REFERENT}`],
    ['an empty user and action', 'user=&action='],
  ] as const).map(([label, query]): HostileCase => ({
    name: `GET /contracts/:code/audit with ${label} shows the first page of everything`,
    request: audit(query), expect: AUDIT_FIRST_PAGE,
  })),
  { name: 'GET /contracts/:code/audit?user= with an invalid percent-encoding is no error',
    request: audit('user=%E0%A4%A'), expect: AUDIT_PAGE },
  { name: 'GET /contracts/:code/audit with a 400-digit page is capped, no error',
    request: audit(`page=${'9'.repeat(400)}`), expect: AUDIT_PAGE },
  { name: 'GET /contracts/:code/audit with a 10 kB user and action is cut, no error',
    request: audit(`user=${'u'.repeat(10_000)}&action=${'a'.repeat(10_000)}`), expect: { ...AUDIT_PAGE, contains: [`value="${'u'.repeat(64)}"`] } },
  { name: 'GET /contracts/:code/audit as a users visitor is a 403',
    request: audit('', OWN_CONTRACT, USERS_VISITOR), expect: REFERENT_ONLY() },
  { name: 'GET /contracts/:code/audit as a users manager who is not the referent is a 403',
    request: audit('', OWN_CONTRACT, USERS_MANAGER), expect: REFERENT_ONLY('fr') },
  { name: "GET /contracts/:code/audit of another company's contract is a 404, same page as an unknown code",
    request: audit('', OTHER_COMPANY_CONTRACT), expect: contractNotFound },
  { name: 'GET /contracts/:code/audit with path traversal in the code is a 404',
    request: audit('', '..%2F..%2Fetc%2Fpasswd'), expect: { status: 404, lang: 'fr', messages: NOT_FOUND, absent: ['root:'] } },
  { name: 'GET /contracts/:code/audit with a NUL byte after the code is a 404',
    request: audit('', `${OWN_CONTRACT}%00`), expect: contractNotFound },
  { name: 'GET /contracts/:code/audit?user=<script>, anonymous, redirects to the login page with next encoded',
    request: { method: 'GET', url: `/contracts/${OWN_CONTRACT}/audit?user=${encodeURIComponent(SCRIPT_TEXT)}` },
    expect: { status: 302, location: /^\/login\?next=%2Fcontracts%2FOCB0000101%2Faudit%3F[A-Za-z0-9%._~!*'()-]*$/ } },
]

/** Every row, form by form. A new form adds its array here. */
export const HOSTILE_CASES: Array<[form: string, cases: HostileCase[]]> = [
  ['POST /login', loginCases],
  ['GET /login?next=', loginPageCases],
  ['POST /lang', langCases],
  ['POST /logout', logoutCases],
  ['GET /contracts/:code', contractCases],
  ['GET /public/…', publicCases],
  ['GET /?lang=', homeLangCases],
  ['POST /login/2fa', login2faCases],
  ['POST /password/forgot', forgotCases],
  ['GET/POST /password/reset/:token', resetCases],
  ['POST /account/password', accountPasswordCases],
  ['POST /account/contact', accountContactCases],
  ['POST /account/company/contact', companyContactCases],
  ['POST /account/totp/start', totpStartCases],
  ['POST /account/totp/confirm', totpConfirmCases],
  ['POST /account/totp/disable', totpDisableCases],
  ['POST /account/totp/recovery-codes', recoveryCodesCases],
  ['POST /account/sessions/end, /account/sessions/end-others', sessionsCases],
  ['GET /notifications?page=&show=', notificationsPageCases],
  ['POST /notifications/:id/read', notificationReadCases],
  ['POST /notifications/read-all', notificationsReadAllCases],
  ['POST /notifications/preferences', notificationPreferencesCases],
  ['GET /rights?contract=&q=', rightsListCases],
  ['GET/POST /rights/new (step 1)', wizardPersonCases],
  ['GET/POST /rights/new/roles (step 2)', wizardRolesCases],
  ['GET /rights/new/summary (step 3)', wizardSummaryCases],
  ['POST /rights/new/save', wizardSaveCases],
  ['GET /rights/users/:login', rightsProfileCases],
  ['POST /rights/users/:login/roles', userRolesCases],
  ['POST /rights/users/:login/resend', userResendCases],
  ['GET/POST /rights/users/:login/delete', userDeleteCases],
  ['POST /contracts/:code/referent', referentCases],
  ['POST /contracts/:code/domain-owner', domainOwnerCases],
  ['POST /contracts/:code/require-2fa', requireTwoFactorsCases],
  ['POST /contracts/:code/share-requests', shareRequestsCases],
  ['GET /contracts/:code/audit?user=&action=&page=', auditCases],
]
