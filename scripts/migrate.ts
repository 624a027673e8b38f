// npm run migrate: brings the configured database up to date.
import { loadConfig } from '../src/config.js'
import { checkDatabase, openConfiguredDatabase } from '../src/db/connection.js'
import { migrateToLatest } from '../src/db/migrator.js'

const config = loadConfig()
const db = openConfiguredDatabase(config)
await checkDatabase(db)
const result = await migrateToLatest(db)
const applied = result.results ?? []
console.log(applied.length === 0 ? 'database already up to date' : applied.map((r) => `${r.status}: ${r.migrationName}`).join('\n'))
await db.destroy()
