// Hostile rows for the back-office's platforms pages (see ../cases.ts for how
// rows work): the platforms and one platform (filters, pages), opening,
// updating and closing an incident, planning, changing and cancelling a
// maintenance window. The demo data (scripts/seed-demo.ts) holds incident 1
// (resolved, FCA), window 1 (Cloud Avenue, recurring) and window 2 (Flexible
// Engine, once); the accepted row "opens incident 2" comes before the rows
// that update and close it.
import { OFFSITE, SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, bigBody, type CheckedTable, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

const SUPPORT = 'thomas.girard' // locale en: opens the platforms area
const BILLING = 'nadia.benali' // locale en: doesn't
const ACCOUNT_MANAGER = 'marc.lefevre' // locale fr: doesn't
const CUSTOMER = 'alice.martin' // locale fr, a referent

const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const CSRF_PAGE: MessageRef[] = ['error.csrf.title', 'error.csrf.body']
const TOO_LARGE: MessageRef[] = ['error.413.title', 'error.413.body']


const staffOnly = (lang: 'en' | 'fr' = 'en'): HostileExpect =>
  ({ status: 403, lang, messages: ['error.403.title', { key: 'error.403.staff', params: { roles: lang === 'fr' ? 'Administrateur, Support' : 'Administrator, Support' } }] })
const notFound = (lang: 'en' | 'fr' = 'en'): HostileExpect => ({ status: 404, lang, messages: NOT_FOUND })
const badRequest: HostileExpect = { status: 400, messages: BAD_REQUEST }
const get = (url: string, as = SUPPORT): HostileRequest => ({ method: 'GET', url, as })
const post = (url: string, form: Record<string, string | string[]>, as = SUPPORT): HostileRequest => ({ method: 'POST', url, as, form })
const bigForm = (url: string, field: string): HostileRequest =>
  ({ method: 'POST', url, as: SUPPORT, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody(field) } })
const jsonForm = (url: string, payload: string): HostileRequest =>
  ({ method: 'POST', url, as: SUPPORT, body: { contentType: 'application/json', payload } })

/** The four CSRF refusals of a staff form: 403, the "form expired" page, nothing written. */
function csrfRows(what: string, request: HostileRequest): HostileCase[] {
  return (['missing', 'forged', 'other-session', 'repeated'] as const).map((csrf): HostileCase => ({
    name: `${what} with ${csrf === 'missing' ? 'no' : csrf === 'repeated' ? 'its' : `a ${csrf}`} CSRF token${csrf === 'repeated' ? ' sent twice' : ''} is refused with 403 and writes nothing`,
    request: { ...request, csrf }, expect: { status: 403, messages: CSRF_PAGE },
  }))
}

/** Who may not: billing and account managers (403, in their language), customers (404), visitors (to the login page). */
function outsiderRows(what: string, request: HostileRequest): HostileCase[] {
  const isPost = request.method === 'POST'
  return [
    { name: `${what} as billing staff is a 403 naming the roles that open platforms`, request: { ...request, as: BILLING }, expect: staffOnly() },
    { name: `${what} as an account manager is a 403, in French`, request: { ...request, as: ACCOUNT_MANAGER }, expect: staffOnly('fr') },
    { name: `${what} as a customer referent is a 404`, request: { ...request, as: CUSTOMER }, expect: notFound('fr') },
    { name: `${what} from an anonymous visitor is sent to the login page`, request: { ...request, as: undefined },
      expect: isPost ? { status: 303, location: '/login' } : { status: 302, location: /^\/login\?next=/ } },
  ]
}

// ---------------------------------------------------------------- GET /admin/platforms, /admin/platforms/:code

const PLATFORM_PAGE: HostileExpect = { status: 200, messages: ['admin.platforms.incidents', 'admin.platforms.maintenance_windows'] }

const platformPageCases: HostileCase[] = [
  ...outsiderRows('GET /admin/platforms', get('/admin/platforms')),
  ...outsiderRows('GET /admin/platforms/:code', get('/admin/platforms/flexible_engine')),
  ...([
    ['an unknown code', 'nope'],
    ['an upper-case code (FLEXIBLE_ENGINE)', 'FLEXIBLE_ENGINE'],
    ['a <script> code', encodeURIComponent(SCRIPT_TEXT)],
    ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)],
    ['a LIKE wildcard (flexible%)', 'flexible%25'],
    ['path traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['a NUL byte after a real code', 'fca%00'],
    ['a 10 kB code', 'f'.repeat(10_000)],
    ...UNICODE_TEXT.map(([label, value]) => [label, encodeURIComponent(value)] as const),
  ] as const).map(([label, code]): HostileCase => ({
    name: `GET /admin/platforms/:code with ${label} is a localized 404`,
    request: get(`/admin/platforms/${code}`), expect: { ...notFound(), absent: ['<script>alert(1)', 'root:'] },
  })),
  { name: 'GET /admin/platforms/:code with an invalid percent-encoding is a localized 400', request: get('/admin/platforms/%E0%A4%A'), expect: badRequest },
  ...([
    ['status=<script>', `status=${encodeURIComponent(SCRIPT_TEXT)}`],
    ["status=' OR 1=1 --", `status=${encodeURIComponent(SQL_TEXT)}`],
    ['page=abc', 'page=abc'],
    ['a negative page', 'page=-5'],
    ['page=0', 'page=0'],
    ['a huge page number', 'page=99999999'],
    ['a 400-digit page', `page=${'9'.repeat(400)}`],
    ['page=1e9', 'page=1e9'],
    ['status[]= (not a parameter of the page)', 'status%5B%5D=open'],
    ['an invalid percent-encoding', 'status=%E0%A4%A'],
  ] as const).map(([label, query]): HostileCase => ({
    name: `GET /admin/platforms/:code with ${label} is the page, all incidents, nothing raw`,
    request: get(`/admin/platforms/fca?${query}`), expect: { ...PLATFORM_PAGE, absent: ['<script>alert(1)'] },
  })),
  { name: 'GET /admin/platforms/:code?status=open lists only open incidents (none on FCA)',
    request: get('/admin/platforms/fca?status=open'), expect: { ...PLATFORM_PAGE, messages: [{ key: 'admin.platforms.incident_count', params: { count: 0 } }] } },
  { name: 'GET /admin/platforms/:code with status repeated is a 400', request: get('/admin/platforms/fca?status=open&status=all'), expect: badRequest },
  { name: 'GET /admin/platforms/:code with page repeated is a 400', request: get('/admin/platforms/fca?page=1&page=2'), expect: badRequest },
]

// ---------------------------------------------------------------- incidents

const INCIDENT: Record<string, string> = {
  severity: 'major', 'region-eu-west-0': 'on', 'region-eu-west-1': 'on', title_en: 'Compute unavailable', title_fr: 'Calcul indisponible',
  text_en: 'New virtual machines cannot start.', text_fr: 'Les nouvelles VM ne démarrent pas.', start_date: '2026-01-15', start_time: '10:00',
}
const NEW_INCIDENT = '/admin/incidents/new?platform=flexible_engine'
const openIncident = (form: Record<string, string | string[]>): HostileRequest => post(NEW_INCIDENT, { ...INCIDENT, ...form })
const refused = (message: MessageRef, echoed?: string): HostileExpect => ({ status: 422, messages: [message], ...(echoed === undefined ? {} : { echoed }) })
const tooLong = (max: number) => refused({ key: 'account.error.too_long', params: { max } })
const INCIDENT_WRITES: CheckedTable[] = ['incidents', 'incident_regions', 'incident_updates', 'audit_log']

const newIncidentPageCases: HostileCase[] = [
  ...outsiderRows('GET /admin/incidents/new', get(NEW_INCIDENT)),
  { name: 'GET /admin/incidents/new without a platform is a 404', request: get('/admin/incidents/new'), expect: notFound() },
  { name: 'GET /admin/incidents/new?platform= of an unknown platform is a 404', request: get('/admin/incidents/new?platform=nope'), expect: notFound() },
  { name: 'GET /admin/incidents/new?platform=<script> is a 404 with nothing raw', request: get(`/admin/incidents/new?platform=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { ...notFound(), absent: ['<script>alert(1)'] } },
  { name: 'GET /admin/incidents/new with the platform repeated is a 400, not a guess', request: get('/admin/incidents/new?platform=fca&platform=cloud_avenue'), expect: badRequest },
  { name: 'GET /admin/incidents/new?platform[]= is not the platform parameter: 404', request: get('/admin/incidents/new?platform%5B%5D=fca'), expect: notFound() },
  { name: 'GET /admin/incidents/new?platform= of a real platform shows its regions', request: get(NEW_INCIDENT), expect: { status: 200, messages: [{ key: 'admin.platforms.incident.new_title', params: { platform: 'Flexible Engine' } }], contains: ['name="region-na-east-0"'] } },
]

const createIncidentCases: HostileCase[] = [
  ...csrfRows('POST /admin/incidents/new', openIncident({})),
  ...outsiderRows('POST /admin/incidents/new', openIncident({})),
  { name: 'POST /admin/incidents/new with a 2 MB body is refused with 413', request: bigForm(NEW_INCIDENT, 'text_en'), expect: { status: 413, messages: TOO_LARGE } },
  ...[
    // missing fields: each named, the missing language named
    { name: 'POST /admin/incidents/new with no field answers 422 with a message per field',
      request: { ...openIncident({}), form: {} },
      expect: { status: 422, messages: ['admin.platforms.error.severity', 'admin.platforms.error.regions_required', 'admin.platforms.error.title_en_required', 'admin.platforms.error.text_fr_required'] as MessageRef[] } },
    { name: 'POST /admin/incidents/new without the French text answers 422 naming the French field, English kept',
      request: openIncident({ text_fr: '' }), expect: refused('admin.platforms.error.text_fr_required', 'New virtual machines cannot start.') },
    { name: 'POST /admin/incidents/new without the French title answers 422 naming it',
      request: openIncident({ title_fr: '' }), expect: refused('admin.platforms.error.title_fr_required') },
    { name: 'POST /admin/incidents/new without the English text answers 422 naming the English field',
      request: openIncident({ text_en: '' }), expect: refused('admin.platforms.error.text_en_required') },
    { name: 'POST /admin/incidents/new with a French text of spaces and control characters counts as none',
      request: openIncident({ text_fr: ' \u0000\u0007 \t\u001B ' }), expect: refused('admin.platforms.error.text_fr_required') },
    // lengths
    { name: 'POST /admin/incidents/new with a 121-character title answers 422 "at most 120"', request: openIncident({ title_en: 't'.repeat(121) }), expect: tooLong(120) },
    { name: 'POST /admin/incidents/new with a 2001-character text answers 422 "at most 2000"', request: openIncident({ text_fr: 'x'.repeat(2001) }), expect: tooLong(2000) },
    { name: 'POST /admin/incidents/new with a 500 kB text answers 422 "at most 2000"', request: openIncident({ text_en: 'x'.repeat(500_000) }), expect: tooLong(2000) },
    // choices
    { name: 'POST /admin/incidents/new with an unknown severity (critical) answers 422', request: openIncident({ severity: 'critical' }), expect: refused('admin.platforms.error.severity') },
    { name: 'POST /admin/incidents/new with severity <script> answers 422 with nothing raw', request: openIncident({ severity: SCRIPT_TEXT }), expect: { ...refused('admin.platforms.error.severity'), absent: ['<script>alert(1)'] } },
    { name: 'POST /admin/incidents/new with only a region of another platform (fr-01) answers 422: no region',
      request: { ...openIncident({}), form: { ...INCIDENT, 'region-eu-west-0': '', 'region-eu-west-1': '', 'region-fr-01': 'on' } }, expect: refused('admin.platforms.error.regions_required') },
    { name: 'POST /admin/incidents/new with a region box sent as "yes" instead of "on" counts it unticked',
      request: openIncident({ 'region-eu-west-0': 'yes', 'region-eu-west-1': '1' }), expect: refused('admin.platforms.error.regions_required') },
    // start
    ...([['an impossible date (2026-02-30)', '2026-02-30'], ['a French-style date (15/01/2026)', '15/01/2026'], ['a <script> date', SCRIPT_TEXT], ["' OR 1=1 -- as a date", SQL_TEXT]] as const)
      .map(([label, value]): HostileCase => ({ name: `POST /admin/incidents/new with ${label} as start answers 422, value kept escaped`, request: openIncident({ start_date: value }), expect: refused('admin.platforms.error.date_invalid', value) })),
    { name: 'POST /admin/incidents/new with 24:00 as start time answers 422', request: openIncident({ start_time: '24:00' }), expect: refused('admin.platforms.error.time_invalid', '24:00') },
    { name: 'POST /admin/incidents/new starting in the year 2999 answers 422 "can’t start in the future"', request: openIncident({ start_date: '2999-01-01' }), expect: refused('admin.platforms.error.start_future') },
    // text shown back escaped
    { name: 'POST /admin/incidents/new echoes a <script> title escaped on the 422 page', request: openIncident({ title_en: SCRIPT_TEXT, text_fr: '' }), expect: refused('admin.platforms.error.text_fr_required', SCRIPT_TEXT) },
    { name: "POST /admin/incidents/new echoes ' OR 1=1 -- escaped on the 422 page", request: openIncident({ text_en: SQL_TEXT, title_fr: '' }), expect: refused('admin.platforms.error.title_fr_required', SQL_TEXT) },
    ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
      name: `POST /admin/incidents/new with ${label} in the title, French text missing, keeps the title`, request: openIncident({ title_en: value, text_fr: '' }), expect: refused('admin.platforms.error.text_fr_required', value),
    })),
    // wrong types
    { name: 'POST /admin/incidents/new with the title sent twice is a 400', request: openIncident({ title_en: ['a', 'b'] }), expect: badRequest },
    { name: 'POST /admin/incidents/new with a region box sent twice is a 400', request: openIncident({ 'region-eu-west-0': ['on', 'on'] }), expect: badRequest },
    { name: 'POST /admin/incidents/new with the severity sent twice is a 400', request: openIncident({ severity: ['degraded', 'major'] }), expect: badRequest },
    { name: 'POST /admin/incidents/new with a JSON object as title is a 400', request: jsonForm(NEW_INCIDENT, '{"_csrf":"{csrf}","severity":"major","title_en":{"$ne":null}}'), expect: badRequest },
    { name: 'POST /admin/incidents/new?platform= of an unknown platform is a 404, nothing written', request: post('/admin/incidents/new?platform=nope', INCIDENT), expect: notFound() },
    // accepted: incident 2, which the update and close rows below use
    { name: 'POST /admin/incidents/new opens incident 2: <script> and SQL stored as text, NUL bytes dropped, 303 to its page',
      request: openIncident({ title_en: `Hostile ${SCRIPT_TEXT}`, text_en: `${SQL_TEXT}\u0000 end`, title_fr: 'Hostile\u0000 FR' }),
      // Rows are compared as JSON: a NUL byte stored would show as the six characters \u0000.
      expect: { status: 303, location: '/admin/incidents/2', mayWrite: INCIDENT_WRITES, notStored: ['\\u0000'] } },
  ],
]

const incidentPageCases: HostileCase[] = [
  ...outsiderRows('GET /admin/incidents/:id', get('/admin/incidents/1')),
  { name: 'GET /admin/incidents/:id of the resolved demo incident shows its history and no form',
    request: get('/admin/incidents/1'), expect: { status: 200, messages: ['admin.platforms.incident.history'], absent: ['action="/admin/incidents/1/close"'] } },
  ...([
    ['a word', 'abc'], ['zero', '0'], ['a negative id', '-1'], ['1e3', '1e3'], ['a decimal', '1.5'], ['a leading zero', '01'],
    ['an id past every row', '999999'], ['a 30-digit id', '9'.repeat(30)], ['<script>', encodeURIComponent(SCRIPT_TEXT)], ["1 OR 1=1", encodeURIComponent('1 OR 1=1')],
  ] as const).map(([label, id]): HostileCase => ({
    name: `GET /admin/incidents/:id with ${label} is a localized 404`, request: get(`/admin/incidents/${id}`), expect: { ...notFound(), absent: ['<script>alert(1)'] },
  })),
]

const UPDATE: Record<string, string> = { severity: 'degraded', 'region-eu-west-0': 'on', title_en: 'Compute slow', title_fr: 'Calcul lent', text_en: 'Paris only.', text_fr: 'Paris seulement.' }
const updateIncident = (id: number, form: Record<string, string | string[]>): HostileRequest => post(`/admin/incidents/${id}`, { ...UPDATE, ...form })

const updateIncidentCases: HostileCase[] = [
  ...csrfRows('POST /admin/incidents/:id (an update)', updateIncident(1, {})),
  { name: 'POST /admin/incidents/:id as a customer referent is a 404', request: { ...updateIncident(1, {}), as: CUSTOMER }, expect: notFound('fr') },
  ...[
    { name: 'POST /admin/incidents/:id of the resolved demo incident changes nothing and goes back to its page',
      request: updateIncident(1, {}), expect: { status: 303, location: '/admin/incidents/1' } },
    { name: 'POST /admin/incidents/:id with an id that is not a number is a 404', request: updateIncident(0, {}), expect: notFound() },
    { name: 'POST /admin/incidents/:id of an unknown incident is a 404', request: updateIncident(999_999, {}), expect: notFound() },
    { name: 'POST /admin/incidents/:id (open) without the French text answers 422 naming it', request: updateIncident(2, { text_fr: '' }), expect: refused('admin.platforms.error.text_fr_required', 'Paris only.') },
    { name: 'POST /admin/incidents/:id (open) with no region answers 422', request: updateIncident(2, { 'region-eu-west-0': '' }), expect: refused('admin.platforms.error.regions_required') },
    { name: 'POST /admin/incidents/:id (open) with a 121-character French title answers 422', request: updateIncident(2, { title_fr: 'é'.repeat(121) }), expect: tooLong(120) },
    { name: 'POST /admin/incidents/:id (open) with the severity sent twice is a 400', request: updateIncident(2, { severity: ['degraded', 'major'] }), expect: badRequest },
  ],
  { name: 'POST /admin/incidents/:id with a 2 MB body is refused with 413', request: bigForm('/admin/incidents/2', 'text_fr'), expect: { status: 413, messages: TOO_LARGE } },
]

const CLOSE: Record<string, string> = { close_text_en: 'Back to normal.', close_text_fr: 'Tout est rétabli.' }
const closeIncident = (id: number, form: Record<string, string | string[]>): HostileRequest => post(`/admin/incidents/${id}/close`, { ...CLOSE, ...form })

const closeIncidentCases: HostileCase[] = [
  ...csrfRows('POST /admin/incidents/:id/close', closeIncident(2, {})),
  { name: 'POST /admin/incidents/:id/close as a customer referent is a 404', request: { ...closeIncident(2, {}), as: CUSTOMER }, expect: notFound('fr') },
  { name: 'POST /admin/incidents/:id/close with a 2 MB body is refused with 413', request: bigForm('/admin/incidents/2/close', 'close_text_en'), expect: { status: 413, messages: TOO_LARGE } },
  ...[
    { name: 'POST /admin/incidents/:id/close with no text answers 422 naming both languages',
      request: { ...closeIncident(2, {}), form: {} }, expect: { status: 422, messages: ['admin.platforms.error.text_en_required', 'admin.platforms.error.text_fr_required'] as MessageRef[] } },
    { name: 'POST /admin/incidents/:id/close without the French text answers 422, English kept', request: closeIncident(2, { close_text_fr: '\u0000 ' }), expect: refused('admin.platforms.error.text_fr_required', 'Back to normal.') },
    { name: 'POST /admin/incidents/:id/close with a 2001-character text answers 422', request: closeIncident(2, { close_text_en: 'x'.repeat(2001) }), expect: tooLong(2000) },
    { name: 'POST /admin/incidents/:id/close echoes a <script> text escaped', request: closeIncident(2, { close_text_en: SCRIPT_TEXT, close_text_fr: '' }), expect: refused('admin.platforms.error.text_fr_required', SCRIPT_TEXT) },
    { name: 'POST /admin/incidents/:id/close with the text sent twice is a 400', request: closeIncident(2, { close_text_en: ['a', 'b'] }), expect: badRequest },
    { name: 'POST /admin/incidents/:id/close of an id that is not a number is a 404', request: post('/admin/incidents/abc/close', CLOSE), expect: notFound() },
    { name: 'POST /admin/incidents/:id/close of the resolved demo incident changes nothing', request: closeIncident(1, {}), expect: { status: 303, location: '/admin/incidents/1' } },
  ],
]

// ---------------------------------------------------------------- maintenance windows

const ONCE: Record<string, string> = {
  kind: 'once', once_start_date: '2031-07-10', once_start_time: '22:00', once_end_date: '2031-07-11', once_end_time: '02:00', 'region-fr-01': 'on',
  title_en: 'Storage firmware', title_fr: 'Micrologiciel du stockage', text_en: 'Short pauses are possible.', text_fr: 'De courtes pauses sont possibles.',
}
const RECURRING: Record<string, string> = {
  ...ONCE, kind: 'recurring', weekday: '3', week_1: 'on', week_last: 'on', recurring_start: '00:00', recurring_end: '06:00', valid_from: '2031-01-01', valid_until: '',
}
/** Window 2 (the demo one-off) is on Flexible Engine: its regions are eu-west-*. */
const ONCE_FE: Record<string, string> = { ...ONCE, 'region-fr-01': '', 'region-eu-west-0': 'on' }
const NEW_WINDOW = '/admin/maintenance/new?platform=cloud_avenue'
const planWindow = (form: Record<string, string | string[]>, base = ONCE): HostileRequest => post(NEW_WINDOW, { ...base, ...form })
const WINDOW_WRITES: CheckedTable[] = ['maintenance_windows', 'maintenance_window_regions', 'audit_log']

const newWindowPageCases: HostileCase[] = [
  ...outsiderRows('GET /admin/maintenance/new', get(NEW_WINDOW)),
  { name: 'GET /admin/maintenance/new without a platform is a 404', request: get('/admin/maintenance/new'), expect: notFound() },
  { name: 'GET /admin/maintenance/new?platform= of an unknown platform is a 404', request: get(`/admin/maintenance/new?platform=${encodeURIComponent(SQL_TEXT)}`), expect: notFound() },
  { name: 'GET /admin/maintenance/new with the platform repeated is a 400', request: get('/admin/maintenance/new?platform=fca&platform=fca'), expect: badRequest },
]

const createWindowCases: HostileCase[] = [
  ...csrfRows('POST /admin/maintenance/new', planWindow({})),
  ...outsiderRows('POST /admin/maintenance/new', planWindow({})),
  { name: 'POST /admin/maintenance/new with a 2 MB body is refused with 413', request: bigForm(NEW_WINDOW, 'text_fr'), expect: { status: 413, messages: TOO_LARGE } },
  ...[
    { name: 'POST /admin/maintenance/new with no field answers 422 with a message per question',
      request: { ...planWindow({}), form: {} }, expect: { status: 422, messages: ['admin.platforms.maintenance.error.kind', 'admin.platforms.error.regions_required', 'admin.platforms.error.title_en_required', 'admin.platforms.error.text_fr_required'] as MessageRef[] } },
    { name: 'POST /admin/maintenance/new with an unknown kind (weekly) answers 422', request: planWindow({ kind: 'weekly' }), expect: refused('admin.platforms.maintenance.error.kind') },
    { name: 'POST /admin/maintenance/new without the French text answers 422 naming it', request: planWindow({ text_fr: '' }), expect: refused('admin.platforms.error.text_fr_required', 'Short pauses are possible.') },
    // once
    { name: 'POST /admin/maintenance/new (once) ending before it starts answers 422', request: planWindow({ once_end_date: '2031-07-10', once_end_time: '21:00' }), expect: refused('admin.platforms.maintenance.error.end_before_start') },
    { name: 'POST /admin/maintenance/new (once) already over answers 422', request: planWindow({ once_start_date: '2020-01-01', once_end_date: '2020-01-02' }), expect: refused('admin.platforms.maintenance.error.end_past') },
    { name: 'POST /admin/maintenance/new (once) of 40 days answers 422 "at most 31 days"', request: planWindow({ once_end_date: '2031-08-20' }), expect: refused({ key: 'admin.platforms.maintenance.error.too_long', params: { days: 31 } }) },
    { name: 'POST /admin/maintenance/new (once) on February 30th answers 422, value kept', request: planWindow({ once_start_date: '2031-02-30' }), expect: refused('admin.platforms.error.date_invalid', '2031-02-30') },
    { name: 'POST /admin/maintenance/new (once) at 24:00 answers 422', request: planWindow({ once_end_time: '24:00' }), expect: refused('admin.platforms.error.time_invalid', '24:00') },
    { name: 'POST /admin/maintenance/new (once) with a <script> date answers 422, escaped', request: planWindow({ once_end_date: SCRIPT_TEXT }), expect: refused('admin.platforms.error.date_invalid', SCRIPT_TEXT) },
    // recurring
    { name: 'POST /admin/maintenance/new (recurring) on weekday 7 answers 422', request: planWindow({ weekday: '7' }, RECURRING), expect: refused('admin.platforms.maintenance.error.weekday') },
    { name: "POST /admin/maintenance/new (recurring) on weekday ' OR 1=1 -- answers 422", request: planWindow({ weekday: SQL_TEXT }, RECURRING), expect: refused('admin.platforms.maintenance.error.weekday') },
    { name: 'POST /admin/maintenance/new (recurring) with no week ticked answers 422', request: planWindow({ week_1: '', week_last: '' }, RECURRING), expect: refused('admin.platforms.maintenance.error.weeks') },
    { name: 'POST /admin/maintenance/new (recurring) with week boxes sent as "yes" counts them unticked', request: planWindow({ week_1: 'yes', week_last: 'true' }, RECURRING), expect: refused('admin.platforms.maintenance.error.weeks') },
    { name: 'POST /admin/maintenance/new (recurring) with a week box the form has not (week_5) ignores it', request: planWindow({ week_1: '', week_last: '', week_5: 'on' }, RECURRING), expect: refused('admin.platforms.maintenance.error.weeks') },
    { name: 'POST /admin/maintenance/new (recurring) ending when it starts answers 422', request: planWindow({ recurring_end: '00:00' }, RECURRING), expect: refused('admin.platforms.maintenance.error.same_times') },
    { name: 'POST /admin/maintenance/new (recurring) with a start of 7:5 answers 422', request: planWindow({ recurring_start: '7:5' }, RECURRING), expect: refused('admin.platforms.error.time_invalid', '7:5') },
    { name: 'POST /admin/maintenance/new (recurring) with no first day answers 422', request: planWindow({ valid_from: '' }, RECURRING), expect: refused('admin.platforms.error.date_invalid') },
    { name: 'POST /admin/maintenance/new (recurring) with a last day before the first answers 422', request: planWindow({ valid_until: '2030-12-31' }, RECURRING), expect: refused('admin.platforms.maintenance.error.until_before_from') },
    // wrong types
    { name: 'POST /admin/maintenance/new with the kind sent twice is a 400', request: planWindow({ kind: ['once', 'recurring'] }), expect: badRequest },
    { name: 'POST /admin/maintenance/new with a week box sent twice is a 400', request: planWindow({ week_1: ['on', 'on'] }, RECURRING), expect: badRequest },
    { name: 'POST /admin/maintenance/new with a JSON array as weekday is a 400', request: jsonForm(NEW_WINDOW, '{"_csrf":"{csrf}","kind":"recurring","weekday":[3]}'), expect: badRequest },
    // accepted: overlapping the demo Cloud Avenue rule is allowed, and said
    { name: 'POST /admin/maintenance/new of a window overlapping the demo rule is saved (303), the overlap named on the next page',
      request: planWindow({ title_en: `Overlap ${SCRIPT_TEXT}`, recurring_start: '02:00', recurring_end: '04:00', valid_from: '2026-01-01' }, RECURRING),
      expect: { status: 303, location: '/admin/platforms/cloud_avenue', mayWrite: WINDOW_WRITES } },
  ],
]

const windowPageCases: HostileCase[] = [
  ...outsiderRows('GET /admin/maintenance/:id', get('/admin/maintenance/1')),
  { name: 'GET /admin/maintenance/:id of the demo Cloud Avenue rule shows it in words with its form',
    request: get('/admin/maintenance/1'), expect: { status: 200, messages: ['admin.platforms.maintenance.change_heading'], contains: ['name="week_last3" checked'] } },
  ...([['a word', 'abc'], ['zero', '0'], ['1e3', '1e3'], ['an id past every row', '999999'], ['a 30-digit id', '9'.repeat(30)], ['<script>', encodeURIComponent(SCRIPT_TEXT)]] as const)
    .map(([label, id]): HostileCase => ({ name: `GET /admin/maintenance/:id with ${label} is a localized 404`, request: get(`/admin/maintenance/${id}`), expect: { ...notFound(), absent: ['<script>alert(1)'] } })),
]

const updateWindowCases: HostileCase[] = [
  ...csrfRows('POST /admin/maintenance/:id', post('/admin/maintenance/2', ONCE_FE)),
  { name: 'POST /admin/maintenance/:id as a customer referent is a 404', request: { ...post('/admin/maintenance/2', ONCE_FE), as: CUSTOMER }, expect: notFound('fr') },
  { name: 'POST /admin/maintenance/:id with a 2 MB body is refused with 413', request: bigForm('/admin/maintenance/2', 'title_en'), expect: { status: 413, messages: TOO_LARGE } },
  ...[
    { name: 'POST /admin/maintenance/:id with no region answers 422', request: post('/admin/maintenance/2', { ...ONCE_FE, 'region-eu-west-0': '' }), expect: refused('admin.platforms.error.regions_required') },
    { name: 'POST /admin/maintenance/:id without the English title answers 422 naming it', request: post('/admin/maintenance/2', { ...ONCE_FE, title_en: '' }), expect: refused('admin.platforms.error.title_en_required') },
    { name: 'POST /admin/maintenance/:id with an id that is not a number is a 404', request: post('/admin/maintenance/x', ONCE_FE), expect: notFound() },
  ],
]

const cancelWindowCases: HostileCase[] = [
  ...csrfRows('POST /admin/maintenance/:id/cancel', post('/admin/maintenance/2/cancel', {})),
  { name: 'POST /admin/maintenance/:id/cancel as a customer referent is a 404', request: { ...post('/admin/maintenance/2/cancel', {}), as: CUSTOMER }, expect: notFound('fr') },
  ...[
    { name: 'POST /admin/maintenance/:id/cancel of an unknown window is a 404', request: post('/admin/maintenance/999999/cancel', {}), expect: notFound() },
    { name: 'POST /admin/maintenance/:id/cancel with back and next set off the site still goes to the platform page',
      request: post('/admin/maintenance/2/cancel', { back: OFFSITE[0]![1], next: OFFSITE[1]![1] }),
      expect: { status: 303, location: '/admin/platforms/flexible_engine', absent: ['evil.example'], mayWrite: WINDOW_WRITES, notStored: ['evil.example'] } },
    { name: 'POST /admin/maintenance/:id/cancel of a cancelled window changes nothing', request: post('/admin/maintenance/2/cancel', {}), expect: { status: 303, location: '/admin/maintenance/2' } },
  ],
]

export const platformsForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /admin/platforms, /admin/platforms/:code', platformPageCases],
  ['GET /admin/incidents/new', newIncidentPageCases],
  ['POST /admin/incidents/new', createIncidentCases],
  ['GET /admin/incidents/:id', incidentPageCases],
  ['POST /admin/incidents/:id', updateIncidentCases],
  ['POST /admin/incidents/:id/close', closeIncidentCases],
  ['GET /admin/maintenance/new', newWindowPageCases],
  ['POST /admin/maintenance/new', createWindowCases],
  ['GET /admin/maintenance/:id', windowPageCases],
  ['POST /admin/maintenance/:id', updateWindowCases],
  ['POST /admin/maintenance/:id/cancel', cancelWindowCases],
]
