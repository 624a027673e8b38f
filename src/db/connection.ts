import SQLite from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './database.js'

export class DatabaseOpenError extends Error {}

/** Opens the SQLite database with the pragmas every connection needs. */
export function openDatabase(sqlitePath: string): Kysely<Database> {
  const sqlite = openSqlite(sqlitePath)
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
}

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
