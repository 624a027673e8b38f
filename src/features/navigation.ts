// The main menu. An entry appears once its page exists, and only to users who
// hold at least visitor on its section on one of their contracts.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { MessageKey } from '../i18n/index.js'
import { areasOpenTo, can, loadStaffRoles, type Level, type Rights, type Section, type StaffArea } from '../policy/index.js'

interface MenuEntry {
  key: MessageKey
  path: string
  /** Sections any of which opens the entry; none: every signed-in user. */
  sections?: Section[]
}

const MENU: MenuEntry[] = [
  { key: 'nav.dashboard', path: '/' },
  { key: 'nav.requests', path: '/requests', sections: ['orders', 'support', 'services'] },
  { key: 'nav.catalog', path: '/catalog', sections: ['services'] },
  { key: 'nav.rights', path: '/rights', sections: ['users'] },
  { key: 'nav.bills', path: '/bills', sections: ['billing'] },
  { key: 'nav.help', path: '/help' },
]

const MENU_SECTIONS: Section[] = [...new Set(MENU.flatMap((entry) => entry.sections ?? []))]

// The back-office menu, for staff: an entry per area their roles open;
// `under` lists the other paths whose pages belong to the entry.
const STAFF_MENU: Array<{ key: MessageKey; path: string; area: StaffArea; under?: string[] }> = [
  { key: 'admin.nav.dashboard', path: '/admin', area: 'dashboard' },
  { key: 'admin.nav.companies', path: '/admin/companies', area: 'companies', under: ['/admin/contracts'] },
  { key: 'admin.nav.users', path: '/admin/users', area: 'users' },
  { key: 'admin.nav.platforms', path: '/admin/platforms', area: 'platforms', under: ['/admin/incidents', '/admin/maintenance'] },
  { key: 'admin.nav.requests', path: '/admin/requests', area: 'requests' },
  { key: 'admin.nav.inbox', path: '/admin/inbox', area: 'inbox' },
  { key: 'admin.nav.billing', path: '/admin/billing', area: 'billing' },
  { key: 'admin.nav.catalog', path: '/admin/catalog', area: 'catalog' },
  { key: 'admin.nav.emails', path: '/admin/emails', area: 'emails' },
  { key: 'admin.nav.audit', path: '/admin/audit', area: 'audit' },
]

export interface MenuItem {
  key: MessageKey
  path: string
  current: boolean
}

/** Entries whose page is registered: computed once, when the app is ready. */
export function existingMenu(app: FastifyInstance): MenuEntry[] {
  return MENU.filter((entry) => app.hasRoute({ method: 'GET', url: entry.path }))
}

export async function menuFor(request: FastifyRequest, entries: MenuEntry[]): Promise<MenuItem[]> {
  if (!request.user) return []
  if (request.user.is_staff === 1) return staffMenuFor(request)
  const needsSections = entries.some((entry) => entry.sections)
  const open = needsSections ? await sectionsOpenTo(request) : new Set<string>()
  const path = request.url.split('?', 1)[0] ?? '/'
  return entries
    .filter((entry) => !entry.sections || entry.sections.some((section) => open.has(section)))
    .map((entry) => ({ key: entry.key, path: entry.path, current: entry.path === '/' ? path === '/' : path.startsWith(entry.path) }))
}

// Sections where the user holds more than `none` on at least one contract;
// a referent holds them all.
// (Every page asks: the referent is looked for through the user's own
// contracts, and only when their roles leave a menu section closed, rather
// than by scanning every contract.)
async function sectionsOpenTo(request: FastifyRequest): Promise<Set<string>> {
  const db = request.server.db
  const userId = request.user!.id
  const roles = await db.selectFrom('contract_roles').select('section').distinct().where('user_id', '=', userId).where('role', '!=', 'none').execute()
  const open = new Set(roles.map((row) => row.section))
  if (MENU_SECTIONS.every((section) => open.has(section))) return open
  const referent = await db.selectFrom('contract_roles').innerJoin('contracts', 'contracts.id', 'contract_roles.contract_id')
    .select('contracts.id').where('contract_roles.user_id', '=', userId).where('contract_roles.section', '=', 'contracts')
    .where('contracts.referent_user_id', '=', userId).limit(1).executeTakeFirst()
  return referent ? new Set(MENU_SECTIONS) : open
}

async function staffMenuFor(request: FastifyRequest): Promise<MenuItem[]> {
  if (!request.user!.totp_enabled_at) return []
  const roles = request.staff?.roles ?? await loadStaffRoles(request.server.db, request.user!.id)
  const open = new Set(areasOpenTo(roles))
  const path = request.url.split('?', 1)[0] ?? '/'
  return STAFF_MENU
    .filter((entry) => open.has(entry.area) && request.server.hasRoute({ method: 'GET', url: entry.path }))
    .map((entry) => ({ key: entry.key, path: entry.path, current: entry.path === '/admin' ? path === '/admin' : [entry.path, ...entry.under ?? []].some((prefix) => path.startsWith(prefix)) }))
}

// A contract's own menu (the dashboard's contextual menu, the contract page's
// links): an entry appears when its page is registered, when the user's
// roles on that contract pass the page's declared policy, and when they pass
// the entry's own need (ordering a service needs more than reading the
// catalog). So a link and the guard behind it never disagree.
interface ContractLink {
  key: MessageKey
  /** The GET route the link opens, as registered. */
  route: string
  href: (code: string) => string
  /** Any one of these opens the entry (on top of the route's policy). */
  needs: Array<{ section: Section; level: Level }>
}

const visitor = (...sections: Section[]) => sections.map((section) => ({ section, level: 'visitor' as const }))
const inContract = (tail: string) => (code: string) => `/contracts/${encodeURIComponent(code)}${tail}`
const filtered = (path: string) => (code: string) => `${path}?contract=${encodeURIComponent(code)}`

const CONTRACT_LINKS: ContractLink[] = [
  { key: 'dashboard.link.contract', route: '/contracts/:code', href: inContract(''), needs: visitor('contracts') },
  { key: 'dashboard.link.requests', route: '/requests', href: filtered('/requests'), needs: visitor('orders', 'support', 'services') },
  { key: 'dashboard.link.order', route: '/catalog', href: filtered('/catalog'), needs: [{ section: 'services', level: 'manager' }] },
  { key: 'dashboard.link.users', route: '/rights', href: filtered('/rights'), needs: visitor('users') },
  { key: 'dashboard.link.subscriptions', route: '/contracts/:code/subscriptions', href: inContract('/subscriptions'), needs: visitor('subscriptions') },
  { key: 'dashboard.link.documents', route: '/contracts/:code/documents', href: inContract('/documents'), needs: visitor('documents') },
  { key: 'dashboard.link.bills', route: '/bills', href: filtered('/bills'), needs: visitor('billing') },
  { key: 'dashboard.link.support_level', route: '/contracts/:code/support-level', href: inContract('/support-level'), needs: visitor('contracts') },
  { key: 'dashboard.link.budget', route: '/contracts/:code/budget', href: inContract('/budget'), needs: [{ section: 'contracts', level: 'manager' }] },
  { key: 'dashboard.link.help', route: '/help', href: filtered('/help'), needs: visitor('support') },
]

export interface ContractMenuItem {
  key: MessageKey
  href: string
}

type LinkTable = Array<ContractLink & { policy: { section: Section; level: Level } | null }>

/** The contract links whose page is registered, each with its page's policy:
 * read from the route table once, after the app is ready. */
export function existingContractLinks(app: FastifyInstance): LinkTable {
  const declared = app.declaredRoutes().filter((route) => route.method === 'GET')
  return CONTRACT_LINKS.flatMap((link) => {
    const route = declared.find((candidate) => candidate.url === link.route)
    if (!route) return []
    const policy = JSON.parse(route.policy) as unknown
    const sectionPolicy = typeof policy === 'object' && policy !== null && 'section' in policy ? policy as { section: Section; level: Level } : null
    return [{ ...link, policy: sectionPolicy }]
  })
}

/** The entries of a contract's menu that these rights open. */
export function contractMenu(links: LinkTable, rights: Rights): ContractMenuItem[] {
  return links
    .filter((link) => (!link.policy || can(rights, link.policy.section, link.policy.level)) && link.needs.some((need) => can(rights, need.section, need.level)))
    .map((link) => ({ key: link.key, href: link.href(rights.contract.code) }))
}

const linkTables = new WeakMap<FastifyInstance, LinkTable>()

/** The link table of the running app (computed at its first use: every route is registered by then). */
export function contractLinksOf(app: FastifyInstance): LinkTable {
  let table = linkTables.get(app)
  if (!table) {
    table = existingContractLinks(app)
    linkTables.set(app, table)
  }
  return table
}
