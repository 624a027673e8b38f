// npm run migrate: brings the configured database up to date.
import { loadConfig } from '../src/config.js'
import { checkDatabase, DatabaseOpenError, openConfiguredDatabase } from '../src/db/connection.js'
import { migrateToLatest } from '../src/db/migrator.js'

const config = loadConfig()
const db = openConfiguredDatabase(config)
try {
  await checkDatabase(db)
} catch (error) {
  if (!(error instanceof DatabaseOpenError)) throw error
  console.error(`database error: ${error.message}`)
  await db.destroy()
  process.exit(1)
}
const result = await migrateToLatest(db)
const applied = result.results ?? []
console.log(applied.length === 0 ? 'database already up to date' : applied.map((r) => `${r.status}: ${r.migrationName}`).join('\n'))
await db.destroy()
