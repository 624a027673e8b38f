// "Empty" for db:copy: no table, or only what `npm run migrate` writes (the
// migrations' own rows: platforms, catalogs, offers). Anything else — a user,
// a session, a job lease, a table the portal does not make — means the
// database is in use or not the portal's, and db:copy will not overwrite it.
//
// Checked twice: before anything is written (a quick refusal), and again
// inside the copy's transaction, after the migrations and with the portal's
// tables locked, right before they are emptied: a portal instance started on
// the target in between would otherwise have its data wiped without a word.
import { sql } from 'kysely'
import { openDatabase } from '../connection.js'
import { migrateToLatest } from '../migrator.js'
import { CopyRefusal } from './refusal.js'
import type { PostgresTarget } from './postgres-target.js'

const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock']

/** Before the copy's transaction: refuses a target in use or not the portal's. */
export async function refuseUnlessEmpty(target: PostgresTarget): Promise<void> {
  const found = await somethingPresent(target)
  if (found?.foreign) {
    throw new CopyRefusal(`the target has tables the portal does not make (${found.foreign.slice(0, 5).join(', ')}): db:copy needs an empty database`)
  }
  if (found?.filled) {
    throw new CopyRefusal(`the target already holds portal data (table ${found.filled} has rows): db:copy only fills an empty database (drop it and create it again)`)
  }
}

/** Inside the transaction, the portal's tables locked (PostgresTarget.lock): refuses what was written since the first check. */
export async function refuseWrittenMeanwhile(target: PostgresTarget): Promise<void> {
  const found = await somethingPresent(target)
  if (!found) return
  const what = found.filled ? `table ${found.filled} has rows` : `tables ${found.foreign!.slice(0, 5).join(', ')} appeared`
  throw new CopyRefusal(`the target was written to while db:copy was starting (${what}): is a portal running on it? Stop it, drop and create the database again, then copy`)
}

async function somethingPresent(target: PostgresTarget): Promise<{ foreign?: string[]; filled?: string } | null> {
  const present = (await target.tableNames()).filter((table) => !MIGRATION_TABLES.includes(table))
  if (present.length === 0) return null
  const reference = await freshlyMigrated()
  const foreign = present.filter((table) => !reference.tables.has(table))
  if (foreign.length > 0) return { foreign }
  for (const table of present) {
    if (!reference.filled.has(table) && (await target.hasRows(table))) return { filled: table }
  }
  return null
}

let reference: Promise<{ tables: Set<string>; filled: Set<string> }> | undefined

/** The portal's tables, and those its migrations put rows in (worked out once per run). */
function freshlyMigrated(): Promise<{ tables: Set<string>; filled: Set<string> }> {
  reference ??= migrateInMemory()
  reference.catch(() => { reference = undefined })
  return reference
}

/** A throwaway in-memory database, migrated: what the migrations make. */
async function migrateInMemory(): Promise<{ tables: Set<string>; filled: Set<string> }> {
  const db = openDatabase(':memory:')
  try {
    await migrateToLatest(db)
    const tables = (await db.introspection.getTables()).map((table) => table.name)
    const filled = new Set<string>()
    for (const table of tables) {
      const { rows } = await sql<{ found: number }>`select exists (select 1 from ${sql.table(table)}) as found`.execute(db)
      if (rows[0]?.found) filled.add(table)
    }
    return { tables: new Set(tables), filled }
  } finally {
    await db.destroy()
  }
}
