// Hostile rows for the dashboard pages (see ../cases.ts for how rows work).
import { ATTRIBUTE_BREAKOUT, SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, type HostileCase, type HostileExpect } from '../cases.js'

const EN_USER = 'chloe.bernard' // visitor everywhere on OCB0000101, OCB0000102, OCB0000103
const FR_USER = 'alice.martin'
const search = (query: string, as = EN_USER) => ({ method: 'GET', url: `/?${query}`, as }) as const
const dashboard = (lang: 'en' | 'fr' = 'en', more: Partial<HostileExpect> = {}): HostileExpect =>
  ({ status: 200, lang, messages: ['dashboard.title'], ...more })
const nothingFound = (q: string): HostileExpect => dashboard('en', { messages: ['dashboard.title', { key: 'dashboard.search_none', params: { q } }], echoed: q })
const badRequest: HostileExpect = { status: 400, messages: ['error.400.title', 'error.400.body'] }

const dashboardSearchCases: HostileCase[] = [
  { name: 'GET /?q=<script> finds nothing and shows the search back only escaped',
    request: search(`q=${encodeURIComponent(SCRIPT_TEXT)}`), expect: nothingFound(SCRIPT_TEXT) },
  { name: 'GET /?q= breaking out of the search field’s attribute is shown back escaped',
    request: search(`q=${encodeURIComponent(ATTRIBUTE_BREAKOUT)}`), expect: nothingFound(ATTRIBUTE_BREAKOUT) },
  { name: "GET /?q=' OR 1=1 -- finds nothing (bound, not SQL)",
    request: search(`q=${encodeURIComponent(SQL_TEXT)}`), expect: nothingFound(SQL_TEXT) },
  { name: 'GET /?q=% is searched for literally: no contract of another user shows up',
    request: search('q=%25'), expect: { ...nothingFound('%'), absent: ['OCB0000301', 'OCB0000201'] } },
  { name: 'GET /?q=_ is searched for literally',
    request: search('q=_'), expect: { ...nothingFound('_'), absent: ['OCB0000301'] } },
  { name: 'GET /?q= of another company’s code finds nothing',
    request: search('q=OCB0000301'), expect: { ...nothingFound('OCB0000301'), absent: ['Rivage Core Banking'] } },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `GET /?q= with ${label} finds nothing and is shown back`,
    request: search(`q=${encodeURIComponent(value)}`), expect: nothingFound(value),
  })),
  { name: 'GET /?q= with a NUL byte is cleaned, not a crash',
    request: search('q=Hexagone%00'), expect: dashboard('en', { contains: ['href="/contracts/OCB0000101"'] }) },
  { name: 'GET /?q= of 10 kB is cut to 100 characters, not a crash',
    request: search(`q=${'a'.repeat(10_000)}`), expect: dashboard('en', { contains: [`id="q" name="q" value="${'a'.repeat(100)}"`] }) },
  { name: 'GET /?q= repeated is a 400, not a guess',
    request: search('q=a&q=b'), expect: badRequest },
  { name: 'GET /?q[]= is not the search parameter: every contract is listed',
    request: search('q%5B%5D=zzz'), expect: dashboard('en', { contains: ['href="/contracts/OCB0000103"'] }) },
  { name: 'GET /?q= with an invalid percent-encoding is searched as typed and finds nothing',
    request: search('q=%E0%A4%A'), expect: dashboard('en', { absent: ['href="/contracts/OCB0000101"'] }) },
  { name: 'GET /?q= in French shows the French dashboard',
    request: search(`q=${encodeURIComponent(SCRIPT_TEXT)}`, FR_USER),
    expect: dashboard('fr', { messages: ['dashboard.title', { key: 'dashboard.search_none', params: { q: SCRIPT_TEXT } }], echoed: SCRIPT_TEXT }) },
]

const dashboardPageCases: HostileCase[] = [
  ...['0', '-1', '1.5', '1e3', 'abc', '0x10', '99999999999999999999', '%20', SQL_TEXT].map((page): HostileCase => ({
    name: `GET /?page=${page} shows the first page`,
    request: search(`page=${encodeURIComponent(page)}`), expect: dashboard('en', { contains: ['href="/contracts/OCB0000101"'] }),
  })),
  { name: 'GET /?page=999999999 past the end shows the last page',
    request: search('page=999999999'), expect: dashboard('en', { contains: ['href="/contracts/OCB0000101"'] }) },
  { name: 'GET /?page= repeated is a 400',
    request: search('page=1&page=2'), expect: badRequest },
  { name: 'GET /?page=<script> is ignored, never shown raw',
    request: search(`page=${encodeURIComponent(SCRIPT_TEXT)}`), expect: dashboard() },
]

export const dashboardForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /?q= (dashboard search)', dashboardSearchCases],
  ['GET /?page= (dashboard pages)', dashboardPageCases],
]
