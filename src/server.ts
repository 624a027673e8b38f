// The process: config → database → migrations (→ demo data on first start)
// → app → listen; SIGTERM/SIGINT stop accepting, finish requests in flight,
// close the database and exit 0.
import { buildApp } from './app.js'
import { ConfigError, loadConfig, type Config } from './config.js'
import { checkDatabase, DatabaseOpenError, openConfiguredDatabase } from './db/connection.js'
import { migrateToLatest } from './db/migrator.js'
import { startHousekeeping } from './jobs/housekeeping.js'
import { startMailDelivery } from './jobs/mail-delivery.js'
import { startScheduledJobs } from './jobs/scheduled.js'
import { seedDemoIfEmpty } from '../scripts/seed-demo.js'

async function main() {
  const config = readConfigOrExit()
  const db = openDatabaseOrExit(config)
  await checkDatabaseOrExit(db)
  await migrateToLatest(db)
  if (config.seedDemo) await seedDemoIfEmpty(db, (line) => process.stdout.write(`${line}\n`))
  const app = await buildApp({ config, db })
  app.addHook('onClose', async () => db.destroy())
  const stopHousekeeping = startHousekeeping(db, app.log)
  const stopMailDelivery = startMailDelivery({ db, config, log: app.log })
  const stopScheduledJobs = startScheduledJobs({ db, config, log: app.log })
  installShutdown(app, async () => {
    stopHousekeeping()
    stopMailDelivery()
    await stopScheduledJobs()
  })
  await app.listen({ port: config.port, host: config.host })
}

function readConfigOrExit(): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) exitWith(`configuration error: ${error.message}`)
    throw error
  }
}

function openDatabaseOrExit(config: Config) {
  try {
    return openConfiguredDatabase(config)
  } catch (error) {
    if (error instanceof DatabaseOpenError) exitWith(`database error: ${error.message}`)
    throw error
  }
}

async function checkDatabaseOrExit(db: ReturnType<typeof openConfiguredDatabase>) {
  try {
    await checkDatabase(db)
  } catch (error) {
    if (error instanceof DatabaseOpenError) exitWith(`database error: ${error.message}`)
    throw error
  }
}

function installShutdown(app: Awaited<ReturnType<typeof buildApp>>, stopJobs: () => Promise<void>) {
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down')
    // Jobs first, while the database is open: their leases are given back.
    stopJobs().catch((error: unknown) => app.log.error({ err: error }, 'stopping jobs failed')).then(() => app.close()).then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

function exitWith(line: string): never {
  process.stderr.write(`${line}\n`)
  process.exit(1)
}

main().catch((error: unknown) => {
  process.stderr.write(`startup failed: ${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
