import SQLite from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import type { Database } from './database.js'
import { isSqlite, TextWithoutNulPlugin, WideIntegersPlugin } from './portable.js'

export class DatabaseOpenError extends Error {}

/** A PostgreSQL connection URL (postgres:// or postgresql://). */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target)
}

/**
 * Opens the database: PostgreSQL when `target` is a postgres:// URL, else the
 * SQLite file at that path (or ':memory:') with the pragmas every connection needs.
 */
export function openDatabase(target: string, options: { poolSize?: number } = {}): Kysely<Database> {
  if (isPostgresUrl(target)) return openPostgres(target, options.poolSize ?? DEFAULT_POOL_SIZE)
  const sqlite = openSqlite(target)
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new TextWithoutNulPlugin()] })
}

/** The configured database: DATABASE_URL's PostgreSQL, or the SQLite file. */
export function openConfiguredDatabase(config: { databaseUrl: string; sqlitePath: string | null; databasePoolSize?: number }): Kysely<Database> {
  return openDatabase(config.sqlitePath ?? config.databaseUrl, { poolSize: config.databasePoolSize })
}

/**
 * Refuses a PostgreSQL database whose collation is not byte order (C/POSIX):
 * dates are ISO text compared as strings, prefix searches end at U+10FFFF and
 * codes sort as text, as on SQLite. Create it with
 * `createdb -T template0 -E UTF8 --lc-collate=C --lc-ctype=C portal`
 * (and not an ICU locale).
 */
export async function checkDatabase(db: Kysely<Database>): Promise<void> {
  if (isSqlite(db)) return
  // to_jsonb(d): datlocprovider exists from PostgreSQL 15 on ('c' libc, 'i' ICU).
  const { rows } = await sql<{ collation: string; provider: string | null }>`
    select d.datcollate as collation, to_jsonb(d) ->> 'datlocprovider' as provider
    from pg_database d where d.datname = current_database()`.execute(db)
  const { collation, provider } = rows[0] ?? { collation: 'unknown', provider: null }
  if (!BYTE_ORDER_COLLATIONS.includes(collation) || provider === 'i') {
    throw new DatabaseOpenError(
      `the PostgreSQL database sorts text by ${provider === 'i' ? 'an ICU locale' : collation}; it must use the C collation ` +
        '(createdb -T template0 -E UTF8 --locale-provider=libc --lc-collate=C --lc-ctype=C <name>)',
    )
  }
}

// glibc's C.UTF-8 sorts by code point, which for UTF-8 is byte order too.
const BYTE_ORDER_COLLATIONS = ['C', 'POSIX', 'C.UTF-8', 'C.utf8']

function openSqlite(sqlitePath: string): SQLite.Database {
  let sqlite: SQLite.Database
  try {
    if (sqlitePath !== ':memory:') mkdirSync(dirname(sqlitePath), { recursive: true })
    sqlite = new SQLite(sqlitePath)
    sqlite.pragma('journal_mode = WAL')
  } catch (error) {
    throw new DatabaseOpenError(`cannot open the database at ${sqlitePath}: ${(error as Error).message}`)
  }
  // FULL: a committed order or payment survives a power cut.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  if (sqlite.pragma('foreign_keys', { simple: true }) !== 1) {
    throw new DatabaseOpenError('SQLite refused to enable foreign keys')
  }
  return sqlite
}

// Columns are 64-bit on PostgreSQL (see WideIntegersPlugin) and count()/sum()
// answer bigint or numeric: read them as numbers, as SQLite gives them, not as
// strings. Values stay far below 2^53 (money is in cents or micro-units).
const BIGINT_OID = 20
const NUMERIC_OID = 1700
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === BIGINT_OID || oid === NUMERIC_OID) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format as 'text')
  },
}

// Connections per instance (pg's default; DATABASE_POOL_SIZE). Several
// instances: keep instances × pool size under the server's max_connections
// (100 by default).
const DEFAULT_POOL_SIZE = 10

function openPostgres(url: string, poolSize: number): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: types as pg.CustomTypesConfig })
  // An idle client losing its connection must not end the process: the pool drops it.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL pool: ${error.message}`))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new WideIntegersPlugin(), new TextWithoutNulPlugin()] })
}
