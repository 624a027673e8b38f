// One table, from SQLite to PostgreSQL and back: copied in keyset batches
// (primary-key order, ~1,000 rows, so neither side holds a big table in
// memory), its checksum taken from the rows as they are written (as SQLite
// gives them, U+0000 replaced if asked); then read back from PostgreSQL in
// the same order for the same checksum.
import { TableChecksum, type Row, type TableDigest } from './checksum.js'
import type { PostgresTarget, TargetColumn } from './postgres-target.js'
import { CopyRefusal } from './refusal.js'
import { hasNul, textWithoutNul } from '../portable.js'
import type { SqliteSource } from './sqlite-source.js'

export interface TablePlan {
  table: string
  columns: TargetColumn[]
  primaryKey: string[]
  /** Columns referencing this same table: filled after all its rows exist. */
  selfReferences: string[]
}

// PostgreSQL takes at most 65,535 parameters in one statement.
const MAX_PARAMETERS = 65_535

export interface CopyTableOptions {
  /** Rows per statement (fewer when the table has many columns). */
  batchSize: number
  /** Write U+FFFD where a text value holds U+0000 (PostgreSQL's text cannot). */
  replaceNul: boolean
}

/** Copies the table; its digest counts the rows read from SQLite. */
export async function copyTable(source: SqliteSource, target: PostgresTarget, plan: TablePlan, { batchSize, replaceNul }: CopyTableOptions): Promise<TableDigest> {
  const names = plan.columns.map((column) => column.name)
  const keyAt = plan.primaryKey.map((name) => names.indexOf(name))
  const selfAt = plan.selfReferences.map((name) => names.indexOf(name))
  const limit = rowsPerStatement(names.length, batchSize)
  const checksum = new TableChecksum()
  const later: Row[] = [] // [...key, ...self references] of the rows that have one
  let after: Row | null = null
  // PostgreSQL writes a batch while the next one is read and hashed here.
  let writing: Promise<void> = Promise.resolve()
  for (;;) {
    const read = source.readBatch(plan.table, names, plan.primaryKey, after, limit)
    if (read.length === 0) break
    const rows = replaceNul ? read.map(withoutNul) : read
    for (const row of rows) checksum.add(row)
    for (const row of rows) if (selfAt.some((i) => row[i] !== null)) later.push([...keyAt.map((i) => row[i]), ...selfAt.map((i) => row[i])])
    const insertable = selfAt.length === 0 ? rows : rows.map((row) => row.map((value, i) => (selfAt.includes(i) ? null : value)))
    await writing
    writing = explained(plan.table, rowsAfter(after), () => target.insert(plan.table, names, insertable))
    writing.catch(() => {}) // awaited above or below; never an unhandled rejection if reading fails meanwhile
    after = keyAt.map((i) => read.at(-1)![i]) // the key as SQLite holds it
    if (read.length < limit) break
  }
  await writing
  await fillSelfReferences(target, plan, later, batchSize)
  return checksum.digest()
}

/** The table's checksum as PostgreSQL now holds it. */
export async function readBackChecksum(target: PostgresTarget, plan: TablePlan, batchSize: number): Promise<TableDigest> {
  const names = plan.columns.map((column) => column.name)
  const keyAt = plan.primaryKey.map((name) => names.indexOf(name))
  const checksum = new TableChecksum()
  // The next batch is asked for before this one is hashed.
  let reading = target.readBatch(plan.table, names, plan.primaryKey, null, batchSize)
  for (;;) {
    const rows = await reading
    const more = rows.length === batchSize
    if (more) reading = target.readBatch(plan.table, names, plan.primaryKey, keyAt.map((i) => rows.at(-1)![i]), batchSize)
    reading.catch(() => {}) // awaited on the next turn
    for (const row of rows) checksum.add(row)
    if (!more) break
  }
  return checksum.digest()
}

async function fillSelfReferences(target: PostgresTarget, plan: TablePlan, rows: Row[], batchSize: number): Promise<void> {
  const column = (name: string) => plan.columns.find((c) => c.name === name)!
  const key = plan.primaryKey.map(column)
  const values = plan.selfReferences.map(column)
  const limit = rowsPerStatement(key.length + values.length, batchSize)
  for (let start = 0; start < rows.length; start += limit) {
    const chunk = rows.slice(start, start + limit)
    const first = chunk[0]!.slice(0, key.length)
    await explained(plan.table, `setting ${plan.selfReferences.join(', ')} from the row with key ${keyText(first)} on`, () => target.update(plan.table, key, values, chunk))
  }
}

function rowsPerStatement(columns: number, batchSize: number): number {
  return Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / Math.max(1, columns))))
}

async function explained(table: string, where: string, write: () => Promise<void>): Promise<void> {
  try {
    await write()
  } catch (error) {
    throw asRowRefusal(error, table, where)
  }
}

/**
 * PostgreSQL refusing a row — a value its column type cannot hold (SQLSTATE
 * class 22, data exception) or a constraint (class 23: a foreign key, not
 * null, unique) — becomes a refusal naming the table and where in it. Any
 * other error (a lost connection, a deadlock, Ctrl-C) is not about the row:
 * it goes on as it is, with its own message.
 */
export function asRowRefusal(error: unknown, table: string, where: string): unknown {
  const { message, detail, code } = error as { message?: string; detail?: string; code?: unknown }
  if (typeof code !== 'string' || !/^2[23]/.test(code)) return error
  return new CopyRefusal(`PostgreSQL refused a row of ${table} ${where}: ${message}${detail ? ` (${detail})` : ''}`)
}

// As the portal does for new input (TextWithoutNulPlugin in src/db/portable.ts).
export function withoutNul(row: Row): Row {
  return row.some(hasNul) ? row.map((value) => (hasNul(value) ? textWithoutNul(value) : value)) : row
}

function rowsAfter(after: Row | null): string {
  return after === null ? 'in its first rows' : `in the rows after key ${keyText(after)}`
}

function keyText(key: Row): string {
  return `(${key.map(String).join(', ')})`
}
