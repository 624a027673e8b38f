// PostgreSQL for tests, only when TEST_POSTGRES_URL names a server we may
// create databases on (e.g. postgres://postgres@127.0.0.1:55432/postgres).
// Each call makes its own empty database (UTF-8, C collation: text sorts and
// compares byte by byte, as on SQLite) and drops it when the test ends, so
// tests can run in parallel on one server.
import { randomBytes } from 'node:crypto'
import { Kysely, sql } from 'kysely'
import { openDatabase } from '../../src/db/connection.js'
import type { DB } from '../../src/db/database.js'

interface Teardown {
  teardown(fn: () => unknown): void
}

export const testPostgresUrl: string | undefined = process.env.TEST_POSTGRES_URL || undefined

/** An empty PostgreSQL database of its own, dropped at teardown; its URL and an open handle. */
export async function freshPostgresDatabase(t: Teardown): Promise<{ url: string; db: DB }> {
  if (!testPostgresUrl) throw new Error('TEST_POSTGRES_URL is not set')
  const name = `portal_test_${randomBytes(6).toString('hex')}`
  const admin = openDatabase(testPostgresUrl) as Kysely<any>
  await sql`create database ${sql.id(name)} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`.execute(admin)
  const url = new URL(testPostgresUrl)
  url.pathname = `/${name}`
  const db = openDatabase(url.toString())
  t.teardown(async () => {
    await db.destroy()
    await sql`drop database if exists ${sql.id(name)}`.execute(admin)
    await admin.destroy()
  })
  return { url: url.toString(), db }
}
