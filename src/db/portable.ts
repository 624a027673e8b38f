// The few places where SQLite and PostgreSQL need different words. Everything
// dialect-specific lives in src/db/, so the rest of the code is portable.
import { SqliteAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter
}

/** An auto-numbered integer primary key, in the dialect's own way. */
export function identity(db: Kysely<any>) {
  const sqlite = isSqlite(db)
  return (column: ColumnDefinitionBuilder) =>
    sqlite ? column.primaryKey() : column.primaryKey().generatedByDefaultAsIdentity()
}

/** Bytes (uploaded files): BLOB on SQLite, BYTEA on PostgreSQL. */
export function binary(db: Kysely<any>): 'blob' | 'bytea' {
  return isSqlite(db) ? 'blob' : 'bytea'
}
