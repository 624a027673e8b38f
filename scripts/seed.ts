// npm run seed                     migrate, seed the demo data if the database is empty, print the logins
// npm run seed -- --accounts-json  print the demo accounts as JSON (login, password, staff, contracts and roles)
// npm run seed -- --scale N        also add a data set N times larger, for benchmarks
import { loadConfig } from '../src/config.js'
import { openConfiguredDatabase } from '../src/db/connection.js'
import { migrateToLatest } from '../src/db/migrator.js'
import { demoAccounts, describeDemoAccounts, seedDemoIfEmpty } from './seed-demo.js'
import { seedScale } from './seed-scale.js'

const args = process.argv.slice(2)

if (args.includes('--accounts-json')) {
  process.stdout.write(`${JSON.stringify(demoAccounts(), null, 2)}\n`)
} else {
  const scaleAt = args.indexOf('--scale')
  const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 0
  if (scaleAt >= 0 && !(Number.isInteger(scale) && scale > 0)) {
    console.error('--scale expects a positive whole number')
    process.exit(1)
  }
  const db = openConfiguredDatabase(loadConfig())
  await migrateToLatest(db)
  const seeded = await seedDemoIfEmpty(db, console.log)
  if (!seeded) console.log(['The demo data set is already there.', ...describeDemoAccounts()].join('\n'))
  if (scale > 0) console.log('scale data added:', await seedScale(db, scale))
  await db.destroy()
}
