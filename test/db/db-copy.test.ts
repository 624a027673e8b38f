import t, { type Test } from 'tap'
import SQLite from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase } from '../../src/db/connection.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { parseCopyArguments } from '../../src/db/copy/arguments.js'
import { encodeRow, TableChecksum } from '../../src/db/copy/checksum.js'
import { copyDatabase, type CopyResult } from '../../src/db/copy/copy.js'
import { CopyRefusal } from '../../src/db/copy/refusal.js'
import { foreignKeyOrder } from '../../src/db/copy/table-order.js'
import { seedDemoIfEmpty } from '../../scripts/seed-demo.js'
import { buildTestApp } from '../helpers/app.js'
import { loginAs } from '../helpers/personas.js'
import { createCompany } from '../helpers/factories.js'
import { freshMigratedPostgresDatabase, freshPostgresDatabase, postgresUrlOf, testPostgresUrl } from '../helpers/postgres.js'

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

t.test('db:copy arguments: --help, both ends required, the sqlite: and postgres:// spellings, never a password echoed', async (t) => {
  t.equal(parseCopyArguments(['--help']), 'help')
  t.same(parseCopyArguments(['--from', 'sqlite:./data/portal.db', '--to', 'postgres://u:p@db:5432/portal']), { sourcePath: './data/portal.db', targetUrl: 'postgres://u:p@db:5432/portal' })
  t.same(parseCopyArguments(['--from', 'sqlite:///srv/portal.db', '--to', 'postgresql://db/portal']), { sourcePath: '/srv/portal.db', targetUrl: 'postgresql://db/portal' })
  t.throws(() => parseCopyArguments(['--from', 'sqlite:a.db']), /both --from sqlite:<path> and --to postgres:\/\/… are needed \(--help\)/)
  t.throws(() => parseCopyArguments(['--from', 'a.db', '--to', 'postgres://db/portal']), /--from expects sqlite:<path/)
  t.throws(() => parseCopyArguments(['--from', 'sqlite::memory:', '--to', 'postgres://db/portal']), /--from expects/)
  t.throws(() => parseCopyArguments(['--from', 'sqlite:a.db', '--to', 'postgres://u:secret@db']), /--to expects postgres:\/\/.*got "postgres:\/\/u:\*\*\*@db"/)
  t.throws(() => parseCopyArguments(['--form', 'x']), /Unknown option '--form' \(--help\)/)
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
  const admin = openDatabase(testPostgresUrl!)
  const name = `portal_copy_icu_${process.pid}`
  await sql`create database ${sql.id(name)} template template0 encoding 'UTF8' locale_provider icu icu_locale 'en-US' lc_collate 'C' lc_ctype 'C'`.execute(admin)
  const icu = openDatabase(postgresUrlOf(name))
  t.teardown(async () => {
    await icu.destroy()
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin)
    await admin.destroy()
  })
  const error = await refusal(copyDatabase({ sourcePath: source, targetUrl: postgresUrlOf(name) }))
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

t.test('text holding U+0000, which PostgreSQL cannot store, is refused naming the table, row and column; the target stays empty', { skip }, async (t) => {
  const source = variant(t, await demo(), (sqlite) => {
    sqlite.prepare(`update users set first_name = 'Bru' || char(0) || 'no' where login = 'bruno.petit'`).run()
  })
  let id: unknown
  editSqlite(source, (sqlite) => { id = sqlite.prepare(`select id from users where login = 'bruno.petit'`).pluck().get() })
  const { url, db } = await freshPostgresDatabase(t)
  const error = await refusal(copyDatabase({ sourcePath: source, targetUrl: url }))
  t.ok(error instanceof CopyRefusal)
  t.match(error.message, `U+0000, found in: users id=${id} (first_name)`)
  t.equal(await tablesOf(db), 0, 'not even migrated: everything rolled back')
})

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
  const done = await runCli(['--from', `sqlite:${source}`, '--to', url])
  t.equal(done.code, 0, done.stderr)
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
  t.match(help.stdout, 'npm run db:copy -- --from sqlite:<path> --to postgres://')
})
