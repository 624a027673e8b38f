// THE list of what the bench measures. A new page is one line in PAGES:
//   { name: 'bills', as: 'heavy', paths: (v) => [`/contracts/${v.contractCodes[0]}/bills`] },
// `as` says who asks (see VISITORS); `paths` gives the URL(s) each of those
// visitors requests; autocannon cycles through every (visitor, path) pair.

/** Somebody the bench plays: anonymous, or logged in through the login form. */
export interface Visitor {
  login: string | null
  /** `ccs_session=…`, absent for the anonymous visitor. */
  cookie?: string
  /** Contracts the user holds, read from the links of their dashboard. */
  contractCodes: string[]
}

/** Who asks for a page: each group is logged in once, before the runs. */
export const VISITORS = {
  anonymous: [] as string[],
  // The scale data set (scripts/seed-scale.ts): each declared on up to 200 contracts.
  heavy: ['bench.user1', 'bench.user2', 'bench.user3', 'bench.user4', 'bench.user5'],
  // Demo users with 1–3 contracts each: the everyday case.
  demo: ['alice.martin', 'bruno.petit', 'chloe.bernard', 'david.moreau', 'emma.leroy', 'helene.fabre'],
  // Demo referents, whose first contract (by name) is one they are the referent of.
  referents: ['alice.martin', 'david.moreau', 'emma.leroy', 'helene.fabre'],
  // Demo staff (admin), enrolled in two factors by the bench's login (login.ts).
  staff: ['sophie.durand'],
} as const

export type VisitorGroup = keyof typeof VISITORS

export interface Page {
  name: string
  as: VisitorGroup
  paths: (visitor: Visitor) => string[]
}

/** A request each demo user sees (the details page's bench). */
const DEMO_REQUESTS_BY_LOGIN: Record<string, string> = {
  'alice.martin': 'REQ-000001', 'chloe.bernard': 'REQ-000004', 'emma.leroy': 'REQ-000005',
  'bruno.petit': 'REQ-000008', 'helene.fabre': 'REQ-000009', 'david.moreau': 'REQ-000011',
}

/** How many of a user's contracts the contract page cycles through. */
const CONTRACTS_PER_USER = 5

export const PAGES: Page[] = [
  { name: 'login page', as: 'anonymous', paths: () => ['/login'] },
  { name: 'dashboard', as: 'heavy', paths: () => ['/'] },
  { name: 'dashboard (demo users)', as: 'demo', paths: () => ['/'] },
  { name: 'contract details', as: 'heavy', paths: (v) => v.contractCodes.slice(0, CONTRACTS_PER_USER).map((code) => `/contracts/${code}`) },
  { name: 'forgotten password page', as: 'anonymous', paths: () => ['/password/forgot'] },
  { name: 'my account', as: 'demo', paths: () => ['/account'] },
  { name: 'my security', as: 'demo', paths: () => ['/account/security'] },
  { name: 'my company', as: 'demo', paths: () => ['/account/company'] },
  { name: 'notifications', as: 'demo', paths: () => ['/notifications'] },
  { name: 'rights: users of a contract', as: 'demo', paths: () => ['/rights'] },
  { name: 'rights: a user profile', as: 'demo', paths: (v) => [`/rights/users/${v.login}?contract=${v.contractCodes[0]}`] },
  { name: 'rights: add a user (step 1)', as: 'referents', paths: (v) => [`/rights/new?contract=${v.contractCodes[0]}`] },
  { name: 'contract audit log', as: 'referents', paths: (v) => [`/contracts/${v.contractCodes[0]}/audit`] },
  // The demo FE contract with seeded subscriptions (scripts/seed-demo-subscriptions.ts), for the referent who holds it.
  { name: 'subscriptions', as: 'referents', paths: (v) => v.contractCodes.includes('OCB0000101') ? ['/contracts/OCB0000101/subscriptions', '/contracts/OCB0000101/subscriptions/1/cancel'] : [] },
  { name: 'support level and documents', as: 'referents', paths: (v) => [`/contracts/${v.contractCodes[0]}/support-level`, `/contracts/${v.contractCodes[0]}/documents`] },
  // Each demo user's own seeded request (scripts/seed-demo-requests.ts: seeded before the scale data, so numbered 1 to 12).
  { name: 'request details', as: 'demo', paths: (v) => (v.login && DEMO_REQUESTS_BY_LOGIN[v.login] ? [`/requests/${DEMO_REQUESTS_BY_LOGIN[v.login]}`] : []) },
  { name: 'budget page', as: 'referents', paths: (v) => [`/contracts/${v.contractCodes[0]}/budget`] },
  // Requests (about 13,000 visible to a bench user at --scale 2000: orders everywhere, incidents and changes where shared).
  { name: 'requests list (demo users)', as: 'demo', paths: () => ['/requests'] },
  { name: 'requests list', as: 'heavy', paths: () => ['/requests', '/requests?sort=date_asc&page=2'] },
  { name: 'requests list searched and filtered', as: 'heavy', paths: (v) => ['/requests?type=incident&status=completed&q=vpn', `/requests?contract=${v.contractCodes[0]}&q=quota`, '/requests?q=scale+1'] },
  { name: 'requests CSV', as: 'heavy', paths: (v) => [`/requests/export.csv?contract=${v.contractCodes[0]}`, '/requests/export.csv?type=change&status=in_progress'] },
  { name: 'back-office: dashboard', as: 'staff', paths: () => ['/admin'] },
  { name: 'back-office: companies', as: 'staff', paths: () => ['/admin/companies', '/admin/companies?q=hexagone', '/admin/companies/1'] },
  { name: 'back-office: contract pages', as: 'staff', paths: () => ['/admin/contracts/OCB0000101', '/admin/contracts/OCB0000101/edit', '/admin/contracts/new?company=1'] },
  { name: 'back-office: contractual documents', as: 'staff', paths: () => ['/admin/contracts/OCB0000302/documents'] },
  { name: 'back-office: service catalog', as: 'staff', paths: () => ['/admin/catalog', '/admin/catalog/services/file-applicative-backup'] },
  { name: 'back-office: change catalog', as: 'staff', paths: () => ['/admin/change-catalog', '/admin/change-catalog/items/quota_ecs'] },
  { name: 'back-office: platforms', as: 'staff', paths: () => ['/admin/platforms', '/admin/platforms/cloud_avenue'] },
  { name: 'back-office: incident and maintenance pages', as: 'staff', paths: () => ['/admin/incidents/new?platform=flexible_engine', '/admin/incidents/1', '/admin/maintenance/1'] },
  { name: 'back-office: audit log', as: 'staff', paths: () => ['/admin/audit', '/admin/audit?action=admin.', '/admin/audit?from=2026-03-01&to=2026-03-31'] },
  { name: 'back-office: email log', as: 'staff', paths: () => ['/admin/emails?status=all', '/admin/emails?status=failed'] },
  { name: 'back-office: users', as: 'staff', paths: () => ['/admin/users?state=locked', '/admin/users?q=rivage', '/admin/users/bruno.petit'] },
  { name: 'back-office: inbox', as: 'staff', paths: () => ['/admin/inbox?status=all', '/admin/inbox/1'] },
  { name: 'back-office: billing contacts', as: 'staff', paths: () => ['/admin/billing', '/admin/billing?q=OCB00001'] },
  // The request queue over every contract's requests (a million at full scale): the default view, overdue, a search; one request's page.
  { name: 'back-office: request queue', as: 'staff', paths: () => ['/admin/requests', '/admin/requests?view=open&overdue=1', '/admin/requests?view=all&q=vpn', '/admin/requests?view=all&type=change&status=in_progress'] },
  { name: 'back-office: request page', as: 'staff', paths: () => ['/admin/requests/REQ-000001'] },
  // Creating a request, as the Rivage referent (FE contract OCB0000301, Cloud Avenue Gold OCB0000302): the type choice, the incident form after step 1 with its FAQ answers, the change catalog and an item's form.
  { name: 'new request pages', as: 'referents', paths: (v) => v.contractCodes.includes('OCB0000301') && v.contractCodes.includes('OCB0000302')
    ? ['/requests/new?contract=OCB0000301', '/requests/new/incident?contract=OCB0000302&title=password', '/requests/new/change?contract=OCB0000301', '/requests/new/change?contract=OCB0000301&item=quota_ecs'] : [] },
  // The catalog of the Rivage FE contract as its referent (every FE service, referent-only ones and tenant creation included): the list, a search with a category and the price order, a reservation's "More information" with its subscriptions on offer.
  { name: 'catalog', as: 'referents', paths: (v) => v.contractCodes.includes('OCB0000301') ? ['/catalog?contract=OCB0000301'] : [] },
  { name: 'catalog searched', as: 'referents', paths: (v) => v.contractCodes.includes('OCB0000301') ? ['/catalog?contract=OCB0000301&q=backup', '/catalog?contract=OCB0000301&category=regions&sort=price'] : [] },
  { name: 'catalog service', as: 'referents', paths: (v) => v.contractCodes.includes('OCB0000301') ? ['/catalog/reserved-ecs-instances?contract=OCB0000301', '/catalog/dedicated-cloud?contract=OCB0000301'] : [] },
  // Ordering on the Rivage FE contract as its referent (a services manager there): a service's order form (fields, price, one-time token), and step 1 of a reservation (regions and templates of the active offers).
  { name: 'order form', as: 'referents', paths: (v) => v.contractCodes.includes('OCB0000301') ? ['/catalog/cloud-alliance-regions/order?contract=OCB0000301', '/catalog/file-applicative-backup/order?contract=OCB0000301'] : [] },
  { name: 'reservation step 1', as: 'referents', paths: (v) => v.contractCodes.includes('OCB0000301') ? ['/catalog/reserved-ecs-instances/order?contract=OCB0000301'] : [] },
  // Need help (the first contract with support: level, contacts, the advisor forms with their slots), and the FAQ searched and whole.
  { name: 'need help', as: 'demo', paths: () => ['/help'] },
  { name: 'FAQ', as: 'demo', paths: () => ['/help/faq', '/help/faq?q=mot+de+passe', '/help/faq?q=invoice+REF1'] },
  // Bills: the month-to-date simulation read from the monthly roll-up (usage_monthly), whatever the size of usage_records; the demo users' page and statement (demo invoices are seeded at first start).
  { name: 'bills page (simulation to date)', as: 'heavy', paths: (v) => [`/bills?contract=${v.contractCodes[0]}`] },
  { name: 'bills page (demo users)', as: 'demo', paths: () => ['/bills'] },
  { name: 'account statement', as: 'referents', paths: (v) => [`/bills/${v.contractCodes[0]}/statement`] },
  // Files: the simulation workbook and last month's usage report of a demo contract (a few hundred lines); the
  // 1,000,000-line export is measured for its memory by scripts/bench/export-memory.ts (bench/README.md, "Bills exports").
  // An Orange Business contract's files are refused (403: its bills live elsewhere), so each referent's first other contract.
  { name: 'bills files: simulation.xlsx', as: 'referents', paths: (v) => [`/bills/${billedHere(v)}/simulation.xlsx`] },
  { name: 'bills files: usage.xlsx of last month', as: 'referents', paths: (v) => [`/bills/${billedHere(v)}/usage.xlsx?month=${new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7)}`] },
  // Staff billing (sophie.durand is admin: the billing area opens): the import page with past imports, the run form, the invoices list (a page of 25 with its balances) filtered by last month, and the first demo invoice's page.
  { name: 'back-office: usage imports and invoicing run', as: 'staff', paths: () => ['/admin/billing/usage-imports', '/admin/billing/invoicing'] },
  { name: 'back-office: invoices list', as: 'staff', paths: () => ['/admin/billing/invoices', `/admin/billing/invoices?month=${new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7)}`, '/admin/billing/invoices?q=rivage'] },
  { name: 'back-office: invoice page', as: 'staff', paths: () => [`/admin/billing/invoices/F${new Date().getUTCFullYear()}-000001`] },
]

/** The demo contracts of the Orange Business offer, whose bills files the portal refuses. */
const ORANGE_BUSINESS_DEMO_CONTRACTS = new Set(['OCB0000202'])
const billedHere = (visitor: Visitor) => visitor.contractCodes.find((code) => !ORANGE_BUSINESS_DEMO_CONTRACTS.has(code))

/** The page whose response size the ceiling copies (ARCHITECTURE.md compares the dashboard to a bare page of its size). */
export const CEILING_SIZE_FROM = 'dashboard'

/** Bare Fastify + Eta pages, each its own autocannon run. The first is THE
 * ceiling that every ratio divides by; the others are references. */
export const CEILINGS: Array<{ name: string; bytes: 'same as dashboard' | number }> = [
  { name: 'ceiling: bare Fastify + Eta', bytes: 'same as dashboard' },
  // A fixed size: does not move when the dashboard changes, and is the page
  // ARCHITECTURE.md quotes (≈ 8,000 pages/s on this kind of machine).
  { name: 'bare Fastify + Eta, 21 KB', bytes: 21_000 },
]
