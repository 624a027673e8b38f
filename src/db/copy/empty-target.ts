// "Empty" for db:copy: no table, or only what `npm run migrate` writes (the
// migrations' own rows: platforms, catalogs, offers). Anything else — a user,
// a session, a job lease, a table the portal does not make — means the
// database is in use or not the portal's, and db:copy will not overwrite it.
import { sql } from 'kysely'
import { openDatabase } from '../connection.js'
import { migrateToLatest } from '../migrator.js'
import { CopyRefusal } from './refusal.js'
import type { PostgresTarget } from './postgres-target.js'

const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock']

export async function refuseUnlessEmpty(target: PostgresTarget): Promise<void> {
  const present = (await target.tableNames()).filter((table) => !MIGRATION_TABLES.includes(table))
  if (present.length === 0) return
  const reference = await freshlyMigrated()
  const foreign = present.filter((table) => !reference.tables.has(table))
  if (foreign.length > 0) {
    throw new CopyRefusal(`the target has tables the portal does not make (${foreign.slice(0, 5).join(', ')}): db:copy needs an empty database`)
  }
  for (const table of present) {
    if (!reference.filled.has(table) && (await target.hasRows(table))) {
      throw new CopyRefusal(`the target already holds portal data (table ${table} has rows): db:copy only fills an empty database (drop it and create it again)`)
    }
  }
}

/** The portal's tables, and those its migrations put rows in, on a throwaway in-memory database. */
async function freshlyMigrated(): Promise<{ tables: Set<string>; filled: Set<string> }> {
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
