// The portal's SQLite file, read only, through one read transaction so that
// the copy and its checksums see one snapshot. Integers come back as BigInt
// (better-sqlite3's safeIntegers): exact up to 64 bits, like PostgreSQL's bigint.
import SQLite from 'better-sqlite3'
import { CopyRefusal } from './refusal.js'
import { quoted, quotedList } from './sql-names.js'
import type { Row } from './checksum.js'

export interface SourceColumn {
  name: string
  /** The declared type (integer, text, blob…), lower case. */
  type: string
}

export interface NulFound {
  table: string
  column: string
  /** The row's primary key, e.g. "id=12". */
  key: string
}

const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock']

export class SqliteSource {
  readonly #db: SQLite.Database
  readonly #statements = new Map<string, SQLite.Statement>()

  private constructor(db: SQLite.Database) {
    this.#db = db
  }

  static open(path: string): SqliteSource {
    let db: SQLite.Database | undefined
    try {
      db = new SQLite(path, { readonly: true, fileMustExist: true })
      db.defaultSafeIntegers(true)
      db.prepare('select count(*) from sqlite_master').get() // "file is not a database" shows here
      db.exec('begin') // one snapshot for the whole run
      return new SqliteSource(db)
    } catch (error) {
      db?.close()
      throw new CopyRefusal(`cannot read the source database ${path}: ${(error as Error).message}`)
    }
  }

  /** Refuses a source whose migrations are not exactly the ones this version of the portal knows. */
  checkMigrations(expected: readonly string[]): void {
    const applied = this.#appliedMigrations()
    const missing = expected.filter((name) => !applied.includes(name))
    if (missing.length > 0) {
      throw new CopyRefusal(`the source lacks ${missing.length} migration(s) (${missing.join(', ')}): run npm run migrate on it (DATABASE_URL=sqlite:…), then copy`)
    }
    const unknown = applied.filter((name) => !expected.includes(name))
    if (unknown.length > 0) {
      throw new CopyRefusal(`the source has migrations this version of the portal does not know (${unknown.join(', ')}): copy with the version that wrote it`)
    }
  }

  /** Each table of the portal (not SQLite's nor the migrator's) and its columns. */
  tables(): Map<string, SourceColumn[]> {
    const names = this.#db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`)
      .pluck().all() as string[]
    return new Map(names.filter((name) => !MIGRATION_TABLES.includes(name)).map((name) => [name, this.#columns(name)]))
  }

  /**
   * Rows holding U+0000 in a text column: PostgreSQL's text cannot store it
   * (invalid byte sequence), so they are named before anything is copied.
   * Compared as bytes: SQLite's text functions stop at a NUL.
   */
  findNulCharacters(tables: ReadonlyMap<string, { textColumns: string[]; primaryKey: string[] }>, limit = 20): NulFound[] {
    const found: NulFound[] = []
    for (const [table, { textColumns, primaryKey }] of tables) {
      for (const column of textColumns) {
        const rows = this.#db.prepare(
          `select ${quotedList(primaryKey)} from ${quoted(table)} where typeof(${quoted(column)}) = 'text' and instr(cast(${quoted(column)} as blob), x'00') > 0 limit ${limit}`,
        ).raw(true).all() as unknown[][]
        for (const key of rows) found.push({ table, column, key: primaryKey.map((name, i) => `${name}=${String(key[i])}`).join(', ') })
        if (found.length >= limit) return found.slice(0, limit)
      }
    }
    return found
  }

  /** Up to `limit` rows (values in `columns` order) whose primary key comes after `after` (null: from the start). */
  readBatch(table: string, columns: readonly string[], primaryKey: readonly string[], after: Row | null, limit: number): Row[] {
    const key = `${table}:${after === null ? 'first' : 'next'}:${limit}`
    let statement = this.#statements.get(key)
    if (!statement) {
      const where = after === null ? '' : `where (${quotedList(primaryKey)}) > (${primaryKey.map(() => '?').join(', ')})`
      statement = this.#db.prepare(`select ${quotedList(columns)} from ${quoted(table)} ${where} order by ${quotedList(primaryKey)} limit ${limit}`).raw(true)
      this.#statements.set(key, statement)
    }
    return (after === null ? statement.all() : statement.all(...after)) as Row[]
  }

  /** The table's count(*) in the run's snapshot: checks the rows the batches read. */
  count(table: string): number {
    return Number(this.#db.prepare(`select count(*) from ${quoted(table)}`).pluck().get() as bigint)
  }

  close(): void {
    if (this.#db.inTransaction) this.#db.exec('rollback')
    this.#db.close()
  }

  #appliedMigrations(): string[] {
    try {
      return this.#db.prepare('select name from kysely_migration order by name').pluck().all() as string[]
    } catch {
      throw new CopyRefusal('the source is not a portal database: it has no kysely_migration table')
    }
  }

  #columns(table: string): SourceColumn[] {
    const rows = this.#db.prepare(`select name, type from pragma_table_info(?) order by cid`).all(table) as Array<{ name: string; type: string }>
    return rows.map((row) => ({ name: row.name, type: row.type.toLowerCase() }))
  }
}
