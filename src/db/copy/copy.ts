// db:copy: a SQLite portal into an empty PostgreSQL database, in one
// transaction on the target, committed only when every table's row count and
// checksum read back from PostgreSQL equal the source's.
import type { Kysely } from 'kysely'
import { migrations } from '../../../migrations/index.js'
import { checkDatabase, DatabaseOpenError } from '../connection.js'
import type { Database } from '../database.js'
import type { TableDigest } from './checksum.js'
import { copyTable, readBackChecksum, type CopyTableOptions, type TablePlan } from './copy-table.js'
import { refuseUnlessEmpty, refuseWrittenMeanwhile } from './empty-target.js'
import { PostgresTarget, type TargetSchema } from './postgres-target.js'
import { CopyRefusal } from './refusal.js'
import { SqliteSource, type NulFound } from './sqlite-source.js'
import { foreignKeyOrder } from './table-order.js'

export interface CopyOptions {
  sourcePath: string
  targetUrl: string
  /** Write U+FFFD where text holds U+0000 (PostgreSQL's text cannot); without it such text is refused. */
  replaceNul?: boolean
  /** Rows per statement (fewer when a table has many columns). */
  batchSize?: number
  /** Progress, one line at a time. */
  log?: (line: string) => void
}

export interface TableResult {
  table: string
  /** The rows read from SQLite and their checksum. */
  source: TableDigest
  /** The rows read back from PostgreSQL and their checksum. */
  target: TableDigest
  /** Each side's count(*), independent of the batches that read the rows. */
  counted: { source: number; target: number }
  /** What differs ("checksum differs", a count…), or null when the table is the same on both sides. */
  difference: string | null
  same: boolean
}

export interface CopyResult {
  /** In the order they were copied (parents first). */
  tables: TableResult[]
  /** False when a table differs: the transaction was rolled back, the target is as it was. */
  committed: boolean
  /** Identity sequences moved past the copied ids. */
  sequencesMoved: number
}

export async function copyDatabase(options: CopyOptions): Promise<CopyResult> {
  const log = options.log ?? (() => {})
  const settings = { batchSize: options.batchSize ?? 1_000, replaceNul: options.replaceNul ?? false }
  const source = SqliteSource.open(options.sourcePath)
  try {
    source.checkMigrations(Object.keys(migrations))
    const target = await PostgresTarget.connect(options.targetUrl)
    try {
      await refuseBadCollation(target)
      await refuseUnlessEmpty(target) // a quick refusal, before anything is written
      return await inOneTransaction(target, () => copyInto(source, target, settings, log))
    } finally {
      await target.close()
    }
  } finally {
    source.close()
  }
}

async function copyInto(source: SqliteSource, target: PostgresTarget, settings: CopyTableOptions, log: (line: string) => void): Promise<CopyResult> {
  await target.migrate()
  const schema = await target.describe()
  refuseDifferentSchema(source, schema)
  const plans = tablePlans(schema)
  handleNulCharacters(source.findNulCharacters(new Map(plans.map((plan) => [plan.table, { textColumns: textColumns(plan), primaryKey: plan.primaryKey }]))), settings.replaceNul, log)
  // The first check ran before the transaction: a portal started on the
  // target since would lose its data to the truncate below.
  await target.lock(plans.map((plan) => plan.table))
  await refuseWrittenMeanwhile(target)
  log(`target migrated; copying ${plans.length} tables`)
  await target.truncate(plans.map((plan) => plan.table))
  const copied = new Map<string, { read: TableDigest; counted: number }>()
  for (const plan of plans) {
    const started = Date.now()
    const read = await copyTable(source, target, plan, settings)
    copied.set(plan.table, { read, counted: source.count(plan.table) })
    log(`  ${plan.table}: ${read.rows.toLocaleString('en')} rows (${seconds(started)} s)`)
  }
  let sequencesMoved = 0
  for (const plan of plans) {
    for (const column of plan.columns.filter((c) => c.sequence)) if ((await target.moveSequence(plan.table, column)) !== null) sequencesMoved++
  }
  log(`sequences moved: ${sequencesMoved}; reading every table back to compare`)
  const tables: TableResult[] = []
  for (const plan of plans) {
    const { read, counted } = copied.get(plan.table)!
    const back = await readBackChecksum(target, plan, settings.batchSize)
    tables.push(compareTable(plan.table, { digest: read, counted }, { digest: back, counted: await target.count(plan.table) }))
  }
  return { tables, committed: tables.every((table) => table.same), sequencesMoved }
}

/**
 * A table is the same on both sides when each side's count(*) equals the rows
 * read there (no row skipped or read twice by the batches), the two counts are
 * equal, and so are the checksums.
 */
export function compareTable(table: string, source: { digest: TableDigest; counted: number }, target: { digest: TableDigest; counted: number }): TableResult {
  const differences: string[] = []
  if (source.counted !== source.digest.rows) differences.push(`SQLite counts ${source.counted} rows, ${source.digest.rows} were read`)
  if (target.counted !== target.digest.rows) differences.push(`PostgreSQL counts ${target.counted} rows, ${target.digest.rows} were read back`)
  if (source.counted !== target.counted) differences.push(`${source.counted} rows in SQLite, ${target.counted} in PostgreSQL`)
  if (source.digest.sha256 !== target.digest.sha256) differences.push('checksum differs')
  const difference = differences.length > 0 ? differences.join('; ') : null
  return { table, source: source.digest, target: target.digest, counted: { source: source.counted, target: target.counted }, difference, same: difference === null }
}

// Commit only a verified copy; anything else (a refusal, a failure, a
// difference) rolls everything back, the migrations included.
async function inOneTransaction(target: PostgresTarget, copy: () => Promise<CopyResult>): Promise<CopyResult> {
  await target.begin()
  let result: CopyResult
  try {
    result = await copy()
  } catch (error) {
    await target.rollback().catch(() => {})
    throw error instanceof CopyRefusal ? error : target.connectionLossOr(error)
  }
  try {
    if (result.committed) await target.commit()
    else await target.rollback()
  } catch (error) {
    throw target.connectionLossOr(error)
  }
  return result
}

async function refuseBadCollation(target: PostgresTarget): Promise<void> {
  try {
    await checkDatabase(target.kysely as Kysely<Database>)
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw new CopyRefusal(`target refused: ${error.message}`)
    throw error
  }
}

function tablePlans(schema: TargetSchema): TablePlan[] {
  const order = foreignKeyOrder([...schema.tables.keys()], schema.foreignKeys)
  return order.map((table) => {
    const { columns, primaryKey } = schema.tables.get(table)!
    if (primaryKey.length === 0) throw new CopyRefusal(`table ${table} has no primary key: db:copy cannot read it in a stable order`)
    const selfReferences = schema.foreignKeys.filter((fk) => fk.table === table && fk.references === table).flatMap((fk) => fk.columns)
    return { table, columns, primaryKey, selfReferences }
  })
}

function refuseDifferentSchema(source: SqliteSource, schema: TargetSchema): void {
  const sourceTables = source.tables()
  const differences: string[] = []
  for (const [table, { columns }] of schema.tables) {
    const sourceColumns = sourceTables.get(table)
    if (!sourceColumns) {
      differences.push(`${table} is missing in the source`)
      continue
    }
    const names = new Set(sourceColumns.map((c) => c.name))
    const missing = columns.filter((c) => !names.has(c.name)).map((c) => c.name)
    const extra = [...names].filter((name) => !columns.some((c) => c.name === name))
    if (missing.length > 0) differences.push(`${table} lacks ${missing.join(', ')} in the source`)
    if (extra.length > 0) differences.push(`${table} has ${extra.join(', ')} in the source only`)
  }
  for (const table of sourceTables.keys()) if (!schema.tables.has(table)) differences.push(`${table} exists in the source only`)
  if (differences.length > 0) throw new CopyRefusal(`the source's tables differ from the migrated target's: ${differences.slice(0, 5).join('; ')}`)
}

function textColumns(plan: TablePlan): string[] {
  return plan.columns.filter((column) => column.type === 'text' || column.type.startsWith('character')).map((column) => column.name)
}

// PostgreSQL's text cannot hold U+0000: refused, naming the rows, unless the
// operator asked for U+FFFD in its place (--replace-nul).
function handleNulCharacters(found: NulFound[], replaceNul: boolean, log: (line: string) => void): void {
  if (found.length === 0) return
  const where = `${found.map((f) => `${f.table} ${f.key} (${f.column})`).join('; ')}${found.length >= 20 ? '; …' : ''}`
  if (replaceNul) {
    log(`writing U+FFFD in place of U+0000 (--replace-nul) in: ${where}`)
    return
  }
  throw new CopyRefusal(`PostgreSQL text cannot hold the character U+0000, found in: ${where}. Copy again with --replace-nul to write U+FFFD in its place, as the portal does with new text (docs/db-copy.md)`)
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1)
}
