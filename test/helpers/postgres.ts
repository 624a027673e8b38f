// PostgreSQL for tests, only when TEST_POSTGRES_URL names a server we may
// create databases on (scripts/with-postgres.sh starts one and sets it).
// Each call makes a database of its own, dropped when the test ends, so tests
// run in parallel on one server with total isolation.
//
// Migrating every fresh database would cost ~0.5 s each; instead the first
// test of a run migrates a template database once (named after the
// schema's sources, so a changed migration gets a new template) and every
// test copies it with CREATE DATABASE … TEMPLATE, ~50 ms.
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Kysely, sql } from 'kysely'
import { openDatabase } from '../../src/db/connection.js'
import type { DB } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'

interface Teardown {
  teardown(fn: () => unknown): void
}

export const testPostgresUrl: string | undefined = process.env.TEST_POSTGRES_URL || undefined

/** An empty (unmigrated) PostgreSQL database of its own, dropped at teardown. */
export async function freshPostgresDatabase(t: Teardown): Promise<{ url: string; db: DB }> {
  return copyOf('template0', t)
}

/** A migrated PostgreSQL database of its own (a copy of the migrated template), dropped at teardown. */
export async function freshMigratedPostgresDatabase(t: Teardown): Promise<{ url: string; db: DB }> {
  return copyOf(await migratedTemplate(), t)
}

/** The URL of database `name` on the test server. */
export function postgresUrlOf(name: string): string {
  if (!testPostgresUrl) throw new Error('TEST_POSTGRES_URL is not set')
  const url = new URL(testPostgresUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** An empty database that sorts text by an ICU locale, which the portal must refuse; dropped at teardown. */
export async function freshIcuPostgresDatabase(t: Teardown): Promise<{ url: string; db: DB }> {
  return copyOf('template0', t, sql`locale_provider icu icu_locale 'en-US'`)
}

async function copyOf(template: string, t: Teardown, locale = sql``): Promise<{ url: string; db: DB }> {
  const name = `portal_test_${randomBytes(6).toString('hex')}`
  await withServer((admin) =>
    sql`create database ${sql.id(name)} template ${sql.id(template)} encoding 'UTF8' ${locale} lc_collate 'C' lc_ctype 'C'`.execute(admin),
  )
  const url = postgresUrlOf(name)
  const db = openDatabase(url)
  t.teardown(async () => {
    await db.destroy()
    await withServer((admin) => sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin))
  })
  return { url, db }
}

let template: Promise<string> | undefined

// Test files run in parallel processes: an advisory lock makes one of them
// build the template while the others wait, then find it built.
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `portal_template_${migrationsFingerprint()}`
    await withServer((admin) =>
      admin.connection().execute(async (connection) => {
        await sql`select pg_advisory_lock(4242)`.execute(connection)
        try {
          const found = await sql`select 1 from pg_database where datname = ${name}`.execute(connection)
          if (found.rows.length === 0) await buildTemplate(connection, name)
        } finally {
          await sql`select pg_advisory_unlock(4242)`.execute(connection)
        }
      }),
    )
    return name
  })()
  return template
}

// Built under another name and renamed at the end, so a half-built template
// (a run killed while migrating) is never copied.
async function buildTemplate(admin: Kysely<any>, name: string): Promise<void> {
  const building = `${name}_building`
  await sql`drop database if exists ${sql.id(building)} with (force)`.execute(admin)
  await sql`create database ${sql.id(building)} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`.execute(admin)
  const db = openDatabase(postgresUrlOf(building))
  try {
    await migrateToLatest(db)
  } finally {
    await db.destroy()
  }
  await sql`alter database ${sql.id(building)} rename to ${sql.id(name)}`.execute(admin)
}

async function withServer<T>(use: (admin: Kysely<any>) => Promise<T>): Promise<T> {
  if (!testPostgresUrl) throw new Error('TEST_POSTGRES_URL is not set')
  const admin = openDatabase(testPostgresUrl) as Kysely<any>
  try {
    return await use(admin)
  } finally {
    await admin.destroy()
  }
}

// What the migrated schema depends on: the migrations, and the dialect code
// that turns their words into PostgreSQL's (identity, bytea, bigint).
const SCHEMA_SOURCES = ['migrations/', 'src/db/portable.ts', 'src/db/connection.ts', 'src/db/migrator.ts']

function migrationsFingerprint(): string {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  const hash = createHash('sha256')
  for (const source of SCHEMA_SOURCES) {
    const files = source.endsWith('/') ? listFiles(join(root, source)).map((file) => join(source, file)) : [source]
    for (const file of files) hash.update(file).update(readFileSync(join(root, file)))
  }
  return hash.digest('hex').slice(0, 12)
}

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(root, join(prefix, entry.name)) : [join(prefix, entry.name)]))
}
