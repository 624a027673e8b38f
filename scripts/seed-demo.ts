// The demo data set: three customer companies, contracts on every offer,
// users whose roles show every case of the rights table, two staff members.
// Used at first start (server.ts), by `npm run seed` and by tests' personas.
import type { DB, Executor } from '../src/db/database.js'
import type { Offer } from '../src/db/contracts.table.js'
import { hashPassword } from '../src/lib/passwords.js'
import { seedDemoInbox } from './seed-demo-inbox.js'
import { seedDemoUsage } from './seed-demo-usage.js'
import { seedDemoSubscriptions } from './seed-demo-subscriptions.js'
import { seedDemoBills } from './seed-demo-bills.js'
import { seedDemoRequests } from './seed-demo-requests.js'
import { roleRows } from '../src/policy/role-rows.js'
import type { Level, Section, StaffRole } from '../src/policy/index.js'
import { localDateAndTime, localToUtc } from '../src/features/admin/platforms/recurrence.js'

/** Every demo account uses this password (it follows the password rules). */
export const DEMO_PASSWORD = 'CloudDemo#2026'

type Roles = Partial<Record<Section, Level>>

interface DemoCompany {
  key: string
  name: string
  registration_number: string
  address: string
  postal_code: string
  city: string
  account_manager: [name: string, email: string, phone: string]
  /** Spec 003: its users may order a new tenant from the catalog. */
  create_tenant_online?: boolean
}

interface DemoContract {
  code: string
  name: string
  company: string
  offer: Offer
  support_level: string | null
  support_commitment_end?: string
  referent: string
  domain_owner: string
  refs?: [string | null, string | null, string | null]
  budget_euros?: number
  threshold?: number
  grouping?: string
  start_date: string
}

interface DemoUser {
  login: string
  first_name: string
  last_name: string
  title: 'mr' | 'mrs'
  company: string | null
  locale: 'en' | 'fr'
  phone?: string
  /** A staff member, with their back-office roles. */
  staff?: StaffRole[]
  /** Locked after failed logins (until staff unlock it or a password reset). */
  locked?: boolean
  /** contract code → roles; sections left out get their lowest role. */
  roles?: Record<string, Roles>
  consoles?: Record<string, Array<['fe' | 'backup', string]>>
}

const ALL_VISITOR: Roles = { dashboard: 'visitor', contracts: 'visitor', subscriptions: 'visitor', documents: 'visitor', billing: 'visitor', orders: 'visitor', services: 'visitor', support: 'visitor', users: 'visitor' }

export const DEMO_COMPANIES: DemoCompany[] = [
  { key: 'hexagone', name: 'Hexagone Industries', registration_number: '552 100 554', address: '12 rue de la Forge', postal_code: '69007', city: 'Lyon', account_manager: ['Claire Vasseur', 'claire.vasseur@provider.example', '+33 1 70 00 10 01'] },
  { key: 'lumiere', name: 'Atelier Lumière SAS', registration_number: '813 245 901', address: '4 quai des Arts', postal_code: '33000', city: 'Bordeaux', account_manager: ['Olivier Ndiaye', 'olivier.ndiaye@provider.example', '+33 1 70 00 10 02'] },
  { key: 'rivage', name: 'Banque du Rivage', registration_number: '401 778 230', address: '88 boulevard Maritime', postal_code: '44000', city: 'Nantes', account_manager: ['Claire Vasseur', 'claire.vasseur@provider.example', '+33 1 70 00 10 01'], create_tenant_online: true },
]

export const DEMO_CONTRACTS: DemoContract[] = [
  { code: 'OCB0000100', name: 'Hexagone Groupe', company: 'hexagone', offer: 'multi_services', support_level: null, referent: 'david.moreau', domain_owner: 'david.moreau', refs: ['GRP-2026', null, null], start_date: '2024-01-01' },
  { code: 'OCB0000101', name: 'Hexagone Production', company: 'hexagone', offer: 'fe', support_level: 'business', support_commitment_end: '2027-03-31', referent: 'alice.martin', domain_owner: 'alice.martin', refs: ['PO-2026-0142', 'CC-INFRA', null], budget_euros: 12_000, threshold: 80, grouping: 'OCB0000100', start_date: '2024-02-01' },
  { code: 'OCB0000102', name: 'Hexagone Santé', company: 'hexagone', offer: 'fe_hds', support_level: 'premium', support_commitment_end: '2027-01-31', referent: 'alice.martin', domain_owner: 'bruno.petit', refs: ['PO-2026-0188', 'CC-SANTE', 'HDS'], budget_euros: 8_500, threshold: 90, grouping: 'OCB0000100', start_date: '2024-06-01' },
  { code: 'OCB0000103', name: 'Hexagone Datacenter', company: 'hexagone', offer: 'fca', support_level: 'standard', referent: 'david.moreau', domain_owner: 'david.moreau', refs: ['PO-2025-0930', null, null], budget_euros: 20_000, threshold: 75, start_date: '2023-09-01' },
  { code: 'OCB0000201', name: 'Lumière Web', company: 'lumiere', offer: 'cloud_avenue', support_level: 'silver', referent: 'emma.leroy', domain_owner: 'farid.haddad', refs: ['LUM-WEB', null, null], budget_euros: 3_000, threshold: 80, start_date: '2025-01-15' },
  { code: 'OCB0000202', name: 'Lumière Réseau', company: 'lumiere', offer: 'orange_business', support_level: null, referent: 'emma.leroy', domain_owner: 'emma.leroy', start_date: '2022-05-01' },
  { code: 'OCB0000301', name: 'Rivage Core Banking', company: 'rivage', offer: 'fe', support_level: 'standard', support_commitment_end: '2026-12-31', referent: 'helene.fabre', domain_owner: 'helene.fabre', refs: ['RIV-CB-01', 'DSI', 'PROD'], budget_euros: 45_000, threshold: 85, start_date: '2023-03-01' },
  { code: 'OCB0000302', name: 'Rivage Virtual Desktops', company: 'rivage', offer: 'cloud_avenue', support_level: 'gold', referent: 'helene.fabre', domain_owner: 'julien.blanc', refs: ['RIV-VDI', null, null], budget_euros: 9_000, threshold: 80, start_date: '2025-04-01' },
]

export const DEMO_USERS: DemoUser[] = [
  { login: 'alice.martin', first_name: 'Alice', last_name: 'Martin', title: 'mrs', company: 'hexagone', locale: 'fr', phone: '+33 6 12 34 56 01', roles: { OCB0000101: {}, OCB0000102: {} } },
  { login: 'bruno.petit', first_name: 'Bruno', last_name: 'Petit', title: 'mr', company: 'hexagone', locale: 'fr', phone: '+33 6 12 34 56 02',
    roles: { OCB0000101: { ...ALL_VISITOR, billing: 'manager', users: 'manager' }, OCB0000102: { ...ALL_VISITOR, contracts: 'manager', services: 'manager' } },
    consoles: { OCB0000102: [['fe', 'admin']] } },
  { login: 'chloe.bernard', first_name: 'Chloé', last_name: 'Bernard', title: 'mrs', company: 'hexagone', locale: 'en',
    roles: { OCB0000101: ALL_VISITOR, OCB0000102: ALL_VISITOR, OCB0000103: ALL_VISITOR } },
  { login: 'david.moreau', first_name: 'David', last_name: 'Moreau', title: 'mr', company: 'hexagone', locale: 'fr', roles: { OCB0000100: {}, OCB0000103: {} } },
  { login: 'karine.lopez', first_name: 'Karine', last_name: 'Lopez', title: 'mrs', company: 'hexagone', locale: 'fr',
    roles: { OCB0000101: { contracts: 'visitor', support: 'visitor', orders: 'visitor' } } },
  { login: 'emma.leroy', first_name: 'Emma', last_name: 'Leroy', title: 'mrs', company: 'lumiere', locale: 'en', phone: '+33 6 22 10 20 30', roles: { OCB0000201: {}, OCB0000202: {} } },
  { login: 'farid.haddad', first_name: 'Farid', last_name: 'Haddad', title: 'mr', company: 'lumiere', locale: 'en',
    roles: { OCB0000201: { ...ALL_VISITOR, contracts: 'manager', users: 'manager', services: 'manager' }, OCB0000202: { contracts: 'visitor', billing: 'visitor' } } },
  { login: 'gabriel.roux', first_name: 'Gabriel', last_name: 'Roux', title: 'mr', company: 'lumiere', locale: 'en',
    roles: { OCB0000201: { dashboard: 'visitor', contracts: 'visitor', support: 'visitor' }, OCB0000301: { dashboard: 'visitor', contracts: 'visitor', services: 'manager', orders: 'visitor', support: 'visitor' } } },
  { login: 'helene.fabre', first_name: 'Hélène', last_name: 'Fabre', title: 'mrs', company: 'rivage', locale: 'fr', phone: '+33 6 40 50 60 70', roles: { OCB0000301: {}, OCB0000302: {} } },
  { login: 'ines.garnier', first_name: 'Inès', last_name: 'Garnier', title: 'mrs', company: 'rivage', locale: 'fr', locked: true,
    roles: { OCB0000301: { ...ALL_VISITOR, billing: 'manager' }, OCB0000302: { ...ALL_VISITOR, billing: 'manager' } } },
  { login: 'julien.blanc', first_name: 'Julien', last_name: 'Blanc', title: 'mr', company: 'rivage', locale: 'en',
    roles: { OCB0000301: { ...ALL_VISITOR, subscriptions: 'manager', fe_console: 'manager' }, OCB0000302: { ...ALL_VISITOR, support: 'visitor' } },
    consoles: { OCB0000301: [['fe', 'guest'], ['fe', 'power_user'], ['backup', 'cust_admin']] } },
  { login: 'laura.vidal', first_name: 'Laura', last_name: 'Vidal', title: 'mrs', company: 'rivage', locale: 'en',
    roles: { OCB0000302: { dashboard: 'visitor', contracts: 'visitor', documents: 'manager', billing: 'visitor' } } },
  { login: 'sophie.durand', first_name: 'Sophie', last_name: 'Durand', title: 'mrs', company: null, locale: 'fr', staff: ['admin'] },
  { login: 'thomas.girard', first_name: 'Thomas', last_name: 'Girard', title: 'mr', company: null, locale: 'en', staff: ['support'] },
  { login: 'nadia.benali', first_name: 'Nadia', last_name: 'Benali', title: 'mrs', company: null, locale: 'en', staff: ['billing'] },
  { login: 'marc.lefevre', first_name: 'Marc', last_name: 'Lefèvre', title: 'mr', company: null, locale: 'fr', staff: ['account_manager'] },
]

export interface DemoAccount {
  login: string
  password: string
  staff: StaffRole[]
  locked: boolean
  contracts: Array<{ code: string; name: string; offer: Offer; referent: boolean; roles: Record<string, Level> }>
}

/** Seeds the demo data set into an empty database, in one transaction. */
export async function seedDemo(db: DB): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD) // before the transaction: never await argon2 inside one
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString()
    const companyIds = await insertCompanies(trx, now)
    const userIds = await insertUsers(trx, companyIds, passwordHash, now)
    const contractIds = await insertContracts(trx, companyIds, userIds, now)
    await insertRoles(trx, contractIds, userIds)
    await insertPlatformDemo(trx, userIds, now)
    await seedDemoUsage(trx, contractIds, new Date(now))
    await seedDemoSubscriptions(trx, contractIds, new Date(now))
    await seedDemoRequests(trx, contractIds, userIds, new Date(now))
  })
}

/** At first start: seeds when the database has no user yet, and prints the logins. */
export async function seedDemoIfEmpty(db: DB, print: (line: string) => void): Promise<boolean> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (anyUser) return false
  await seedDemo(db)
  // Messages waiting in the back-office inbox, for whoever tries the portal;
  // tests start from an empty inbox (seedDemo alone).
  await db.transaction().execute((trx) => seedDemoInbox(trx))
  // Invoices of the two previous months: tests close months themselves from a clean series.
  await db.transaction().execute((trx) => seedDemoBills(trx, new Date()))
  for (const line of describeDemoAccounts()) print(line)
  return true
}

async function insertCompanies(trx: Executor, now: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (const company of DEMO_COMPANIES) {
    const [name, email, phone] = company.account_manager
    const row = await trx.insertInto('companies').values({
      name: company.name, registration_number: company.registration_number, address: company.address,
      postal_code: company.postal_code, city: company.city, country: 'FR',
      account_manager_name: name, account_manager_email: email, account_manager_phone: phone,
      create_tenant_online: company.create_tenant_online ? 1 : 0, created_at: now,
    }).returning('id').executeTakeFirstOrThrow()
    ids.set(company.key, row.id)
  }
  return ids
}

async function insertUsers(trx: Executor, companyIds: Map<string, number>, passwordHash: string, now: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  const lockedUntil = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString()
  for (const user of DEMO_USERS) {
    const row = await trx.insertInto('users').values({
      login: user.login, email: `${user.login}@${user.staff ? 'provider' : user.company}.example`,
      title: user.title, first_name: user.first_name, last_name: user.last_name,
      phone_mobile: user.phone ?? null, phone_landline: null, password_hash: passwordHash, locale: user.locale,
      company_id: user.company ? companyIds.get(user.company)! : null, is_staff: user.staff ? 1 : 0,
      locked_until: user.locked ? lockedUntil : null, last_login_at: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow()
    ids.set(user.login, row.id)
    if (user.staff) await trx.insertInto('staff_roles').values(user.staff.map((role) => ({ user_id: row.id, role }))).execute()
  }
  return ids
}

// Grouping contracts first, so members can point to them.
async function insertContracts(trx: Executor, companyIds: Map<string, number>, userIds: Map<string, number>, now: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  const ordered = [...DEMO_CONTRACTS].sort((a, b) => Number(Boolean(a.grouping)) - Number(Boolean(b.grouping)))
  for (const contract of ordered) {
    const [ref1, ref2, ref3] = contract.refs ?? [null, null, null]
    const row = await trx.insertInto('contracts').values({
      code: contract.code, name: contract.name, company_id: companyIds.get(contract.company)!, offer: contract.offer,
      status: 'active', support_level: contract.support_level, support_commitment_end: contract.support_commitment_end ?? null,
      referent_user_id: userIds.get(contract.referent)!, domain_owner_user_id: userIds.get(contract.domain_owner)!,
      ref1, ref2, ref3, budget_cents: contract.budget_euros === undefined ? null : contract.budget_euros * 100,
      budget_threshold_percent: contract.threshold ?? null,
      grouping_contract_id: contract.grouping ? ids.get(contract.grouping)! : null,
      start_date: contract.start_date, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow()
    ids.set(contract.code, row.id)
  }
  return ids
}

async function insertRoles(trx: Executor, contractIds: Map<string, number>, userIds: Map<string, number>): Promise<void> {
  for (const user of DEMO_USERS) {
    for (const [code, roles] of Object.entries(user.roles ?? {})) {
      const offer = DEMO_CONTRACTS.find((contract) => contract.code === code)!.offer
      const rows = roleRows(contractIds.get(code)!, userIds.get(user.login)!, offer, isReferent(user.login, code) ? 'highest' : roles)
      await trx.insertInto('contract_roles').values(rows).execute()
    }
    for (const [code, consoles] of Object.entries(user.consoles ?? {})) {
      await trx.insertInto('console_roles').values(consoles.map(([console, role]) => ({
        contract_id: contractIds.get(code)!, user_id: userIds.get(user.login)!, console, role,
      }))).execute()
      // A Backup console role exists only where the backup service is active.
      if (consoles.some(([console]) => console === 'backup')) {
        await trx.updateTable('contracts').set({ backup_enabled_at: new Date().toISOString() }).where('id', '=', contractIds.get(code)!).execute()
      }
    }
  }
}

export { roleRows }

function isReferent(login: string, code: string): boolean {
  return DEMO_CONTRACTS.some((contract) => contract.code === code && contract.referent === login)
}

export function demoAccounts(): DemoAccount[] {
  return DEMO_USERS.map((user) => ({
    login: user.login,
    password: DEMO_PASSWORD,
    staff: user.staff ?? [],
    locked: Boolean(user.locked),
    contracts: Object.entries(user.roles ?? {}).map(([code, roles]) => {
      const contract = DEMO_CONTRACTS.find((c) => c.code === code)!
      const referent = isReferent(user.login, code)
      const rows = roleRows(0, 0, contract.offer, referent ? 'highest' : roles)
      return { code, name: contract.name, offer: contract.offer, referent, roles: Object.fromEntries(rows.map((r) => [r.section, r.role as Level])) }
    }),
  }))
}

export function describeDemoAccounts(): string[] {
  const lines = ['', 'Demo accounts (password for all: ' + DEMO_PASSWORD + '):']
  for (const account of demoAccounts()) {
    const what = account.staff.length > 0 ? `staff: ${account.staff.join(', ')}` : account.contracts.map((c) => `${c.code}${c.referent ? ' (referent)' : ''}`).join(', ')
    lines.push(`  ${account.login.padEnd(16)} ${DEMO_PASSWORD}  ${account.locked ? '[locked] ' : ''}${what}`)
  }
  lines.push('')
  return lines
}

// ---------------------------------------------------------------- platforms

/** Maintenance windows and a past incident, so the platforms pages and the
 * customers' weather have something to show. No open incident: the demo
 * opens one. Cloud Avenue's rule is spec 002's "Plages de maintenance" (the
 * first and the last three Wednesdays of the month, 00:00–06:00, Paris time). */
export async function insertPlatformDemo(trx: Executor, userIds: Map<string, number>, now: string): Promise<void> {
  const platforms = await trx.selectFrom('platforms').innerJoin('platform_regions', 'platform_regions.platform_id', 'platforms.id')
    .select(['platforms.id as platform_id', 'platforms.code as platform', 'platform_regions.id as region_id', 'platform_regions.code as region']).execute()
  const platformId = (code: string) => platforms.find((row) => row.platform === code)!.platform_id
  const regionIds = (codes: string[]) => platforms.filter((row) => codes.includes(row.region)).map((row) => row.region_id)
  const author = userIds.get('thomas.girard') ?? null
  const stamps = { created_by: author, created_at: now, updated_at: now, cancelled_at: null }

  const cloudAvenue = await trx.insertInto('maintenance_windows').values({
    platform_id: platformId('cloud_avenue'), kind: 'recurring', weekday: 3, month_weeks: '1,-1,-2,-3', local_start: '00:00', duration_minutes: 360,
    time_zone: 'Europe/Paris', valid_from: '2025-01-01', valid_until: null, starts_at: null, ends_at: null,
    title_en: 'Cloud Avenue control plane maintenance', title_fr: 'Maintenance du plan de contrôle Cloud Avenue',
    text_en: 'We keep the platform’s control plane up to date: the vCloud Director portal and its APIs may be briefly unavailable. Your virtual machines keep running normally.',
    text_fr: 'Nous maintenons à jour le plan de contrôle de la plateforme : le portail vCloud Director et ses API peuvent être temporairement indisponibles. Vos VM continuent à fonctionner normalement.',
    ...stamps,
  }).returning('id').executeTakeFirstOrThrow()
  await trx.insertInto('maintenance_window_regions').values(regionIds(['fr-01', 'fr-02']).map((region_id) => ({ window_id: cloudAvenue.id, region_id }))).execute()

  // Five days from now, 22:00 to 02:00 Paris time.
  const day = localDateAndTime(new Date(Date.parse(now) + 5 * 24 * 3_600_000), 'Europe/Paris').date
  const start = localToUtc(day, '22:00', 'Europe/Paris')!
  const flexibleEngine = await trx.insertInto('maintenance_windows').values({
    platform_id: platformId('flexible_engine'), kind: 'once', starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
    weekday: null, month_weeks: null, local_start: null, duration_minutes: null, time_zone: 'Europe/Paris', valid_from: null, valid_until: null,
    title_en: 'Network upgrade in Paris (eu-west-0)', title_fr: 'Mise à niveau du réseau à Paris (eu-west-0)',
    text_en: 'The core routers of eu-west-0 are upgraded: short network interruptions (under a minute) are possible. No action is needed on your side.',
    text_fr: 'Les routeurs de cœur de eu-west-0 sont mis à niveau : de courtes coupures réseau (moins d’une minute) sont possibles. Aucune action n’est nécessaire de votre part.',
    ...stamps,
  }).returning('id').executeTakeFirstOrThrow()
  await trx.insertInto('maintenance_window_regions').values(regionIds(['eu-west-0']).map((region_id) => ({ window_id: flexibleEngine.id, region_id }))).execute()

  await insertResolvedIncident(trx, platformId('fca'), regionIds(['fr-paris']), author, now)
}

async function insertResolvedIncident(trx: Executor, platformId: number, regionIds: number[], author: number | null, now: string): Promise<void> {
  const started = new Date(Date.parse(now) - 20 * 24 * 3_600_000)
  const resolved = new Date(started.getTime() + 2 * 3_600_000).toISOString()
  const closing = {
    text_en: 'A faulty storage controller was replaced; every service is back to normal.',
    text_fr: 'Un contrôleur de stockage défaillant a été remplacé ; tous les services fonctionnent normalement.',
  }
  const { id } = await trx.insertInto('incidents').values({
    platform_id: platformId, severity: 'degraded', status: 'resolved', title_en: 'Slow storage in Paris', title_fr: 'Stockage lent à Paris',
    ...closing, started_at: started.toISOString(), resolved_at: resolved, created_by: author, created_at: started.toISOString(), updated_at: resolved,
  }).returning('id').executeTakeFirstOrThrow()
  await trx.insertInto('incident_regions').values(regionIds.map((region_id) => ({ incident_id: id, region_id }))).execute()
  await trx.insertInto('incident_updates').values([
    { incident_id: id, at: started.toISOString(), author_user_id: author, status: 'open', severity: 'degraded',
      text_en: 'Disk operations are slow on some virtual machines in Paris. Our teams are on it.',
      text_fr: 'Les opérations disque sont lentes sur certaines machines virtuelles à Paris. Nos équipes interviennent.' },
    { incident_id: id, at: resolved, author_user_id: author, status: 'resolved', severity: 'degraded', ...closing },
  ]).execute()
}
