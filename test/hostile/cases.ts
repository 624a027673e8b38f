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
//     or `back` field pointing off the site;
//   - nothing written: every row of users, contracts, contract_roles,
//     console_roles, audit_log and companies is the same after the request
//     (sessions and rate_counters may change: visiting a page or trying a login
//     legitimately writes them).
//
// HOW TO ADD A FORM (or a parameterized URL): write one more array below, named
// after the route (e.g. `accountPasswordCases`), built like `langCases`, and add
// it to HOSTILE_CASES at the bottom. Each row is `{ name, request, expect }`:
//   - name states the rule the row proves ("... is refused with 403 ...");
//   - request: method, url, `form` fields (urlencoded, an array repeats the
//     field), `csrf` ('valid' by default), `as` a demo persona to sign in as
//     first (default: an anonymous visitor who has opened /login);
//   - expect: status, location (3xx), messages (catalog keys that must be on
//     the page), echoed (a value shown back: escaped, never raw), ...
// A row that reveals a bug keeps asserting the right behaviour and gets
// `todo: '<what is wrong>'`, so the suite stays green until the fix lands;
// remove the `todo` with the fix. tap does not run todo rows: to watch them
// fail (or check a fix), `HOSTILE_TODO=run npx tap test/hostile/ --disable-coverage`.
// Reuse the shared vectors (OFFSITE,
// SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, bigBody) for the new form's fields.
import type { MessageKey } from '../../src/i18n/index.js'
import type { UsersTable } from '../../src/db/users.table.js'

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
}

type UserColumn = keyof UsersTable

export interface HostileExpect {
  /** The exact status, or the statuses allowed. */
  status: number | number[]
  /** For a 3xx: the exact Location, or a pattern it must match. */
  location?: string | RegExp
  /** Catalog keys whose text (in `lang`) must be on the page. Required for 4xx. */
  messages?: MessageKey[]
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

/** Every row, form by form. A new form adds its array here. */
export const HOSTILE_CASES: Array<[form: string, cases: HostileCase[]]> = [
  ['POST /login', loginCases],
  ['GET /login?next=', loginPageCases],
  ['POST /lang', langCases],
  ['POST /logout', logoutCases],
  ['GET /contracts/:code', contractCases],
  ['GET /public/…', publicCases],
  ['GET /?lang=', homeLangCases],
]
