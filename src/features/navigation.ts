// The main menu. An entry appears once its page exists, and only to users who
// hold at least visitor on its section on one of their contracts.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { MessageKey } from '../i18n/index.js'
import { areasOpenTo, loadStaffRoles, type Section, type StaffArea } from '../policy/index.js'

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
  { key: 'nav.help', path: '/help', sections: ['support'] },
]

// The back-office menu, for staff: an entry per area their roles open;
// `under` lists the other paths whose pages belong to the entry.
const STAFF_MENU: Array<{ key: MessageKey; path: string; area: StaffArea; under?: string[] }> = [
  { key: 'admin.nav.dashboard', path: '/admin', area: 'dashboard' },
  { key: 'admin.nav.companies', path: '/admin/companies', area: 'companies', under: ['/admin/contracts'] },
  { key: 'admin.nav.users', path: '/admin/users', area: 'users' },
  { key: 'admin.nav.platforms', path: '/admin/platforms', area: 'platforms', under: ['/admin/incidents', '/admin/maintenance'] },
  { key: 'admin.nav.inbox', path: '/admin/inbox', area: 'inbox' },
  { key: 'admin.nav.billing', path: '/admin/billing', area: 'billing' },
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
async function sectionsOpenTo(request: FastifyRequest): Promise<Set<string>> {
  const db = request.server.db
  const userId = request.user!.id
  const [roles, referent] = await Promise.all([
    db.selectFrom('contract_roles').select('section').distinct().where('user_id', '=', userId).where('role', '!=', 'none').execute(),
    db.selectFrom('contracts').select('id').where('referent_user_id', '=', userId).limit(1).executeTakeFirst(),
  ])
  if (referent) return new Set(MENU.flatMap((entry) => entry.sections ?? []))
  return new Set(roles.map((row) => row.section))
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
