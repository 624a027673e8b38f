// Environment → typed, validated configuration. A wrong value stops the
// process with one line naming the variable (see server.ts), before anything
// else starts.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export interface Config {
  nodeEnv: 'development' | 'production' | 'test'
  host: string
  port: number
  databaseUrl: string
  /** Path of the SQLite file, or ':memory:'; null when DATABASE_URL is PostgreSQL's. */
  sqlitePath: string | null
  /** Connections each instance keeps to PostgreSQL (instances × this < max_connections). */
  databasePoolSize: number
  sessionSecret: string
  smtpUrl: string | null
  mailFrom: string
  publicUrl: string
  /** Secure cookies: true when PUBLIC_URL is https or COOKIE_SECURE=true. */
  cookieSecure: boolean
  trustProxy: boolean | string
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  seedDemo: boolean
  sessionIdleMinutes: number
  sessionMaxHours: number
  loginMaxFailures: number
  loginLockMinutes: number
  /** Attempts per IP address per minute on POST /login. */
  loginRateLimitPerIp: number
  /** Attempts per login per 15 minutes, successful or not. */
  loginRateLimitPerLogin: number
  bodyLimitBytes: number
  /** Addresses of the technical consoles ({contract} is replaced by the contract code); no link without them. */
  consoleUrls: { fe: string | null; backup: string | null }
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`)
  }
}

type Env = Record<string, string | undefined>

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development')
  const databaseUrl = env.DATABASE_URL ?? 'sqlite:./data/portal.db'
  const sqlitePath = parseDatabaseUrl(databaseUrl)
  const port = integer(env, 'PORT', 3000, 0, 65535)
  const publicUrl = url(env, 'PUBLIC_URL', `http://127.0.0.1:${port}`)
  return {
    nodeEnv,
    host: env.HOST ?? '127.0.0.1',
    port,
    databaseUrl,
    sqlitePath,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    sessionSecret: sessionSecret(env, nodeEnv, sqlitePath),
    smtpUrl: optionalUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM ?? 'Cloud Customer Space <no-reply@localhost>',
    publicUrl,
    cookieSecure: boolean(env, 'COOKIE_SECURE', publicUrl.startsWith('https:')),
    trustProxy: trustProxy(env),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    // Demo accounts share a published password: never seeded in production unless asked.
    seedDemo: boolean(env, 'SEED_DEMO', nodeEnv !== 'production'),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30),
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: integer(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginRateLimitPerIp: integer(env, 'LOGIN_RATE_LIMIT_PER_IP', 20, 1, 10_000),
    loginRateLimitPerLogin: integer(env, 'LOGIN_RATE_LIMIT_PER_LOGIN', 10, 1, 10_000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    consoleUrls: { fe: optionalUrl(env, 'CONSOLE_FE_URL', ['https:', 'http:']), backup: optionalUrl(env, 'CONSOLE_BACKUP_URL', ['https:', 'http:']) },
  }
}

// The SQLite path, or null for a PostgreSQL URL (postgres://user:password@host:port/database).
function parseDatabaseUrl(databaseUrl: string): string | null {
  if (databaseUrl === ':memory:' || databaseUrl === 'sqlite::memory:') return ':memory:'
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '')
    if (path.length > 0) return path
  }
  if (/^postgres(ql)?:/.test(databaseUrl)) {
    let parsed: URL | undefined
    try {
      parsed = new URL(databaseUrl)
    } catch { /* reported below */ }
    if (parsed && parsed.hostname !== '' && parsed.pathname.length > 1) return null
    throw new ConfigError('DATABASE_URL', 'expected postgres://user:password@host:port/database')
  }
  // Without what follows the scheme: a mistyped postgres URL carries a password.
  throw new ConfigError('DATABASE_URL', `expected sqlite:<path>, sqlite::memory: or postgres://…, got "${databaseUrl.split(':')[0]}:…"`)
}

// Outside production a secret is generated once and kept beside the database,
// so a restart does not log everybody out.
function sessionSecret(env: Env, nodeEnv: Config['nodeEnv'], sqlitePath: string | null): string {
  const given = env.SESSION_SECRET
  if (given !== undefined) {
    if (given.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long')
    return given
  }
  if (nodeEnv === 'production') throw new ConfigError('SESSION_SECRET', 'is required when NODE_ENV=production')
  if (sqlitePath === ':memory:') return randomBytes(32).toString('hex')
  // On PostgreSQL (several instances share one secret: set SESSION_SECRET), ./data.
  const file = join(sqlitePath === null ? './data' : dirname(sqlitePath), 'session-secret')
  try {
    if (existsSync(file)) return readFileSync(file, 'utf8').trim()
    mkdirSync(dirname(file), { recursive: true })
    const secret = randomBytes(32).toString('hex')
    writeFileSync(file, secret, { mode: 0o600 })
    return secret
  } catch (error) {
    throw new ConfigError('SESSION_SECRET', `not set, and no generated one can be kept in ${dirname(file)} (${(error as Error).message})`)
  }
}

function trustProxy(env: Env): Config['trustProxy'] {
  const value = env.TRUST_PROXY
  if (value === undefined || value === '' || value === 'false') return false
  if (value === 'true') return true
  // A list of proxy addresses or CIDR ranges: the safe form (see PITFALLS.md).
  if (/^[0-9a-fA-F.:/,\s]+$/.test(value)) return value
  throw new ConfigError('TRUST_PROXY', 'expected true, false or a comma-separated list of proxy addresses')
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  if (!/^\d+$/.test(value)) throw new ConfigError(name, `expected a whole number, got "${value}"`)
  const n = Number(value)
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`)
  return n
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  if (value === 'true' || value === '1') return true
  if (value === 'false' || value === '0') return false
  throw new ConfigError(name, `expected true or false, got "${value}"`)
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${value}"`)
}

function url(env: Env, name: string, fallback: string): string {
  const value = env[name] ?? fallback
  try {
    const parsed = new URL(value)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol')
    return value.replace(/\/+$/, '')
  } catch {
    throw new ConfigError(name, `expected an http(s) URL, got "${value}"`)
  }
}

function optionalUrl(env: Env, name: string, protocols: string[]): string | null {
  const value = env[name]
  if (value === undefined || value === '') return null
  try {
    if (protocols.includes(new URL(value).protocol)) return value
  } catch { /* reported below */ }
  throw new ConfigError(name, `expected a URL starting with ${protocols.join(' or ')}`)
}

/** A configuration for tests: in-memory database, quiet logs, fixed secret. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', SEED_DEMO: 'false' }),
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    ...overrides,
  }
}
