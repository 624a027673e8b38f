// The catalog's browse hostile rows (see ../cases.ts for how rows work):
// GET /catalog (query contract, q, category, sort) and GET /catalog/:service.
// Nothing here writes. An unknown category or sort is a 422 with its message
// (never a guess); a search over 100 characters too; a query field twice is
// a 400. On GET /catalog/:service a contract sent twice names no contract:
// the guard's 404.
import { SCRIPT_TEXT, SQL_TEXT, type HostileCase, type HostileRequest, type MessageRef } from '../cases.js'

/** Services manager on OCB0000301 (Flexible Engine, Rivage), not its referent, in English. */
const MANAGER = 'gabriel.roux'
const FE = 'OCB0000301'
/** Another company's contract (Hexagone) for the Rivage personas. */
const FOREIGN = 'OCB0000101'
/** On OCB0000101 without the Services section, in French. */
const NO_SERVICES = 'karine.lopez'
/** Referent of the multi-services grouping contract OCB0000100, in French. */
const GROUPING_REFERENT = 'david.moreau'
const GROUPING = 'OCB0000100'
const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const NEEDS_SERVICES: MessageRef[] = ['error.403.title', { key: 'error.403.needs', params: { role: 'Visiteur', section: 'Catalogue / Services' } }]

const catalog = (query: string, as = MANAGER): HostileRequest => ({ method: 'GET', url: `/catalog${query}`, as })
const service = (path: string, query = `?contract=${FE}`, as = MANAGER): HostileRequest => ({ method: 'GET', url: `/catalog/${path}${query}`, as })
const refused = (messages: MessageRef[]) => ({ status: 422, messages, signedInAfter: true })
const BAD_CODES = [['<script>', encodeURIComponent(SCRIPT_TEXT)], ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)], ['a 10,000-character code', 'O'.repeat(10_000)], ['%_ wildcards', '%25_%25']] as const

const listCases: HostileCase[] = [
  { name: 'GET /catalog shows the contract’s services with Order links to a services manager', request: catalog(`?contract=${FE}`), expect: { status: 200, messages: ['catalog.browse.title', 'catalog.browse.more', 'catalog.browse.order'] } },
  { name: 'GET /catalog without a contract opens on the user’s first contract with Services', request: catalog(''), expect: { status: 200, messages: ['catalog.browse.title'] } },
  { name: 'GET /catalog of another company’s contract is a 404', request: catalog(`?contract=${FOREIGN}`), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /catalog without the Services section is a 403 naming the role', request: catalog(`?contract=${FOREIGN}`, NO_SERVICES), expect: { status: 403, lang: 'fr', messages: NEEDS_SERVICES } },
  { name: 'GET /catalog from an anonymous visitor is sent to the login page', request: { method: 'GET', url: `/catalog?contract=${FE}` }, expect: { status: 302, location: /^\/login\?next=/ } },
  { name: 'GET /catalog with the contract twice is a 400', request: catalog(`?contract=${FE}&contract=${FE}`), expect: { status: 400, messages: BAD_REQUEST } },
  ...BAD_CODES.map(([label, code]): HostileCase => ({ name: `GET /catalog with ${label} as the contract is a 404`, request: catalog(`?contract=${code}`), expect: { status: 404, messages: NOT_FOUND } })),
  { name: 'GET /catalog with a script as the search shows it escaped and finds nothing', request: catalog(`?contract=${FE}&q=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { status: 200, messages: ['catalog.browse.none_matching'], echoed: SCRIPT_TEXT } },
  { name: 'GET /catalog with SQL as the search treats it as text', request: catalog(`?contract=${FE}&q=${encodeURIComponent(SQL_TEXT)}`), expect: { status: 200, messages: ['catalog.browse.none_matching'], echoed: SQL_TEXT } },
  { name: 'GET /catalog with % and _ as the search treats them as text, not wildcards', request: catalog(`?contract=${FE}&q=${encodeURIComponent('%_%')}`), expect: { status: 200, messages: ['catalog.browse.none_matching'] } },
  { name: 'GET /catalog with a 10,000-character search is refused (422) with the message next to the box', request: catalog(`?contract=${FE}&q=${'q'.repeat(10_000)}`), expect: refused([{ key: 'catalog.browse.error.q_long', params: { max: 100 } }]) },
  { name: 'GET /catalog with the search twice is a 400', request: catalog(`?contract=${FE}&q=a&q=b`), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /catalog with an unknown category is refused (422)', request: catalog(`?contract=${FE}&category=nope`), expect: refused(['catalog.browse.error.category']) },
  { name: 'GET /catalog with a script as the category is refused (422), never shown raw', request: catalog(`?contract=${FE}&category=${encodeURIComponent(SCRIPT_TEXT)}`), expect: refused(['catalog.browse.error.category']) },
  { name: 'GET /catalog with the category twice is a 400', request: catalog(`?contract=${FE}&category=backup&category=regions`), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /catalog with an unknown sort is refused (422), not silently the default', request: catalog(`?contract=${FE}&sort=${encodeURIComponent("price; DROP TABLE orders")}`), expect: refused(['catalog.browse.error.sort']) },
  { name: 'GET /catalog with the sort twice is a 400', request: catalog(`?contract=${FE}&sort=name&sort=price`), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /catalog on a grouping contract shows the referent-only services as refused, in French', request: catalog(`?contract=${GROUPING}`, GROUPING_REFERENT), expect: { status: 200, lang: 'fr', messages: ['catalog.browse.refused_grouping'] } },
]

const serviceCases: HostileCase[] = [
  { name: 'GET /catalog/:service shows a service’s conditions and what its form asks', request: service('dedicated-cloud'), expect: { status: 200, messages: ['catalog.service.conditions', 'catalog.service.form_heading', 'catalog.service.order'] } },
  { name: 'GET /catalog/:service of an unknown service is a 404', request: service('no-such-service'), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /catalog/:service of another offer’s service is a 404', request: service('expertise-pack'), expect: { status: 404, messages: NOT_FOUND } },
  ...BAD_CODES.map(([label, code]): HostileCase => ({ name: `GET /catalog/:service with ${label} as the service is a 404`, request: service(code), expect: { status: 404, messages: NOT_FOUND } })),
  { name: 'GET /catalog/:service of a referent-only service, for a non-referent, is a 403 saying only the referent orders it', request: service('modify-contract-name'),
    expect: { status: 403, messages: ['catalog.refused.heading', { key: 'catalog.refused.referent_only', params: { service: 'Modify the name of your contract', name: 'Rivage Core Banking', code: FE } }] } },
  { name: 'GET /catalog/:service of a referent-only service on a grouping contract is a 403 naming the account manager’s role', request: service('modify-invoice-references', `?contract=${GROUPING}`, GROUPING_REFERENT),
    expect: { status: 403, lang: 'fr', messages: ['catalog.refused.heading', { key: 'catalog.refused.grouping_contract', params: { service: 'Modifier les références externes de vos factures', name: 'Hexagone Groupe', code: GROUPING } }] } },
  { name: 'GET /catalog/:service without a contract is a 404', request: service('dedicated-cloud', ''), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /catalog/:service with the contract twice names no contract: a 404', request: service('dedicated-cloud', `?contract=${FE}&contract=${FE}`), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /catalog/:service of another company’s contract is a 404', request: service('dedicated-cloud', `?contract=${FOREIGN}`), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /catalog/:service without the Services section is a 403 naming the role', request: service('dedicated-cloud', `?contract=${FOREIGN}`, NO_SERVICES), expect: { status: 403, lang: 'fr', messages: NEEDS_SERVICES } },
  { name: 'GET /catalog/:service from an anonymous visitor is sent to the login page', request: { method: 'GET', url: `/catalog/dedicated-cloud?contract=${FE}` }, expect: { status: 302, location: /^\/login\?next=/ } },
]

export const browseForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /catalog', listCases],
  ['GET /catalog/:service', serviceCases],
]
