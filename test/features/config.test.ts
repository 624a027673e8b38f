import t from 'tap'
import { ConfigError, loadConfig } from '../../src/config.js'

const base = { DATABASE_URL: 'sqlite::memory:' }

t.test('defaults: port 3000 on loopback, embedded SQLite, 30 min idle / 12 h sessions, 5 failures lock 15 min', async (t) => {
  const config = loadConfig({ DATABASE_URL: 'sqlite::memory:' })
  t.equal(config.port, 3000)
  t.equal(config.host, '127.0.0.1')
  t.equal(config.sqlitePath, ':memory:')
  t.equal(config.sessionIdleMinutes, 30)
  t.equal(config.sessionMaxHours, 12)
  t.equal(config.loginMaxFailures, 5)
  t.equal(config.loginLockMinutes, 15)
  t.equal(config.cookieSecure, false)
  t.equal(loadConfig({}).sqlitePath, './data/portal.db')
})

t.test('a postgres:// or postgresql:// DATABASE_URL selects PostgreSQL: kept whole, no SQLite path', async (t) => {
  for (const url of ['postgres://portal:secret@db.internal:5432/portal', 'postgresql://localhost/portal']) {
    const config = loadConfig({ DATABASE_URL: url, SESSION_SECRET: 'x'.repeat(32) })
    t.equal(config.databaseUrl, url)
    t.equal(config.sqlitePath, null)
  }
})

t.test('each wrong value is refused with an error naming its variable', async (t) => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ PORT: '-1' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://localhost' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgresql://' }, 'DATABASE_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
    [{ PUBLIC_URL: 'ftp://portal' }, 'PUBLIC_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ SEED_DEMO: 'perhaps' }, 'SEED_DEMO'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
  ]
  for (const [env, variable] of cases) {
    t.throws(() => loadConfig({ ...base, ...env }), new ConfigError(variable, ''), `${JSON.stringify(env)} → ${variable}`)
  }
})

t.test('a DATABASE_URL with an unknown scheme is refused without repeating its password', async (t) => {
  const error = t.throws(() => loadConfig({ DATABASE_URL: 'postgress://portal:s3cret@db:5432/portal' })) as Error
  t.match(error.message, 'postgress:')
  t.notMatch(error.message, 's3cret')
})

t.test('an https PUBLIC_URL makes the session cookie Secure', async (t) => {
  t.equal(loadConfig({ ...base, PUBLIC_URL: 'https://portal.example.com' }).cookieSecure, true)
  t.equal(loadConfig({ ...base, PUBLIC_URL: 'http://portal.example.com', COOKIE_SECURE: 'true' }).cookieSecure, true)
})

t.test('without SESSION_SECRET outside production, one is generated once and kept beside the database', async (t) => {
  const dir = t.testdir()
  const first = loadConfig({ DATABASE_URL: `sqlite:${dir}/portal.db` }).sessionSecret
  const second = loadConfig({ DATABASE_URL: `sqlite:${dir}/portal.db` }).sessionSecret
  t.equal(first.length, 64)
  t.equal(second, first)
})
