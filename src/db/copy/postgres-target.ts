// The PostgreSQL database being filled, through ONE connection: the migrations
// (through Kysely), the copy, the sequences and the read-back all run in one
// transaction that db:copy commits only when every checksum matches, so a
// failure leaves the target as it was (empty).
import { Kysely, Migrator, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely'
import pg from 'pg'
import { migrations } from '../../../migrations/index.js'
import { WideIntegersPlugin } from '../portable.js'
import { CopyRefusal } from './refusal.js'
import { quoted, quotedList } from './sql-names.js'
import type { Row } from './checksum.js'

export interface TargetColumn {
  name: string
  /** format_type(): bigint, text, bytea… */
  type: string
  /** The sequence that numbers this column (identity or serial), or null. */
  sequence: string | null
}

export interface TargetTable {
  columns: TargetColumn[]
  primaryKey: string[]
}

export interface TargetForeignKey {
  table: string
  columns: string[]
  references: string
}

export interface TargetSchema {
  tables: Map<string, TargetTable>
  foreignKeys: TargetForeignKey[]
}

const BIGINT_OID = 20
const NUMERIC_OID = 1700

// For Kysely and the migrations: bigint and numeric as numbers, as the portal
// reads them (src/db/connection.ts).
const portalTypes = typesParsing(BIGINT_OID, Number)
// For the copy's read-back: bigint as an exact BigInt, as the SQLite reader.
const exactTypes = typesParsing(BIGINT_OID, BigInt)

function typesParsing(oid: number, parse: (text: string) => unknown) {
  return {
    getTypeParser(typeOid: number, format?: 'text' | 'binary') {
      if (typeOid === oid) return parse
      if (typeOid === NUMERIC_OID) return Number
      return pg.types.getTypeParser(typeOid, format as 'text')
    },
  } as pg.CustomTypesConfig
}

export class PostgresTarget {
  readonly kysely: Kysely<any>
  readonly #client: pg.Client
  readonly #statementNames = new Map<string, string>()
  #connectionError: Error | undefined

  private constructor(client: pg.Client) {
    this.#client = client
    client.on('error', (error) => { this.#connectionError ??= error })
    this.kysely = new Kysely<any>({ dialect: new PostgresDialect({ pool: onlyConnection(client) }), plugins: [new WideIntegersPlugin()] })
  }

  static async connect(url: string): Promise<PostgresTarget> {
    const client = new pg.Client({ connectionString: url, types: portalTypes, application_name: 'db:copy' })
    // A dropped connection mid-copy surfaces as the failing query's error
    // (see connectionLossOr), never as an uncaught 'error' event.
    client.on('error', () => {})
    try {
      await client.connect()
    } catch (error) {
      throw new CopyRefusal(`cannot connect to the target database: ${(error as Error).message}`)
    }
    return new PostgresTarget(client)
  }

  /**
   * The error that ended the connection, if it was lost, else `error`: a
   * connection lost between two statements only makes the next one fail with
   * pg's "Client has encountered a connection error and is not queryable".
   */
  connectionLossOr(error: unknown): unknown {
    return this.#connectionError ?? error
  }

  async begin(): Promise<void> {
    await this.#client.query('begin')
  }

  async commit(): Promise<void> {
    await this.#client.query('commit')
  }

  async rollback(): Promise<void> {
    await this.#client.query('rollback')
  }

  async close(): Promise<void> {
    await this.#client.end()
  }

  /** The tables of the current schema (the portal's, if any). */
  async tableNames(): Promise<string[]> {
    const { rows } = await this.#client.query<{ name: string }>(
      `select c.relname as name from pg_class c where c.relnamespace = to_regnamespace(current_schema()) and c.relkind in ('r', 'p') order by 1`,
    )
    return rows.map((row) => row.name)
  }

  async hasRows(table: string): Promise<boolean> {
    const { rows } = await this.#client.query<{ found: boolean }>(`select exists (select from ${quoted(table)}) as found`)
    return rows[0]!.found
  }

  /**
   * Brings the schema up to date inside the open transaction (Kysely's
   * migrator would otherwise commit its own): the portal's migrations,
   * `integer` widened to bigint as for the portal.
   */
  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.kysely, provider: { getMigrations: async () => migrations }, disableTransactions: true })
    const { error } = await migrator.migrateToLatest()
    if (error) throw error
  }

  /** Tables (not the migrator's), their columns in order, primary keys, foreign keys. */
  async describe(): Promise<TargetSchema> {
    const columns = await this.#client.query<{ table: string; name: string; type: string; sequence: string | null }>(`
      select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
             pg_get_serial_sequence(format('%I', c.relname), a.attname) as sequence
      from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relnamespace = to_regnamespace(current_schema()) and c.relkind in ('r', 'p')
        and c.relname not in ('kysely_migration', 'kysely_migration_lock') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`)
    const primaryKeys = await this.#client.query<{ table: string; name: string }>(`
      select c.relname as table, a.attname as name
      from pg_index i join pg_class c on c.oid = i.indrelid
      cross join unnest(i.indkey) with ordinality as k(attnum, position)
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where i.indisprimary and c.relnamespace = to_regnamespace(current_schema())
      order by c.relname, k.position`)
    const foreignKeys = await this.#client.query<{ table: string; references: string; columns: string[] }>(`
      select child.relname as table, parent.relname as references,
             array(select a.attname from unnest(f.conkey) with ordinality as k(attnum, position)
                   join pg_attribute a on a.attrelid = f.conrelid and a.attnum = k.attnum order by k.position)::text[] as columns
      from pg_constraint f join pg_class child on child.oid = f.conrelid join pg_class parent on parent.oid = f.confrelid
      where f.contype = 'f' and f.connamespace = to_regnamespace(current_schema())
      order by 1, 2`)
    const tables = new Map<string, TargetTable>()
    for (const { table, ...column } of columns.rows) {
      if (!tables.has(table)) tables.set(table, { columns: [], primaryKey: [] })
      tables.get(table)!.columns.push(column)
    }
    for (const { table, name } of primaryKeys.rows) tables.get(table)?.primaryKey.push(name)
    return { tables, foreignKeys: foreignKeys.rows }
  }

  /** Empties the tables (the migrations' own rows: the source's replace them), ids restarting as on a new SQLite table. */
  async truncate(tables: readonly string[]): Promise<void> {
    await this.#client.query(`truncate table ${quotedList(tables)} restart identity`)
  }

  /**
   * Holds the tables until commit or rollback: others may still read them,
   * nobody else may write them (a portal started on the target meanwhile
   * waits), and rows another transaction wrote before are committed or gone.
   */
  async lock(tables: readonly string[]): Promise<void> {
    await this.#client.query(`lock table ${quotedList(tables)} in exclusive mode`)
  }

  /** The table's count(*), as this transaction sees it. */
  async count(table: string): Promise<number> {
    const { rows } = await this.#client.query<{ n: string }>(`select count(*)::text as n from ${quoted(table)}`)
    return Number(rows[0]!.n)
  }

  async insert(table: string, columns: readonly string[], rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return
    const values = rows.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
    // The source's ids, even into a column declared `generated always`.
    const text = `insert into ${quoted(table)} (${quotedList(columns)}) overriding system value values ${values.join(', ')}`
    await this.#client.query({ text, values: rows.flat(), name: this.#statementName(text) })
  }

  /** Sets `columns` of the rows whose primary key is given: each row is [...key, ...values]. */
  async update(table: string, key: readonly TargetColumn[], columns: readonly TargetColumn[], rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return
    const all = [...key, ...columns]
    const values = rows.map((_, r) => `(${all.map((column, c) => `$${r * all.length + c + 1}::${column.type}`).join(', ')})`)
    await this.#client.query(
      `update ${quoted(table)} as t set ${columns.map((c) => `${quoted(c.name)} = v.${quoted(c.name)}`).join(', ')}
       from (values ${values.join(', ')}) as v (${quotedList(all.map((c) => c.name))})
       where ${key.map((c) => `t.${quoted(c.name)} = v.${quoted(c.name)}`).join(' and ')}`,
      rows.flat(),
    )
  }

  /** Moves the sequence past the column's highest value, so the next insert gets a fresh id; an empty table keeps it. */
  async moveSequence(table: string, column: TargetColumn): Promise<number | null> {
    const { rows } = await this.#client.query<{ value: string | null }>(
      `select setval($1::regclass, m.highest)::text as value from (select max(${quoted(column.name)}) as highest from ${quoted(table)}) m where m.highest is not null`,
      [column.sequence],
    )
    return rows[0]?.value == null ? null : Number(rows[0].value)
  }

  /** As SqliteSource.readBatch, with exact integers: rows whose primary key comes after `after`. */
  async readBatch(table: string, columns: readonly string[], primaryKey: readonly string[], after: Row | null, limit: number): Promise<Row[]> {
    const where = after === null ? '' : `where (${quotedList(primaryKey)}) > (${primaryKey.map((_, i) => `$${i + 1}`).join(', ')})`
    const text = `select ${quotedList(columns)} from ${quoted(table)} ${where} order by ${quotedList(primaryKey)} limit ${limit}`
    const result = await this.#client.query({
      text,
      name: this.#statementName(text),
      values: after === null ? [] : [...after],
      rowMode: 'array',
      types: exactTypes,
    })
    return result.rows as Row[]
  }

  // The same statement runs once per batch: prepared once on the connection,
  // PostgreSQL parses and plans it once instead of thousands of times.
  #statementName(text: string): string {
    let name = this.#statementNames.get(text)
    if (name === undefined) {
      name = `db_copy_${this.#statementNames.size + 1}`
      this.#statementNames.set(text, name)
    }
    return name
  }
}

// Kysely asks a pool for connections; this one always hands over the same
// client, so Kysely's statements join the copy's transaction.
function onlyConnection(client: pg.Client): PostgresPool {
  const only = { query: client.query.bind(client), release() {} } as unknown as PostgresPoolClient
  return { connect: async () => only, end: async () => {} }
}
