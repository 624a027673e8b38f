import t, { type Test } from 'tap'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { spawn } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase } from '../../src/db/connection.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { parseCopyArguments } from '../../src/db/copy/arguments.js'
import { encodeRow, TableChecksum } from '../../src/db/copy/checksum.js'
import { asRowRefusal, withoutNul } from '../../src/db/copy/copy-table.js'
import { compareTable, copyDatabase, type CopyResult } from '../../src/db/copy/copy.js'
import { withoutPasswords } from '../../src/db/copy/redact.js'
import { CopyRefusal } from '../../src/db/copy/refusal.js'
import { formatReport } from '../../src/db/copy/report.js'
import { foreignKeyOrder } from '../../src/db/copy/table-order.js'
import { seedDemoIfEmpty } from '../../scripts/seed-demo.js'
import { buildTestApp } from '../helpers/app.js'
import { loginAs } from '../helpers/personas.js'
import { createCompany } from '../helpers/factories.js'
import { freshIcuPostgresDatabase, freshMigratedPostgresDatabase, freshPostgresDatabase, testPostgresUrl } from '../helpers/postgres.js'

// The copy itself needs a PostgreSQL server; the pure parts run everywhere.
const skip = testPostgresUrl ? false : 'TEST_POSTGRES_URL is not set (e.g. postgres://postgres@127.0.0.1:55432/postgres)'
const ROOT = join(import.meta.dirname, '..', '..')

// ------------------------------------------------------------ pure parts

t.test('tables are filled parents first; a table referencing itself does not wait for itself; a cycle is refused', async (t) => {
  const order = foreignKeyOrder(['roles', 'contracts', 'users', 'companies'], [
    { table: 'roles', references: 'contracts' }, { table: 'roles', references: 'users' },
    { table: 'contracts', references: 'companies' }, { table: 'contracts', references: 'contracts' },
    { table: 'users', references: 'companies' },
  ])
  t.same(order, ['companies', 'contracts', 'users', 'roles'])
  t.throws(() => foreignKeyOrder(['a', 'b'], [{ table: 'a', references: 'b' }, { table: 'b', references: 'a' }]), /a, b form a cycle/)
})

t.test('a datum has one checksum form whichever driver reads it, and a value that changed kind on the way does not', async (t) => {
  // better-sqlite3 (safe integers) and pg (bigint as BigInt) hand over the same row differently.
  t.equal(encodeRow([7n, 'Chloé "x"', null, Buffer.from([0, 255])]), encodeRow([7, 'Chloé "x"', null, new Uint8Array([0, 255])]))
  t.equal(encodeRow([true, false]), encodeRow([1n, 0n]), '0/1 flags read as booleans match integers')
  t.equal(encodeRow([9_007_199_254_740_993n]), '[9007199254740993]', 'beyond 2^53, exact')
  t.not(encodeRow(['12']), encodeRow([12n]), 'text "12" is not the integer 12')
  t.not(encodeRow([Buffer.from('A')]), encodeRow(['A']), 'bytes that became text differ')
  t.not(encodeRow([null]), encodeRow(['null']), 'null is not the text "null"')
  t.not(encodeRow(['a', 'b']), encodeRow(['a,b']), 'values cannot run into each other')
  const one = new TableChecksum()
  const other = new TableChecksum()
  for (const row of [[1n, 'a'], [2n, 'b']]) one.add(row)
  for (const row of [[2n, 'b'], [1n, 'a']]) other.add(row)
  const [first, second] = [one.digest(), other.digest()]
  t.equal(first.rows, 2)
  t.not(first.sha256, second.sha256, 'the order of the rows counts')
})

t.test('db:copy arguments: --help, both ends required, the sqlite: and postgres:// spellings, --replace-nul, never a password echoed', async (t) => {
  t.equal(parseCopyArguments(['--help']), 'help')
  t.same(parseCopyArguments(['--from', 'sqlite:./data/portal.db', '--to', 'postgres://u:p@db:5432/portal']), { sourcePath: './data/portal.db', targetUrl: 'postgres://u:p@db:5432/portal', replaceNul: false })
  t.same(parseCopyArguments(['--from', 'sqlite:///srv/portal.db', '--to', 'postgresql://db/portal', '--replace-nul']), { sourcePath: '/srv/portal.db', targetUrl: 'postgresql://db/portal', replaceNul: true })
  t.throws(() => parseCopyArguments(['--from', 'sqlite:a.db']), /both --from sqlite:<path> and --to postgres:\/\/… are needed \(--help\)/)
  t.throws(() => parseCopyArguments(['--from', 'a.db', '--to', 'postgres://db/portal']), /--from expects sqlite:<path/)
  t.throws(() => parseCopyArguments(['--from', 'sqlite::memory:', '--to', 'postgres://db/portal']), /--from expects/)
  t.throws(() => parseCopyArguments(['--from', 'sqlite:a.db', '--to', 'postgres://u:secret@db']), /--to expects postgres:\/\/.*got "postgres:\/\/u:\*\*\*@db"/)
  t.throws(() => parseCopyArguments(['--form', 'x']), /Unknown option '--form' \(--help\)/)
})

t.test('every URL password db:copy could print is replaced by ***, whatever characters it holds', async (t) => {
  t.equal(withoutPasswords('to postgres://portal:s3cret@db.example:5432/portal.'), 'to postgres://portal:***@db.example:5432/portal.')
  t.equal(withoutPasswords(`"postgresql://u:p@ss:w/rd@db/x" and postgres://v:two@h/y`), `"postgresql://u:***@db/x" and postgres://v:***@h/y`, 'an unescaped @, : or / in it, two URLs in a line')
  t.equal(withoutPasswords('postgres://portal@db.example/portal, sqlite:./data/portal.db'), 'postgres://portal@db.example/portal, sqlite:./data/portal.db', 'nothing to hide: unchanged')
})

t.test('pg takes the password from PGPASSWORD when the URL has none (what the docs and --help advise)', async (t) => {
  const before = process.env.PGPASSWORD
  t.teardown(() => { if (before === undefined) delete process.env.PGPASSWORD; else process.env.PGPASSWORD = before })
  process.env.PGPASSWORD = 'from-the-environment'
  t.equal(new pg.Client({ connectionString: 'postgres://portal@db.example:5432/portal' }).password, 'from-the-environment')
  t.equal(new pg.Client({ connectionString: 'postgres://portal:in-url@db.example:5432/portal' }).password, 'in-url', 'a password in the URL wins')
})

t.test('only a data exception or a constraint (SQLSTATE 22xxx, 23xxx) is reported as PostgreSQL refusing a row; other errors keep their own message', async (t) => {
  const refused = asRowRefusal(Object.assign(new Error('invalid input syntax for type bigint: "lots"'), { code: '22P02' }), 'users', 'in its first rows')
  t.ok(refused instanceof CopyRefusal)
  t.equal((refused as Error).message, 'PostgreSQL refused a row of users in its first rows: invalid input syntax for type bigint: "lots"')
  const constraint = asRowRefusal(Object.assign(new Error('insert violates foreign key'), { code: '23503', detail: 'Key (company_id)=(9) is not present' }), 'contracts', 'in its first rows')
  t.match((constraint as Error).message, /^PostgreSQL refused a row of contracts .*: insert violates foreign key \(Key \(company_id\)=\(9\) is not present\)$/)
  const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })
  t.equal(asRowRefusal(terminated, 'users', 'in its first rows'), terminated, 'a lost connection is not a refused row')
  const lost = new Error('Connection terminated unexpectedly')
  t.equal(asRowRefusal(lost, 'users', 'in its first rows'), lost, 'nor is an error without SQLSTATE')
})

t.test('--replace-nul writes U+FFFD in place of U+0000 in text only: other values, bytes included, are left as they are', async (t) => {
  const bytes = Buffer.from([0, 65, 0])
  t.same(withoutNul([1n, 'Bru\u0000no\u0000', bytes, null]), [1n, 'Bru\uFFFDno\uFFFD', bytes, null])
  const clean: readonly unknown[] = [1n, 'Bruno']
  t.equal(withoutNul(clean), clean, 'a row without U+0000 is passed as it is')
})

t.test('a table is the same only when each side\'s count(*) equals the rows read there, the counts are equal and so are the checksums', async (t) => {
  const digest = (rows: number, sha256 = 'a') => ({ rows, sha256 })
  const same = compareTable('users', { digest: digest(3), counted: 3 }, { digest: digest(3), counted: 3 })
  t.same({ same: same.same, difference: same.difference, counted: same.counted }, { same: true, difference: null, counted: { source: 3, target: 3 } })
  const skipped = compareTable('users', { digest: digest(3), counted: 4 }, { digest: digest(3), counted: 3 })
  t.equal(skipped.difference, 'SQLite counts 4 rows, 3 were read; 4 rows in SQLite, 3 in PostgreSQL', 'a row the batches skipped: the checksums alone would agree')
  t.notOk(skipped.same)
  t.equal(compareTable('users', { digest: digest(3), counted: 3 }, { digest: digest(3), counted: 5 }).difference, 'PostgreSQL counts 5 rows, 3 were read back; 3 rows in SQLite, 5 in PostgreSQL')
  t.equal(compareTable('users', { digest: digest(3), counted: 3 }, { digest: digest(3, 'b'), counted: 3 }).difference, 'checksum differs')
  const report = formatReport({ tables: [same, skipped], committed: false, sequencesMoved: 0 })
  t.match(report, /^users\s+4\s+3\s+DIFFERS: SQLite counts 4 rows, 3 were read; /m, 'the report prints each side\'s count(*) and the difference')
  t.match(report, 'the copy differs in users: rolled back')
})

// ------------------------------------------------------------ the copy, on PostgreSQL

/** The demo data set (with its inbox and bills) in an SQLite file, plus what the demo lacks. */
async function demoSource(dir: string): Promise<string> {
  const path = join(dir, 'portal.db')
  const db = openDatabase(path)
  await migrateToLatest(db)
  await seedDemoIfEmpty(db, () => {})
  await db.destroy()
  editSqlite(path, (sqlite) => {
    // A contract grouped under one created after it: a self-reference pointing forward.
    sqlite.prepare(`insert into contracts (code, name, company_id, offer, status, created_at, updated_at)
      select 'OCB0000399', 'Rivage group', company_id, 'fe', 'active', created_at, updated_at from contracts where code = 'OCB0000301'`).run()
    sqlite.prepare(`update contracts set grouping_contract_id = (select id from contracts where code = 'OCB0000399') where code = 'OCB0000302'`).run()
    // Bytes with NUL and 0xFF in them, and text that is neither ASCII nor plain.
    sqlite.prepare(`insert into documents (contract_id, kind, title, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
      select id, 'contract', ?, 'été.pdf', 'application/pdf', 4, 'x', ?, null, '2026-01-01T00:00:00.000Z' from contracts where code = 'OCB0000302'`)
      .run('Rapport « été » 😀 \\ "quoted"', Buffer.from([0, 1, 255, 0]))
    // An amount beyond 2^53, exact on both sides (64-bit integers).
    sqlite.prepare(`update usage_records set amount_micro = 9007199254740993 where id = (select max(id) from usage_records)`).run()
  })
  return path
}

function editSqlite(path: string, edit: (sqlite: SQLite.Database) => void): void {
  const sqlite = new SQLite(path)
  try {
    edit(sqlite)
  } finally {
    sqlite.close()
  }
}

/** A variant of the demo source, edited. */
function variant(t: Test, demo: string, edit: (sqlite: SQLite.Database) => void): string {
  const path = join(t.testdir(), 'variant.db')
  copyFileSync(demo, path)
  editSqlite(path, edit)
  return path
}

function sqliteCounts(path: string): Record<string, number> {
  const sqlite = new SQLite(path, { readonly: true })
  try {
    const tables = sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite%' and name not like 'kysely%'`).pluck().all() as string[]
    return Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`select count(*) from "${table}"`).pluck().get() as number]))
  } finally {
    sqlite.close()
  }
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  return promise.then(() => { throw new Error('expected a refusal') }, (error: Error) => error)
}

async function tablesOf(db: Awaited<ReturnType<typeof freshPostgresDatabase>>['db']): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from pg_tables where schemaname = current_schema()`.execute(db)
  return rows[0]!.n
}

// One demo file for the whole file (seeding takes a while), in the file's own
// folder (a test's folder goes when the test ends); tests copy it to edit it.
const sharedDir = t.testdir()
let demoPath: Promise<string> | undefined
function demo(): Promise<string> {
  demoPath ??= demoSource(sharedDir)
  return demoPath
}

t.test('the demo portal copied into an empty PostgreSQL database: same rows and checksums in every table, and the portal works on the copy', { skip }, async (t) => {
  const source = await demo()
  const { url, db } = await freshPostgresDatabase(t)
  const result = await copyDatabase({ sourcePath: source, targetUrl: url })
  t.ok(result.committed, 'committed')
  const counts = sqliteCounts(source)
  t.same(result.tables.map((r) => r.table).sort(), Object.keys(counts).sort(), 'every table of the portal, not the migrator\'s')
  t.same(result.tables.filter((r) => !r.same), [], 'every checksum equal')
  t.same(Object.fromEntries(result.tables.map((r) => [r.table, r.target.rows])), counts, 'the row counts of the SQLite file')
  t.same(result.tables.filter((r) => r.counted.source !== r.source.rows || r.counted.target !== r.source.rows), [], 'each side\'s count(*) equals the rows read')
  t.ok(result.tables.find((r) => r.table === 'request_attachments')!.source.rows > 0, 'the demo has bytes to copy')

  const document = await db.selectFrom('documents').select(['title', 'content']).executeTakeFirstOrThrow()
  t.same(document, { title: 'Rapport « été » 😀 \\ "quoted"', content: Buffer.from([0, 1, 255, 0]) }, 'bytea and text as they were')
  const grouped = await db.selectFrom('contracts as c').innerJoin('contracts as g', 'g.id', 'c.grouping_contract_id')
    .select('g.code').where('c.code', '=', 'OCB0000302').executeTakeFirstOrThrow()
  t.equal(grouped.code, 'OCB0000399', 'a forward self-reference kept')
  const { rows: [big] } = await sql<{ v: string }>`select max(amount_micro)::text as v from usage_records`.execute(db)
  t.equal(big!.v, '9007199254740993', 'a 64-bit amount kept exactly')

  const app = await buildTestApp(t, { db })
  const alice = await loginAs(app, 'alice.martin')
  const dashboard = await alice.get('/')
  t.equal(dashboard.statusCode, 200)
  t.match(dashboard.body, 'href="/contracts/OCB0000101"', 'a demo user logs in and sees their contracts')
  t.match(dashboard.body, 'href="/contracts/OCB0000102"')

  const companyId = await createCompany(db)
  t.equal(companyId, counts.companies! + 1, 'the next company gets the id after the copied ones (sequence moved)')
  const platform = await db.insertInto('platforms').values({ code: 'copy-test', name: 'Copy test', position: 9 }).returning('id').executeTakeFirstOrThrow()
  t.equal(platform.id, counts.platforms! + 1, 'also on a table the migrations had filled')

  const again = await refusal(copyDatabase({ sourcePath: source, targetUrl: url }))
  t.ok(again instanceof CopyRefusal)
  t.match(again.message, /the target already holds portal data \(table \w+ has rows\)/, 'a second copy into the now non-empty target is refused')
})

t.test('a target that does not sort text in byte order (an ICU locale) is refused, untouched', { skip }, async (t) => {
  const source = await demo()
  const { url: icuUrl, db: icu } = await freshIcuPostgresDatabase(t)
  const error = await refusal(copyDatabase({ sourcePath: source, targetUrl: icuUrl }))
  t.ok(error instanceof CopyRefusal)
  t.match(error.message, /sorts text by an ICU locale; it must use the C collation/)
  t.equal(await tablesOf(icu), 0, 'nothing created')
})

t.test('a target holding tables the portal does not make is refused, untouched', { skip }, async (t) => {
  const { url, db } = await freshPostgresDatabase(t)
  await sql`create table notes (id bigint primary key)`.execute(db)
  const error = await refusal(copyDatabase({ sourcePath: await demo(), targetUrl: url }))
  t.match(error.message, /the target has tables the portal does not make \(notes\)/)
  t.equal(await tablesOf(db), 1)
})

/** The demo with U+0000 in a user's first name and a document's title; returns the user's id. */
function sourceWithNul(t: Test, demoFile: string): { source: string; userId: number } {
  const source = variant(t, demoFile, (sqlite) => {
    sqlite.prepare(`update users set first_name = 'Bru' || char(0) || 'no' where login = 'bruno.petit'`).run()
    sqlite.prepare(`update documents set title = char(0) || title || char(0) where file_name = 'été.pdf'`).run()
  })
  let userId = 0
  editSqlite(source, (sqlite) => { userId = sqlite.prepare(`select id from users where login = 'bruno.petit'`).pluck().get() as number })
  return { source, userId }
}

t.test('text holding U+0000, which PostgreSQL cannot store, is refused naming the table, row, column and --replace-nul; the target stays empty', { skip }, async (t) => {
  const { source, userId } = sourceWithNul(t, await demo())
  const { url, db } = await freshPostgresDatabase(t)
  const error = await refusal(copyDatabase({ sourcePath: source, targetUrl: url }))
  t.ok(error instanceof CopyRefusal)
  t.match(error.message, `U+0000, found in: users id=${userId} (first_name)`)
  t.match(error.message, 'Copy again with --replace-nul to write U+FFFD in its place')
  t.equal(await tablesOf(db), 0, 'not even migrated: everything rolled back')
})

t.test('with --replace-nul, text holding U+0000 arrives with U+FFFD in its place and the checksums (taken of the replaced text) still verify the copy', { skip }, async (t) => {
  const { source, userId } = sourceWithNul(t, await demo())
  const { url, db } = await freshPostgresDatabase(t)
  const lines: string[] = []
  const result = await copyDatabase({ sourcePath: source, targetUrl: url, replaceNul: true, log: (line) => lines.push(line) })
  t.ok(result.committed, 'committed')
  t.same(result.tables.filter((r) => !r.same), [])
  t.match(lines.join('\n'), `writing U+FFFD in place of U+0000 (--replace-nul) in: users id=${userId} (first_name)`, 'the rows are named')
  const user = await db.selectFrom('users').select('first_name').where('id', '=', userId).executeTakeFirstOrThrow()
  t.equal(user.first_name, 'Bru\uFFFDno')
  const document = await db.selectFrom('documents').select(['title', 'content']).where('file_name', '=', 'été.pdf').executeTakeFirstOrThrow()
  t.same(document, { title: '\uFFFDRapport « été » 😀 \\ "quoted"\uFFFD', content: Buffer.from([0, 1, 255, 0]) }, 'bytes keep their 00s')
})

t.test('a portal writing to the target while db:copy starts is not wiped: the copy locks the tables, waits for its transaction, sees its row and refuses', { skip }, async (t) => {
  const { url, db } = await freshMigratedPostgresDatabase(t)
  const portal = new pg.Client({ connectionString: url })
  await portal.connect()
  t.teardown(() => portal.end())
  await portal.query('begin')
  await portal.query(`insert into job_leases (name, holder, expires_at) values ('invoicing', 'instance-2', '2099-01-01T00:00:00.000Z')`)
  // Not committed yet: db:copy's first check finds the target empty.
  const copying = refusal(copyDatabase({ sourcePath: await demo(), targetUrl: url }))
  await waitUntil(async () => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
      where datname = current_database() and application_name = 'db:copy' and wait_event_type = 'Lock'`.execute(db)
    return rows[0]!.n > 0
  })
  await portal.query('commit')
  const error = await copying
  t.ok(error instanceof CopyRefusal)
  t.match(error.message, /^the target was written to while db:copy was starting \(table job_leases has rows\): is a portal running on it\?/)
  const leases = await db.selectFrom('job_leases').select('holder').execute()
  t.same(leases, [{ holder: 'instance-2' }], 'the portal\'s row is still there')
})

t.test('a connection lost mid-copy fails with its own message, not as a refused row, and nothing is kept', { skip }, async (t) => {
  const { url, db } = await freshPostgresDatabase(t)
  let killing: Promise<unknown> | undefined
  const error = await refusal(copyDatabase({
    sourcePath: await demo(),
    targetUrl: url,
    log: (line) => {
      // After the first table: the next ones are being inserted.
      if (line.startsWith('  ')) killing ??= sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'db:copy'`.execute(db)
    },
  }))
  await killing
  t.notOk(error instanceof CopyRefusal, error.message)
  t.notMatch(error.message, /refused a row/)
  // What happened to the connection, even when it died between two statements
  // (pg would only say "not queryable"); which words depends on the moment.
  t.match(error.message, /^(terminating connection due to administrator command|Connection terminated unexpectedly|read ECONNRESET)$/)
  t.equal(await tablesOf(db), 0, 'the transaction died with the connection: the target is as it was')
})

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

t.test('a row PostgreSQL refuses mid-copy (text in an integer column) names the table and rolls the whole copy back', { skip }, async (t) => {
  const source = variant(t, await demo(), (sqlite) => {
    sqlite.prepare(`update users set failed_login_count = 'lots' where login = 'chloe.bernard'`).run()
  })
  const { url, db } = await freshPostgresDatabase(t)
  const error = await refusal(copyDatabase({ sourcePath: source, targetUrl: url }))
  t.ok(error instanceof CopyRefusal)
  t.match(error.message, /PostgreSQL refused a row of users in its first rows: invalid input syntax for type bigint: "lots"/)
  t.equal(await tablesOf(db), 0, 'the target is as it was: empty')
})

t.test('a value that arrives changed (bytes stored in a text column) fails the checksum of its table: reported, rolled back', { skip }, async (t) => {
  const source = variant(t, await demo(), (sqlite) => {
    sqlite.prepare(`update users set phone_landline = x'41' where login = 'bruno.petit'`).run()
  })
  const { url, db } = await freshPostgresDatabase(t)
  const result: CopyResult = await copyDatabase({ sourcePath: source, targetUrl: url })
  t.notOk(result.committed)
  t.same(result.tables.filter((r) => !r.same).map((r) => r.table), ['users'], 'only users differs')
  const users = result.tables.find((r) => r.table === 'users')!
  t.equal(users.source.rows, users.target.rows, 'same count, different checksum')
  t.equal(await tablesOf(db), 0, 'the target is as it was: empty')
})

t.test('a source missing a migration, or not a portal at all, is refused before the target is touched', { skip }, async (t) => {
  const demoFile = await demo()
  const { url, db } = await freshPostgresDatabase(t)
  const behind = variant(t, demoFile, (sqlite) => {
    sqlite.prepare(`delete from kysely_migration where name = '2026-11-22-50-catalog'`).run()
  })
  t.match((await refusal(copyDatabase({ sourcePath: behind, targetUrl: url }))).message, /the source lacks 1 migration\(s\) \(2026-11-22-50-catalog\): run npm run migrate/)
  const stranger = join(t.testdir(), 'other.db')
  editSqlite(stranger, (sqlite) => sqlite.exec('create table notes (id integer primary key)'))
  t.match((await refusal(copyDatabase({ sourcePath: stranger, targetUrl: url }))).message, /the source is not a portal database/)
  t.match((await refusal(copyDatabase({ sourcePath: join(t.testdir(), 'missing.db'), targetUrl: url }))).message, /cannot read the source database .*missing\.db/)
  t.equal(await tablesOf(db), 0)
})

t.test('a source whose tables differ from what the migrations make is refused, and the migrated target rolled back', { skip }, async (t) => {
  const source = variant(t, await demo(), (sqlite) => sqlite.exec('alter table users drop column phone_landline'))
  const { url, db } = await freshPostgresDatabase(t)
  const error = await refusal(copyDatabase({ sourcePath: source, targetUrl: url }))
  t.match(error.message, /the source's tables differ from the migrated target's: users lacks phone_landline in the source/)
  t.equal(await tablesOf(db), 0)
})

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

t.test('npm run db:copy into a database where only the migrations ran: exit 0 and the verification table when committed, exit 1 and one line when refused', { skip }, async (t) => {
  const source = await demo()
  const { url } = await freshMigratedPostgresDatabase(t) // as after `npm run migrate`: still empty
  const withPassword = new URL(url)
  withPassword.password = 'Secret-in-url' // the test server trusts us: it is not asked for
  const done = await runCli(['--from', `sqlite:${source}`, '--to', withPassword.toString()])
  t.equal(done.code, 0, done.stderr)
  t.notMatch(done.stdout + done.stderr, 'Secret-in-url', 'the password is printed nowhere')
  t.match(done.stdout, /^contracts\s+9\s+9\s+ok$/m, 'one line per table: rows on both sides, checksum ok')
  t.notMatch(done.stdout, /DIFFERS/)
  t.match(done.stdout, /\d+ tables, [\d,]+ rows, \d+ id sequences moved/)
  t.match(done.stdout, 'copy verified and committed')

  const refused = await runCli(['--from', `sqlite:${source}`, '--to', url])
  t.equal(refused.code, 1)
  t.match(refused.stderr, /^db:copy: the target already holds portal data/)
  t.equal(refused.stderr.trim().split('\n').length, 1, 'one line')

  const help = await runCli(['--help'])
  t.equal(help.code, 0)
  t.match(help.stdout, 'npm run db:copy -- --from sqlite:<path> --to postgres://user@host')
  t.match(help.stdout, 'PGPASSWORD')
  t.match(help.stdout, '--replace-nul')
})

t.test('npm run db:copy prints no password even where an error quotes the URL (a forgotten --to)', async (t) => {
  const refused = await runCli(['--from', 'sqlite:./data/portal.db', 'postgres://portal:Secret-in-url@db.example/portal'])
  t.equal(refused.code, 1)
  t.match(refused.stderr, /^db:copy: Unexpected argument 'postgres:\/\/portal:\*\*\*@db\.example\/portal'/)
  t.notMatch(refused.stdout + refused.stderr, 'Secret-in-url')
})
