// A fresh app on a fresh in-memory database, closed when the test ends.
// With TEST_POSTGRES_URL set, the fresh database is a PostgreSQL database of
// the test's own instead (test/helpers/postgres.ts), copied from a migrated template.
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppDeps } from '../../src/app.js'
import { testConfig, type Config } from '../../src/config.js'
import { openDatabase } from '../../src/db/connection.js'
import type { DB } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { freshMigratedPostgresDatabase, testPostgresUrl } from './postgres.js'

interface Teardown {
  teardown(fn: () => unknown): void
}

export async function freshDatabase(t: Teardown): Promise<DB> {
  if (testPostgresUrl) {
    const { db } = await freshMigratedPostgresDatabase(t)
    return db
  }
  const db = openDatabase(':memory:')
  await migrateToLatest(db)
  t.teardown(() => db.destroy())
  return db
}

export async function buildTestApp(
  t: Teardown,
  options: { config?: Partial<Config>; db?: DB; extraRoutes?: AppDeps['extraRoutes']; logStream?: AppDeps['logStream'] } = {},
): Promise<FastifyInstance> {
  const db = options.db ?? (await freshDatabase(t))
  const app = await buildApp({ ...options, config: testConfig(options.config), db })
  await app.ready()
  t.teardown(() => app.close())
  return app
}
