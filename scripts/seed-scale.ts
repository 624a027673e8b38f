// A larger data set for benchmarks: `--scale N` adds N companies, each with 5
// contracts (every offer) and 25 users, plus five "bench.userK" accounts
// declared on 200 contracts each. Later issues add their own tables here:
// requests (about 100 per contract over two years: 1,000,000 at --scale 2000).
import { sql, type Insertable, type RawBuilder } from 'kysely'
import type { DB, Executor } from '../src/db/database.js'
import { isSqlite } from '../src/db/portable.js'
import type { RequestsTable } from '../src/db/requests.table.js'
import { OFFERS } from '../src/db/contracts.table.js'
import { hashPassword } from '../src/lib/passwords.js'
import { DEMO_PASSWORD, roleRows } from './seed-demo.js'

const CONTRACTS_PER_COMPANY = 5
const USERS_PER_COMPANY = 25
const HEAVY_USERS = 5
const HEAVY_USER_CONTRACTS = 200
const BATCH = 500

export async function seedScale(db: DB, scale: number): Promise<{ companies: number; contracts: number; users: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const now = new Date().toISOString()
  const offers = OFFERS.filter((offer) => offer !== 'multi_services')
  const start = (await db.selectFrom('contracts').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  await db.transaction().execute(async (trx) => {
    if (!isSqlite(trx)) await tunePostgresForBulk(trx)
    const contractIds: Array<{ id: number; offer: (typeof offers)[number] }> = []
    const requestAuthors = new Map<number, number[]>()
    for (let c = 0; c < scale; c++) {
      const company = await trx.insertInto('companies').values({
        name: `Scale Company ${c + 1}`, registration_number: null, address: null, postal_code: null, city: 'Paris', country: 'FR',
        account_manager_name: 'Claire Vasseur', account_manager_email: 'claire.vasseur@provider.example', account_manager_phone: null, created_at: now,
      }).returning('id').executeTakeFirstOrThrow()
      const users = await insertCompanyUsers(trx, company.id, c, passwordHash, now)
      for (let k = 0; k < CONTRACTS_PER_COMPANY; k++) {
        const offer = offers[k % offers.length]!
        const number = 1_000_000 + start + c * CONTRACTS_PER_COMPANY + k
        const contract = await trx.insertInto('contracts').values({
          code: `OCB${String(number).padStart(7, '0')}`, name: `Scale ${c + 1} contract ${k + 1}`, company_id: company.id, offer,
          status: 'active', support_level: 'standard', support_commitment_end: null, referent_user_id: users[0]!, domain_owner_user_id: users[0]!,
          ref1: null, ref2: null, ref3: null, budget_cents: 500_000, budget_threshold_percent: 80, grouping_contract_id: null,
          start_date: '2025-01-01', created_at: now, updated_at: now,
        }).returning('id').executeTakeFirstOrThrow()
        contractIds.push({ id: contract.id, offer })
        const rows = users.flatMap((userId, u) =>
          u === 0 ? roleRows(contract.id, userId, offer, 'highest') : u % CONTRACTS_PER_COMPANY === k || u % 3 === k ? roleRows(contract.id, userId, offer, { dashboard: 'visitor', contracts: 'visitor', support: 'visitor', orders: 'visitor' }) : [])
        await insertBatched(trx, rows)
        requestAuthors.set(contract.id, [...new Set(rows.map((row) => row.user_id))])
      }
    }
    const heavyContracts = await insertHeavyUsers(trx, contractIds, passwordHash, now)
    await insertBenchUsage(trx, heavyContracts, new Date(now))
    await insertScaleRequests(trx, requestAuthors, new Date(now))
    await insertBillsUsage(trx, contractIds[0]?.id, [...heavyContracts], new Date(now))
  })
  if (!isSqlite(db)) await settlePostgres(db)
  return { companies: scale, contracts: scale * CONTRACTS_PER_COMPANY, users: scale * USERS_PER_COMPANY + HEAVY_USERS }
}

async function insertCompanyUsers(trx: Executor, companyId: number, c: number, passwordHash: string, now: string): Promise<number[]> {
  const rows = Array.from({ length: USERS_PER_COMPANY }, (_, u) => ({
    login: `scale.c${c + 1}.u${u + 1}`, email: `scale.c${c + 1}.u${u + 1}@scale.example`, title: null, first_name: `User${u + 1}`,
    last_name: `Company${c + 1}`, phone_mobile: null, phone_landline: null, password_hash: passwordHash, locale: 'en' as const,
    company_id: companyId, locked_until: null, last_login_at: null, created_at: now, updated_at: now,
  }))
  const inserted = await trx.insertInto('users').values(rows).returning('id').execute()
  return inserted.map((row) => row.id)
}

/** Declares the bench users; returns the ids of the contracts they hold. */
async function insertHeavyUsers(trx: Executor, contracts: Array<{ id: number; offer: (typeof OFFERS)[number] }>, passwordHash: string, now: string): Promise<Set<number>> {
  const held = new Set<number>()
  for (let h = 0; h < HEAVY_USERS && contracts.length > 0; h++) {
    const user = await trx.insertInto('users').values({
      login: `bench.user${h + 1}`, email: `bench.user${h + 1}@scale.example`, title: null, first_name: 'Bench', last_name: `User ${h + 1}`,
      phone_mobile: null, phone_landline: null, password_hash: passwordHash, locale: 'en', company_id: null,
      locked_until: null, last_login_at: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow()
    const chosen = Array.from({ length: Math.min(HEAVY_USER_CONTRACTS, contracts.length) }, (_, i) => contracts[(h * 37 + i * 7) % contracts.length]!)
    const unique = [...new Map(chosen.map((c) => [c.id, c])).values()]
    unique.forEach((c) => held.add(c.id))
    await insertBatched(trx, unique.flatMap((c) => roleRows(c.id, user.id, c.offer, { dashboard: 'visitor', contracts: 'manager', billing: 'manager', orders: 'visitor', services: 'manager', support: 'visitor', users: 'visitor' })))
  }
  return held
}

// The dashboard's budgets read the daily roll-up: the bench users' contracts
// get this month's days so far, four services a day, between 40 and 110 % of
// their 5 000 € budget over a month (some contracts over their threshold).
const BENCH_SERVICES = ['Elastic Cloud Server', 'Elastic Volume Service', 'Object Storage', 'Bandwidth']

async function insertBenchUsage(trx: Executor, contractIds: Set<number>, now: Date) {
  const month = now.toISOString().slice(0, 8)
  const rows = [...contractIds].flatMap((contractId) => Array.from({ length: now.getUTCDate() }, (_, d) => BENCH_SERVICES.map((service, s) => ({
    contract_id: contractId, day: `${month}${String(d + 1).padStart(2, '0')}`, service,
    // 5 000 € × (0.4 to 1.1) / 30 days / 4 services, varied by contract and service.
    amount_micro: Math.round((5_000_000_000 * (0.4 + ((contractId * 7 + s * 13) % 71) / 100)) / 30 / 4),
  })))).flat()
  for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('usage_daily').values(rows.slice(i, i + BATCH)).execute()
}

async function insertBatched(trx: Executor, rows: ReturnType<typeof roleRows>) {
  for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('contract_roles').values(rows.slice(i, i + BATCH)).execute()
}

// Requests: about 100 per contract, opened over the last two years by the
// contract's users (half incidents, 30 % orders, 20 % changes), older ones mostly
// closed; every third contract shares its requests, so that the bench users
// see incidents and changes too, not only orders. The status history gets a
// row for one request in 50 only: the list never reads it.
const REQUESTS_PER_CONTRACT = 100
const REQUEST_BATCH = 1000
const TWO_YEARS_MS = 2 * 365 * 24 * 3_600_000
const TYPES = ['incident', 'incident', 'incident', 'incident', 'incident', 'order', 'order', 'order', 'change', 'change'] as const
const SECTION = { incident: 'support', order: 'orders', change: 'services' } as const
const TITLES = ['Latency on the database VMs', 'Backup policy not applied', 'Raise the ECS quota', 'Order a backup vault', 'VPN tunnel down',
  'Open port 443 on the firewall', 'Add a public IP', 'Slow object storage listing', 'Certificate renewal', 'New virtual desktop pool']

async function insertScaleRequests(trx: Executor, authors: Map<number, number[]>, now: Date) {
  const rows: Array<Insertable<RequestsTable>> = []
  let n = 0
  for (const [contractId, users] of authors) {
    if (contractId % 3 === 0) await trx.updateTable('contracts').set({ share_requests: 1 }).where('id', '=', contractId).execute()
    for (let r = 0; r < REQUESTS_PER_CONTRACT; r++, n++) {
      const type = TYPES[(n * 7 + r) % TYPES.length]!
      // Spread over two years, newest first per contract, a few minutes apart between contracts.
      const created = new Date(now.getTime() - ((r + 0.5) / REQUESTS_PER_CONTRACT) * TWO_YEARS_MS - (contractId % 997) * 60_000)
      const age = now.getTime() - created.getTime()
      const status = age < 7 * 86_400_000 ? (n % 2 === 0 ? 'transmitted' : 'in_progress') : n % 13 === 0 ? 'rejected' : age < 30 * 86_400_000 && n % 3 === 0 ? 'in_progress' : 'completed'
      const updated = new Date(created.getTime() + (status === 'transmitted' ? 0 : ((n % 72) + 1) * 3_600_000))
      rows.push({
        contract_id: contractId, type, section: SECTION[type], status, title: `${TITLES[n % TITLES.length]} #${n + 1}`, description: '',
        priority: type === 'incident' ? (['P1', 'P2', 'P3', 'P4'] as const)[n % 4] : null, service: null, item_code: null, fields_json: null,
        author_user_id: users[n % users.length]!, assigned_user_id: null, due_at: null, reject_reason: status === 'rejected' ? 'Outside the service' : null,
        created_at: created.toISOString(), updated_at: (updated > now ? now : updated).toISOString(), completed_at: status === 'completed' ? updated.toISOString() : null,
      })
      if (rows.length === REQUEST_BATCH) await insertRequestRows(trx, rows.splice(0))
    }
  }
  await insertRequestRows(trx, rows)
}

async function insertRequestRows(trx: Executor, rows: Array<Insertable<RequestsTable>>) {
  if (rows.length === 0) return
  const inserted = await trx.insertInto('requests').values(rows).returning(['id', 'created_at', 'author_user_id']).execute()
  const history = inserted.filter((row) => row.id % 50 === 0)
    .map((row) => ({ request_id: row.id, at: row.created_at, from_status: null, to_status: 'transmitted' as const, by_user_id: row.author_user_id, note: null }))
  if (history.length > 0) await trx.insertInto('request_events').values(history).execute()
}

// Bills at scale: raw usage lines (usage_records) to about 5,000,000 rows.
// The first scale contract (held by bench.user1 as billing manager, renamed
// "Big usage contract" so that it comes first on that user's dashboard) has
// 1,000,000 lines last month — the large export of the memory benchmark
// (scripts/bench/export-memory.ts) — and 5,000 a day this month to date; the
// bench users' other contracts share 4,000,000 lines over the two previous
// months. Lines are generated by the database itself (a recursive counter on
// SQLite, generate_series on PostgreSQL), and the
// roll-ups (usage_daily, usage_monthly) follow in a few grouped
// INSERT … SELECT statements instead of recordUsage row by row.
export const BIG_USAGE_CONTRACT_NAME = 'Big usage contract'
const BIG_MONTH_LINES = 1_000_000
const BIG_LINES_PER_DAY_TO_DATE = 5_000
const OTHER_LINES = 4_000_000
/** Per service: the metric of even lines and of odd lines, with their unit and price in micro-euros. */
const METERS = [
  ['Elastic Cloud Server', 'vCPU-hours', 'vCPU-h', 31_200, 'GB RAM-hours', 'GB-h', 4_100],
  ['Elastic Volume Service', 'GB-months', 'GB-month', 120_000, 'IOPS-months', 'IOPS-month', 6_500],
  ['Object Storage', 'GB-days', 'GB-day', 800, 'Requests (thousands)', 'k-req', 4_000],
  ['Bandwidth', 'GB out', 'GB', 70_000, 'Public IP-hours', 'IP-h', 5_000],
] as const

async function insertBillsUsage(trx: Executor, bigContractId: number | undefined, heavyContracts: number[], now: Date) {
  if (bigContractId === undefined) return
  const firstNewId = Number((await sql<{ id: number | null }>`select max(id) as id from usage_records`.execute(trx)).rows[0]?.id ?? 0) + 1
  await trx.updateTable('contracts').set({ name: BIG_USAGE_CONTRACT_NAME }).where('id', '=', bigContractId).execute()
  const lastMonth = monthStart(now, -1)
  await generateLines(trx, bigContractId, lastMonth, daysInMonth(lastMonth), BIG_MONTH_LINES)
  const today = now.getUTCDate()
  await generateLines(trx, bigContractId, monthStart(now, 0), today, BIG_LINES_PER_DAY_TO_DATE * today)
  const others = heavyContracts.filter((id) => id !== bigContractId)
  const perContractMonth = Math.ceil(OTHER_LINES / Math.max(others.length, 1) / 2)
  for (const id of others) {
    for (const back of [-2, -1]) {
      const month = monthStart(now, back)
      await generateLines(trx, id, month, daysInMonth(month), perContractMonth)
    }
  }
  await rollUp(trx, firstNewId)
}

const monthStart = (now: Date, delta: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + delta, 1))
const daysInMonth = (start: Date) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).getUTCDate()

/** `count` lines spread evenly over the first `days` days of the month: 4 services × 2 metrics × resources. */
async function generateLines(trx: Executor, contractId: number, month: Date, days: number, count: number) {
  if (count <= 0 || days <= 0) return
  const perDay = Math.ceil(count / days)
  const first = month.toISOString().slice(0, 10)
  const pick = (column: number) => sql.raw(`case n % 8 ${METERS.flatMap((meter, s) => [0, 1].map((odd) => `when ${s * 2 + odd} then '${String(meter[column + odd * 3]).replace(/'/g, "''")}'`)).join(' ')} end`)
  const price = sql.raw(`case n % 8 ${METERS.flatMap((meter, s) => [0, 1].map((odd) => `when ${s * 2 + odd} then ${meter[3 + odd * 3]}`)).join(' ')} end`)
  const service = sql.raw(`case (n % 8) / 2 ${METERS.map((meter, s) => `when ${s} then '${meter[0]}'`).join(' ')} end`)
  const sqlite = isSqlite(trx)
  // Inlined: bound, a JS number is a REAL to SQLite, and n / perDay would not be a whole number.
  const lineDay = sql`n / ${sql.lit(perDay)}`
  await sql`
    with recursive counter(n) as (${sqlite ? sqliteCounter(count) : postgresCounter(count)}),
    lines as (
      select n, ${sqlite ? sqliteDayAfter(first, lineDay) : postgresDayAfter(first, lineDay)} as day,
        1000 + (n * 7919) % 48000 as quantity_milli, ${price} as unit_price_micro
      from counter
    )
    insert into usage_records (contract_id, day, service, resource, metric, unit, quantity_milli, unit_price_micro, amount_micro, import_id)
    select cast(${contractId} as bigint), day, ${service}, 'res-' || ((n % ${sql.lit(perDay)}) / 8), ${pick(1)}, ${pick(2)}, quantity_milli, unit_price_micro,
      (quantity_milli * unit_price_micro + 500) / 1000, null
    from lines`.execute(trx)
}

/** The roll-ups of the lines from `firstId` on, added to what the other seeds wrote (this month's bench budgets). */
async function rollUp(trx: Executor, firstId: number) {
  await sql`
    insert into usage_daily (contract_id, day, service, amount_micro)
    select contract_id, day, service, sum(amount_micro) from usage_records where id >= ${firstId} group by contract_id, day, service
    on conflict (contract_id, day, service) do update set amount_micro = usage_daily.amount_micro + excluded.amount_micro`.execute(trx)
  await sql`
    insert into usage_monthly (contract_id, month, service, metric, unit, quantity_milli, amount_micro)
    select contract_id, substr(day, 1, 7), service, metric, unit, sum(quantity_milli), sum(amount_micro) from usage_records where id >= ${firstId}
    group by contract_id, substr(day, 1, 7), service, metric, unit
    on conflict (contract_id, month, service, metric, unit) do update set
      quantity_milli = usage_monthly.quantity_milli + excluded.quantity_milli, amount_micro = usage_monthly.amount_micro + excluded.amount_micro`.execute(trx)
}

// The few words the line generator says differently per dialect. The counter
// is 64-bit on PostgreSQL too: n × 7919 passes 2^31 from n = 271,000 on.
const sqliteCounter = (count: number) => sql`select 0 union all select n + 1 from counter where n + 1 < ${count}`
const postgresCounter = (count: number) => sql`select generate_series(0, cast(${count - 1} as bigint))`
/** The ISO day `days` days after the ISO day `first`, as text. */
const sqliteDayAfter = (first: string, days: RawBuilder<unknown>) => sql`date(${first}, '+' || (${days}) || ' days')`
const postgresDayAfter = (first: string, days: RawBuilder<unknown>) => sql`to_char(cast(${first} as date) + cast(${days} as integer), 'YYYY-MM-DD')`

/**
 * For this transaction only: the tables have no statistics yet, so every bulk
 * statement looks huge to the planner, which then spends ≈ 2 s JIT-compiling
 * each one; and the roll-ups' GROUP BY over 5,000,000 lines sorts on disk
 * with the default 4 MB of work memory instead of hashing in memory.
 */
async function tunePostgresForBulk(trx: Executor) {
  await sql`set local jit = off`.execute(trx)
  await sql`set local work_mem = '256MB'`.execute(trx)
}

/**
 * After the bulk seed on PostgreSQL: identity sequences moved past max(id)
 * (a row inserted with an explicit id does not advance them, and the portal's
 * next insert would then collide), and fresh statistics, or the planner
 * plans for the empty tables it last saw.
 */
async function settlePostgres(db: DB) {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(db)
  for (const { table_name: table, column_name: column } of rows) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), max(${sql.ref(column)})) from ${sql.table(table)} having max(${sql.ref(column)}) is not null`.execute(db)
  }
  await sql`analyze`.execute(db)
}
