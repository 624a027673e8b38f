// db:copy: a SQLite portal into an empty PostgreSQL database, in one
// transaction on the target, committed only when every table's row count and
// checksum read back from PostgreSQL equal the source's.
import type { Kysely } from 'kysely'
import { migrations } from '../../../migrations/index.js'
import { checkDatabase, DatabaseOpenError } from '../connection.js'
import type { Database } from '../database.js'
import type { TableDigest } from './checksum.js'
import { copyTable, readBackChecksum, type TablePlan } from './copy-table.js'
import { refuseUnlessEmpty } from './empty-target.js'
import { PostgresTarget, type TargetSchema } from './postgres-target.js'
import { CopyRefusal } from './refusal.js'
import { SqliteSource, type NulFound } from './sqlite-source.js'
import { foreignKeyOrder } from './table-order.js'

export interface CopyOptions {
  sourcePath: string
  targetUrl: string
  /** Rows per statement (fewer when a table has many columns). */
  batchSize?: number
  /** Progress, one line at a time. */
  log?: (line: string) => void
}

export interface TableResult {
  table: string
  source: TableDigest
  target: TableDigest
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
  const batchSize = options.batchSize ?? 1_000
  const source = SqliteSource.open(options.sourcePath)
  try {
    source.checkMigrations(Object.keys(migrations))
    const target = await PostgresTarget.connect(options.targetUrl)
    try {
      await refuseBadCollation(target)
      await refuseUnlessEmpty(target)
      return await inOneTransaction(target, () => copyInto(source, target, batchSize, log))
    } finally {
      await target.close()
    }
  } finally {
    source.close()
  }
}

async function copyInto(source: SqliteSource, target: PostgresTarget, batchSize: number, log: (line: string) => void): Promise<CopyResult> {
  await target.migrate()
  const schema = await target.describe()
  refuseDifferentSchema(source, schema)
  const plans = tablePlans(schema)
  refuseNulCharacters(source.findNulCharacters(new Map(plans.map((plan) => [plan.table, { textColumns: textColumns(plan), primaryKey: plan.primaryKey }]))))
  log(`target migrated; copying ${plans.length} tables`)
  await target.truncate(plans.map((plan) => plan.table))
  const copied = new Map<string, TableDigest>()
  for (const plan of plans) {
    const started = Date.now()
    copied.set(plan.table, await copyTable(source, target, plan, batchSize))
    log(`  ${plan.table}: ${copied.get(plan.table)!.rows.toLocaleString('en')} rows (${seconds(started)} s)`)
  }
  let sequencesMoved = 0
  for (const plan of plans) {
    for (const column of plan.columns.filter((c) => c.sequence)) if ((await target.moveSequence(plan.table, column)) !== null) sequencesMoved++
  }
  log(`sequences moved: ${sequencesMoved}; reading every table back to compare`)
  const tables: TableResult[] = []
  for (const plan of plans) {
    const source = copied.get(plan.table)!
    const back = await readBackChecksum(target, plan, batchSize)
    tables.push({ table: plan.table, source, target: back, same: source.rows === back.rows && source.sha256 === back.sha256 })
  }
  return { tables, committed: tables.every((table) => table.same), sequencesMoved }
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
    throw error
  }
  if (result.committed) await target.commit()
  else await target.rollback()
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

function refuseNulCharacters(found: NulFound[]): void {
  if (found.length === 0) return
  const where = found.map((f) => `${f.table} ${f.key} (${f.column})`).join('; ')
  throw new CopyRefusal(`PostgreSQL text cannot hold the character U+0000, found in: ${where}${found.length >= 20 ? '; …' : ''}. Remove it in the source (docs/db-copy.md), then copy again`)
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1)
}
