// Runs rows of cases.ts (or admin/) against one app on one fresh in-memory
// database seeded with the demo personas: hostile.test.ts (customer space)
// and admin-hostile.test.ts (back-office) each call runHostileSuite. The rows say what each bad request must get;
// this file adds the rules every row obeys (see the top of cases.ts), and
// builds the state a row asks for in `request.setup` (a pending second
// factor, a password link, a notification, another signed-in browser, an
// add-user wizard at step 2 or 3...). To
// cover a new form, add rows in cases.ts; a new kind of state is one more
// field of HostileSetup and one more step in prepare() below.
import type { Test } from 'tap'
import { sql } from 'kysely'
import otplib from 'otplib'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { catalogs, translator } from '../../src/i18n/index.js'
import type { DB } from '../../src/db/database.js'
import { createPasswordToken } from '../../src/features/password/password-tokens.queries.js'
import { regenerateRecoveryCodes } from '../../src/features/security/recovery-codes.js'
import { sessionHandle } from '../../src/features/security/security.queries.js'
import { totpBox } from '../../src/features/security/totp.js'
import { buildTestApp } from '../helpers/app.js'
import { Client } from '../helpers/client.js'
import { DEMO_PASSWORD, seedPersonas } from '../helpers/personas.js'
import { CHECKED_TABLES, type CheckedTable, type HostileCase, type HostileRequest, type MessageRef } from './cases.js'

// The only script a page may carry: the progressive-enhancement file, from our origin.
const OWN_SCRIPT = '<script src="/public/js/portal.js" defer></script>'

// Set by runHostileSuite: one app and database per test file.
let app: FastifyInstance
let routed: FastifyInstance

// Each row's own request comes from its own address: the per-address limits of
// the forms (5 or 10 a minute) would otherwise answer 429 after a few rows.
// Everything else (signing in, the setup) comes from 127.0.0.1. The limits
// are tested elsewhere, not here.
let rowAddress: string | undefined
let rowCount = 0
const nextRowAddress = () => {
  rowCount += 1
  return `10.${(rowCount >> 16) & 255}.${(rowCount >> 8) & 255}.${rowCount & 255}`
}
// ---------------------------------------------------------------- crash guard

// A bug can throw outside Fastify's error handling (e.g. from a session store
// callback): in production that is an unhandled rejection that ends the
// process. Here it is caught and reported as the failure of the row that
// caused it, and the suite goes on.
let onCrash: ((error: unknown) => void) | undefined
const strayCrashes: unknown[] = []
const crashListener = (error: unknown) => (onCrash ? onCrash(error) : strayCrashes.push(error))
type Outcome = { response: LightMyRequestResponse } | { crash: Error }

function guarded(send: () => Promise<LightMyRequestResponse>): Promise<Outcome> {
  return new Promise((resolve) => {
    let done = false
    const finish = (outcome: Outcome) => {
      if (done) return
      done = true
      clearTimeout(timer)
      onCrash = undefined
      resolve(outcome)
    }
    const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)))
    const timer = setTimeout(() => finish({ crash: new Error('no answer within 10 s') }), 10_000)
    onCrash = (error) => finish({ crash: asError(error) })
    send().then((response) => finish({ response }), (error: unknown) => finish({ crash: asError(error) }))
  })
}

// ---------------------------------------------------------------- requests

async function clientFor(request: HostileRequest): Promise<Client> {
  if (request.as) return signIn(request.as)
  const client = new Client(routed, request.acceptLanguage ? { 'accept-language': request.acceptLanguage } : {})
  if (!request.noSession) await client.get('/login') // a session and a CSRF token, as a browser has
  return client
}

// ---------------------------------------------------------------- setup

const { authenticator } = otplib
/** The one TOTP secret of every persona the setup turns two factors on for. */
const TOTP_SECRET = authenticator.generateSecret(20)
const totpCode = () => authenticator.generate(TOTP_SECRET)

async function userIdOf(login: string): Promise<number> {
  const row = await app.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst()
  if (!row) throw new Error(`setup: no demo persona ${login}`)
  return row.id
}

async function isStaff(login: string): Promise<boolean> {
  const row = await app.db.selectFrom('users').select('is_staff').where('login', '=', login).executeTakeFirst()
  return row?.is_staff === 1
}

async function sessionIdsOf(userId: number): Promise<string[]> {
  const rows = await app.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()
  return rows.map((row) => row.id)
}

/** A browser signed in as the persona through the real pages, second factor included. */
async function signIn(login: string): Promise<Client> {
  const client = new Client(routed)
  await client.get('/login')
  let response = await client.post('/login', { login, password: DEMO_PASSWORD })
  if (response.headers.location === '/login/2fa') {
    await client.get('/login/2fa')
    response = await client.post('/login/2fa', { code: totpCode() })
  }
  if (response.statusCode !== 303 || response.headers.location !== '/') {
    throw new Error(`setup: signing in as ${login} failed: ${response.statusCode} ${String(response.headers.location)}`)
  }
  // Staff land on /admin: a page with the forms (and CSRF token) they post from.
  const home = await client.get('/')
  if (home.headers.location === '/admin') await client.get('/admin')
  return client
}

interface Prepared {
  client: Client
  /** `{name}` in the row's URL, fields and body → its value. */
  placeholders: Record<string, () => string>
  /** The browser of `setup.otherSession`. */
  other?: Client
}

/** Signs the row's client in and builds the state its setup asks for, before the "nothing written" snapshot. */
async function prepare(request: HostileRequest): Promise<Prepared> {
  const setup = request.setup ?? {}
  const placeholders: Prepared['placeholders'] = {}
  const db = app.db

  // Staff must use two factors: a staff persona signs in with a code.
  if (request.as && !setup.totp && await isStaff(request.as)) {
    await db.updateTable('users').set({
      totp_secret: totpBox(app.config.sessionSecret).seal(TOTP_SECRET), totp_enabled_at: new Date().toISOString(), totp_last_step: null,
    }).where('login', '=', request.as).execute()
  }

  // Two factors first: signing in as that persona goes through the code.
  if (setup.totp) {
    const { login, state } = setup.totp
    const current = await db.selectFrom('users').select('totp_enabled_at').where('login', '=', login).executeTakeFirstOrThrow()
    await db.updateTable('users').set({
      totp_secret: totpBox(app.config.sessionSecret).seal(TOTP_SECRET),
      totp_enabled_at: state === 'on' ? current.totp_enabled_at ?? new Date().toISOString() : null,
      totp_last_step: null,
    }).where('login', '=', login).execute()
    if (state === 'on') {
      const userId = await userIdOf(login) // not inside the transaction: it holds the one connection
      const [code] = await db.transaction().execute((trx) => regenerateRecoveryCodes(trx, userId))
      placeholders.recovery = () => code!
    }
  }

  const client = await clientFor(request)

  if (setup.totp) {
    // Signing in spent this step: `{totp}` is a code the app has not seen yet.
    await db.updateTable('users').set({ totp_last_step: null }).where('login', '=', setup.totp.login).execute()
    placeholders.totp = totpCode
  }

  if (setup.pendingSecondFactor) {
    const { login, next } = setup.pendingSecondFactor
    const response = await client.post('/login', { login, password: DEMO_PASSWORD, ...(next === undefined ? {} : { next }) })
    if (response.headers.location !== '/login/2fa') throw new Error(`setup: ${login} is not asked for a second factor (${response.statusCode})`)
    await client.get('/login/2fa')
  }

  if (setup.passwordToken) {
    const { login, state = 'valid', purpose = 'reset' } = setup.passwordToken
    const userId = await userIdOf(login)
    const token = await createPasswordToken(db, userId, purpose)
    const past = new Date(Date.now() - 60_000).toISOString()
    if (state === 'used') await db.updateTable('password_tokens').set({ used_at: past }).where('user_id', '=', userId).where('used_at', 'is', null).execute()
    if (state === 'expired') await db.updateTable('password_tokens').set({ expires_at: past }).where('user_id', '=', userId).where('used_at', 'is', null).execute()
    placeholders.token = () => token
  }

  if (setup.notification) {
    const row = await db.insertInto('notifications').values({
      user_id: await userIdOf(setup.notification), kind: 'password_changed', params: '{}', link: null, read_at: null, created_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow()
    placeholders.notification = () => String(row.id)
  }

  let other: Client | undefined
  if (setup.otherSession) {
    const userId = await userIdOf(setup.otherSession)
    const before = new Set(await sessionIdsOf(userId))
    other = await signIn(setup.otherSession)
    const created = (await sessionIdsOf(userId)).filter((id) => !before.has(id))
    if (created.length !== 1) throw new Error(`setup: expected one new session of ${setup.otherSession}, got ${created.length}`)
    placeholders.session = () => sessionHandle(created[0]!)
  }

  if (setup.wizard) {
    const { contract, person, roles } = setup.wizard
    const step = async (url: string, form: Record<string, string>, next: string) => {
      await client.get(url) // the page of the step, and its CSRF token
      const response = await client.post(url.replace(/\?.*$/, ''), { contract, ...form })
      if (response.statusCode !== 303 || response.headers.location !== next) {
        throw new Error(`setup: wizard step ${url} answered ${response.statusCode} ${String(response.headers.location)}`)
      }
    }
    await step(`/rights/new?contract=${contract}`, person, `/rights/new/roles?contract=${contract}`)
    if (roles) await step(`/rights/new/roles?contract=${contract}`, roles, `/rights/new/summary?contract=${contract}`)
    await client.get(roles ? `/rights/new/summary?contract=${contract}` : `/rights/new/roles?contract=${contract}`)
  }

  if (setup.lock) {
    await db.updateTable('users').set({ locked_until: new Date(Date.now() + 15 * 60_000).toISOString() }).where('login', '=', setup.lock).execute()
  }

  return { client, placeholders, ...(other ? { other } : {}) }
}

/** The row's request with `{name}` placeholders filled in (`{csrf}` of a raw body aside: send() fills it). */
function fill(request: HostileRequest, placeholders: Prepared['placeholders']): HostileRequest {
  const replace = (text: string) =>
    text.replace(/\{([a-z]+)\}/g, (whole, name: string) => {
      if (name === 'csrf') return whole
      const value = placeholders[name]
      if (!value) throw new Error(`the row uses {${name}} but its setup does not provide it`)
      return value()
    })
  const form = request.form && Object.fromEntries(
    Object.entries(request.form).map(([name, value]) => [replace(name), Array.isArray(value) ? value.map(replace) : replace(value)]),
  )
  return {
    ...request,
    url: replace(request.url),
    ...(form ? { form } : {}),
    ...(request.body ? { body: { ...request.body, payload: replace(request.body.payload) } } : {}),
  }
}

const FORGED_TOKEN = 'AAAAAAAA-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

async function send(client: Client, request: HostileRequest): Promise<LightMyRequestResponse> {
  if (request.method === 'GET') return client.get(request.url)
  if (request.body) {
    const token = request.noSession ? '' : client.csrfToken()
    const cookie = ['ccs_session', 'lang']
      .flatMap((name) => (client.cookie(name) ? [`${name}=${client.cookie(name)}`] : []))
      .join('; ')
    return routed.inject({
      method: 'POST',
      url: request.url,
      payload: request.body.payload.replaceAll('{csrf}', token),
      headers: {
        'content-type': request.body.contentType,
        ...(request.acceptLanguage ? { 'accept-language': request.acceptLanguage } : {}),
        ...(cookie ? { cookie } : {}),
      },
    })
  }
  const form: Record<string, string | string[] | null> = { ...request.form }
  switch (request.csrf ?? 'valid') {
    case 'valid': break // Client.post adds the token of the last page
    case 'missing': form._csrf = null; break
    case 'forged': form._csrf = FORGED_TOKEN; break
    case 'repeated': form._csrf = [client.csrfToken(), client.csrfToken()]; break
    case 'other-session': {
      const other = new Client(routed)
      await other.get('/login')
      form._csrf = other.csrfToken()
      break
    }
  }
  return client.post(request.url, form)
}

// ---------------------------------------------------------------- "nothing written"

// Every table whose content a refused request must leave alone. Not sessions
// (visiting a page creates one) nor rate_counters (a login attempt counts), nor
// job_leases (the mail delivery job's, not started here).
// The list is CHECKED_TABLES in cases.ts (a row's `mayWrite` names some of them).
type Snapshot = Record<CheckedTable, string[]>

async function snapshot(db: DB, userMayChange: HostileCase['expect']['userMayChange']): Promise<Snapshot> {
  const result = {} as Snapshot
  for (const table of CHECKED_TABLES) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)
    result[table] = rows
      .map((row) => {
        if (table === 'users' && userMayChange && row.login === userMayChange.login) {
          for (const column of userMayChange.columns) row[column] = '(may change)'
        }
        return JSON.stringify(row)
      })
      .sort()
  }
  return result
}

// ---------------------------------------------------------------- page checks

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** A local path: one slash then no slash or backslash, printable ASCII only. */
const SAFE_LOCATION = /^\/(?![/\\])[\x21-\x7E]*$|^\/$/

/** Links, form actions and next/back fields of the page that do not stay on the site. A
 * `mailto:` link to one plain address (an account manager's) is not a way off the site. */
function offsiteTargets(html: string): string[] {
  const links = [...html.matchAll(/\s(?:href|src|action|formaction)="([^"]*)"/g)].map((match) => unescapeHtml(match[1] ?? ''))
  const fields = [...html.matchAll(/name="(?:next|back)" value="([^"]*)"/g)].map((match) => unescapeHtml(match[1] ?? ''))
  const mailto = /^mailto:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/
  return [...links.filter((target) => !mailto.test(target)), ...fields]
    .filter((target) => !/^(?:#|\/(?![/\\]))/.test(target.trim()) || /[\u0000-\u001F]/.test(target))
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&(quot|lt|gt|amp);/g, (_, name: string) => ({ quot: '"', lt: '<', gt: '>', amp: '&' })[name as 'quot']!)

/** The page with what differs from one visit to the next blanked out. */
const comparable = (html: string) =>
  html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""').replace(/name="back" value="[^"]*"/g, 'name="back" value=""')

async function pageLanguage(client: Client): Promise<string | undefined> {
  let page = await client.get('/login')
  if (page.statusCode === 302) page = await client.get('/')
  return /<html lang="([a-z]+)"/.exec(page.body)?.[1]
}

/** The text of a catalog message, with its parameters, in `lang`. */
function messageText(lang: 'en' | 'fr', message: MessageRef): { key: string; text: string } {
  if (typeof message === 'string') return { key: message, text: catalogs[lang][message] }
  return { key: message.key, text: translator(lang).t(message.key, message.params) }
}

async function runCase(t: Test, kase: HostileCase): Promise<void> {
  const { expect } = kase
  const lang = expect.lang ?? 'en'
  let prepared: Prepared
  try {
    prepared = await prepare(kase.request)
  } catch (error) {
    t.fail(`the row's setup works (got: ${error instanceof Error ? error.message : String(error)})`)
    return
  }
  const { client, placeholders, other } = prepared
  const request = fill(kase.request, placeholders)
  const before = await snapshot(app.db, expect.userMayChange)
  rowAddress = nextRowAddress()
  const outcome = await guarded(() => send(client, request)).finally(() => { rowAddress = undefined })

  if ('crash' in outcome) {
    t.fail(`answers without crashing the process (got: ${outcome.crash.message})`)
  } else {
    const response = outcome.response
    const body = response.body
    const location = String(response.headers.location ?? '')
    const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join('\n')
    const statuses = Array.isArray(expect.status) ? expect.status : [expect.status]

    t.ok(response.statusCode < 500, `no 5xx (got ${response.statusCode}: ${body.slice(0, 200)})`)
    t.ok(statuses.includes(response.statusCode), `status ${statuses.join(' or ')} (got ${response.statusCode})`)
    t.ok(response.headers['content-security-policy'], 'carries the Content-Security-Policy header')
    t.equal(response.headers['x-content-type-options'], 'nosniff', 'carries X-Content-Type-Options: nosniff')
    t.notMatch(body.replace(OWN_SCRIPT, ''), /<script/i, 'no raw <script in the page but our own enhancement script')
    t.notMatch(setCookie, /hostile/, 'no cookie set from the input')
    t.same(offsiteTargets(body), [], 'no link, form action, next or back field leaves the site')

    if (response.statusCode >= 300 && response.statusCode < 400) {
      t.match(location, SAFE_LOCATION, `redirects to a local ASCII path (got ${JSON.stringify(location)})`)
      if (typeof expect.location === 'string') t.equal(location, expect.location, 'redirects where expected')
      else if (expect.location) t.match(location, expect.location, 'redirects where expected')
    } else {
      t.match(String(response.headers['content-type']), /^text\/html/, 'answers an HTML page')
      t.match(body, `<html lang="${lang}">`, `page in ${lang}`)
      for (const message of expect.messages ?? []) {
        const { key, text } = messageText(lang, message)
        t.ok(body.includes(escapeHtml(text)), `shows the ${lang} text of ${key}: "${text}"`)
      }
    }
    if (expect.echoed !== undefined) {
      t.ok(body.includes(escapeHtml(expect.echoed)), 'shows the value back, escaped')
      if (escapeHtml(expect.echoed) !== expect.echoed) t.notOk(body.includes(expect.echoed), 'never shows the raw value')
    }
    for (const text of expect.contains ?? []) t.ok(body.includes(text), `page contains ${text}`)
    for (const text of expect.absent ?? []) {
      t.notOk(body.includes(text), `"${text}" is not in the page`)
      t.notOk(location.includes(text), `"${text}" is not in the Location`)
      t.notOk(setCookie.includes(text), `"${text}" is not in a cookie`)
    }
    if (expect.sameBodyAs) {
      const reference = await client.get(expect.sameBodyAs)
      t.equal(response.statusCode, reference.statusCode, `same status as ${expect.sameBodyAs}`)
      t.ok(comparable(body) === comparable(reference.body), `same page as ${expect.sameBodyAs} (nothing tells the two apart)`)
    }
  }

  const after = await snapshot(app.db, expect.userMayChange)
  for (const table of CHECKED_TABLES) {
    if (expect.mayWrite?.includes(table)) continue
    t.equal(after[table].length, before[table].length, `${table}: same row count`)
    t.same(after[table], before[table], `${table}: rows unchanged`)
  }
  if (expect.notStored) {
    const written = CHECKED_TABLES.flatMap((table) => after[table].filter((row) => !before[table].includes(row)).map((row) => `${table} ${row}`))
    for (const text of expect.notStored) t.same(written.filter((row) => row.includes(text)), [], `no row written holds ${JSON.stringify(text)}`)
  }
  if (expect.signedInAfter !== undefined) {
    const home = await client.get('/')
    t.equal(home.statusCode, expect.signedInAfter ? 200 : 302, expect.signedInAfter ? 'still signed in' : 'not signed in')
  }
  if (expect.otherSignedInAfter !== undefined) {
    if (!other) throw new Error('otherSignedInAfter needs setup.otherSession')
    const home = await other.get('/')
    t.equal(home.statusCode, expect.otherSignedInAfter ? 200 : 302, expect.otherSignedInAfter ? 'the other browser is still signed in' : 'the other browser is signed out')
  }
  if (expect.langAfter) t.equal(await pageLanguage(client), expect.langAfter, `pages are in ${expect.langAfter} afterwards`)
}

// ---------------------------------------------------------------- the suite

/** Runs `forms` (rows of cases.ts or admin/) against one app on a fresh
 * database seeded with the demo personas: one call per test file, so that
 * each file stays within tap's time limit. */
export async function runHostileSuite(t: Test, HOSTILE_CASES: Array<[form: string, cases: HostileCase[]]>): Promise<void> {
  app = await buildTestApp(t, {
    // Dozens of login attempts from one address and on a few accounts: the
    // throttles and the lock are tested elsewhere, not here.
    config: { loginRateLimitPerIp: 10_000, loginRateLimitPerLogin: 10_000, loginMaxFailures: 1_000 },
  })
  await seedPersonas(app.db)
  routed = new Proxy(app, {
    get(target, property, receiver) {
      if (property === 'inject') {
        return (options: InjectOptions) => target.inject({ remoteAddress: rowAddress ?? '127.0.0.1', ...options })
      }
      return Reflect.get(target, property, receiver) as unknown
    },
  }) as FastifyInstance


  process.on('unhandledRejection', crashListener)
  process.on('uncaughtException', crashListener)
  t.teardown(() => {
    process.off('unhandledRejection', crashListener)
    process.off('uncaughtException', crashListener)
  })

  t.test('the hostile table is well formed', async (t) => {
    const all = HOSTILE_CASES.flatMap(([, cases]) => cases)
    const names = all.map((kase) => kase.name)
    t.same(names.filter((name, i) => names.indexOf(name) !== i), [], 'every row has its own name')
    for (const kase of all) {
      const statuses = Array.isArray(kase.expect.status) ? kase.expect.status : [kase.expect.status]
      if (statuses.some((status) => status >= 400)) t.ok(kase.expect.messages?.length, `${kase.name}: names its localized message`)
      if (statuses.some((status) => status >= 300 && status < 400)) t.ok(kase.expect.location, `${kase.name}: says where it redirects`)
      if (kase.expect.otherSignedInAfter !== undefined) t.ok(kase.request.setup?.otherSession, `${kase.name}: otherSignedInAfter comes with setup.otherSession`)
      if (kase.expect.notStored) t.ok(kase.expect.mayWrite?.length, `${kase.name}: notStored is for a request that may write (mayWrite)`)
    }
  })

  // Rows marked todo are known bugs: tap reports them as TODO without running
  // them. HOSTILE_TODO=run runs them as ordinary tests, to watch them fail or to
  // check a fix: `HOSTILE_TODO=run npx tap test/hostile/ --disable-coverage`.
  const runTodo = process.env.HOSTILE_TODO === 'run'

  for (const [form, cases] of HOSTILE_CASES) {
    t.test(`hostile input to ${form}`, async (t) => {
      for (const kase of cases) {
        const options = kase.todo && !runTodo ? { todo: kase.todo } : {}
        await t.test(kase.todo && runTodo ? `${kase.name} (known bug: ${kase.todo})` : kase.name, options, (t) => runCase(t, kase))
      }
    })
  }

  t.test('no error escaped the requests after their row ended', async (t) => {
    t.same(strayCrashes.map(String), [], 'no stray unhandled rejection or exception')
  })
}
