import t from 'tap'
import { sql } from 'kysely'
import { checkDatabase, DatabaseOpenError, openDatabase } from '../../src/db/connection.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { migrations } from '../../migrations/index.js'
import { freshIcuPostgresDatabase, freshPostgresDatabase, testPostgresUrl } from '../helpers/postgres.js'

// Runs only against a server named by TEST_POSTGRES_URL; skipped (with the reason) otherwise.
const skip = testPostgresUrl ? false : 'TEST_POSTGRES_URL is not set (e.g. postgres://postgres@127.0.0.1:55432/postgres)'

t.test('on an empty PostgreSQL database the migrations build the same tables and columns as on SQLite, and a second run is a no-op', { skip }, async (t) => {
  const { db } = await freshPostgresDatabase(t)
  const first = await migrateToLatest(db)
  t.equal(first.results?.length, Object.keys(migrations).length)
  t.ok(first.results?.every((r) => r.status === 'Success'))
  const sqlite = openDatabase(':memory:')
  t.teardown(() => sqlite.destroy())
  await migrateToLatest(sqlite)
  const shape = async (database: typeof db) =>
    Object.fromEntries((await database.introspection.getTables()).map((table) => [table.name, table.columns.map((c) => c.name).sort()]))
  const [onPostgres, onSqlite] = [await shape(db), await shape(sqlite)]
  t.same(Object.keys(onPostgres).sort(), Object.keys(onSqlite).sort(), 'the same tables')
  t.same(onPostgres, onSqlite, 'the same columns in each table')
  t.same((await migrateToLatest(db)).results, [], 'nothing to do the second time')
})

t.test('on PostgreSQL an integer column holds 64 bits, as on SQLite, and reads back as a number', { skip }, async (t) => {
  const { db } = await freshPostgresDatabase(t)
  await migrateToLatest(db)
  const narrow = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('integer', 'smallint') and table_name not like 'kysely%'`.execute(db)
  t.same(narrow.rows, [], 'no 32-bit integer column')
  const big = 5_000_000_000_000
  const [row] = (await sql<{ n: number; c: number }>`select ${big}::bigint as n, count(*) as c from companies`.execute(db)).rows
  t.same(row, { n: big, c: 0 })
})

t.test('the portal refuses a PostgreSQL database that does not sort text in byte order (an ICU locale), and accepts C', { skip }, async (t) => {
  const { db } = await freshPostgresDatabase(t)
  await t.resolves(checkDatabase(db), 'C collation: accepted')
  const { db: icu } = await freshIcuPostgresDatabase(t)
  const refusal = await checkDatabase(icu).then(() => null, (error: unknown) => error)
  t.ok(refusal instanceof DatabaseOpenError, 'ICU locale: refused')
  t.match((refusal as Error).message, /must use the C collation/)
})
