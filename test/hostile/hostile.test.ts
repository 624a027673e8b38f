// Runs every row of cases.ts against one app on one fresh in-memory database
// seeded with the demo personas. The rows say what each bad request must get;
// this file adds the rules every row obeys (see the top of cases.ts). To cover
// a new form, add rows in cases.ts: nothing to change here.
import t, { type Test } from 'tap'
import { sql } from 'kysely'
import type { LightMyRequestResponse } from 'fastify'
import { catalogs } from '../../src/i18n/index.js'
import type { DB } from '../../src/db/database.js'
import { buildTestApp } from '../helpers/app.js'
import { Client } from '../helpers/client.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { HOSTILE_CASES, type HostileCase, type HostileRequest } from './cases.js'

// The only script a page may carry: the progressive-enhancement file, from our origin.
const OWN_SCRIPT = '<script src="/public/js/portal.js" defer></script>'

const app = await buildTestApp(t, {
  // Dozens of login attempts from one address and on a few accounts: the
  // throttles and the lock are tested elsewhere, not here.
  config: { loginRateLimitPerIp: 10_000, loginRateLimitPerLogin: 10_000, loginMaxFailures: 1_000 },
})
await seedPersonas(app.db)

// ---------------------------------------------------------------- crash guard

// A bug can throw outside Fastify's error handling (e.g. from a session store
// callback): in production that is an unhandled rejection that ends the
// process. Here it is caught and reported as the failure of the row that
// caused it, and the suite goes on.
let onCrash: ((error: unknown) => void) | undefined
const strayCrashes: unknown[] = []
const crashListener = (error: unknown) => (onCrash ? onCrash(error) : strayCrashes.push(error))
process.on('unhandledRejection', crashListener)
process.on('uncaughtException', crashListener)
t.teardown(() => {
  process.off('unhandledRejection', crashListener)
  process.off('uncaughtException', crashListener)
})

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
  if (request.as) return loginAs(app, request.as)
  const client = new Client(app, request.acceptLanguage ? { 'accept-language': request.acceptLanguage } : {})
  if (!request.noSession) await client.get('/login') // a session and a CSRF token, as a browser has
  return client
}

const FORGED_TOKEN = 'AAAAAAAA-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

async function send(client: Client, request: HostileRequest): Promise<LightMyRequestResponse> {
  if (request.method === 'GET') return client.get(request.url)
  if (request.body) {
    const token = request.noSession ? '' : client.csrfToken()
    const cookie = ['ccs_session', 'lang']
      .flatMap((name) => (client.cookie(name) ? [`${name}=${client.cookie(name)}`] : []))
      .join('; ')
    return app.inject({
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
      const other = new Client(app)
      await other.get('/login')
      form._csrf = other.csrfToken()
      break
    }
  }
  return client.post(request.url, form)
}

// ---------------------------------------------------------------- "nothing written"

// Every table whose content a refused request must leave alone. Not sessions
// (visiting a page creates one) nor rate_counters (a login attempt counts).
const CHECKED_TABLES = ['users', 'contracts', 'contract_roles', 'console_roles', 'audit_log', 'companies'] as const
type Snapshot = Record<(typeof CHECKED_TABLES)[number], string[]>

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

/** Links, form actions and next/back fields of the page that do not stay on the site. */
function offsiteTargets(html: string): string[] {
  const targets = [
    ...html.matchAll(/\s(?:href|src|action|formaction)="([^"]*)"/g),
    ...html.matchAll(/name="(?:next|back)" value="([^"]*)"/g),
  ].map((match) => unescapeHtml(match[1] ?? ''))
  return targets.filter((target) => !/^(?:#|\/(?![/\\]))/.test(target.trim()) || /[\u0000-\u001F]/.test(target))
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

async function runCase(t: Test, kase: HostileCase): Promise<void> {
  const { request, expect } = kase
  const lang = expect.lang ?? 'en'
  const client = await clientFor(request)
  const before = await snapshot(app.db, expect.userMayChange)
  const outcome = await guarded(() => send(client, request))

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
      for (const key of expect.messages ?? []) {
        t.ok(body.includes(escapeHtml(catalogs[lang][key])), `shows the ${lang} text of ${key}: "${catalogs[lang][key]}"`)
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
    t.equal(after[table].length, before[table].length, `${table}: same row count`)
    t.same(after[table], before[table], `${table}: rows unchanged`)
  }
  if (expect.signedInAfter !== undefined) {
    const home = await client.get('/')
    t.equal(home.statusCode, expect.signedInAfter ? 200 : 302, expect.signedInAfter ? 'still signed in' : 'not signed in')
  }
  if (expect.langAfter) t.equal(await pageLanguage(client), expect.langAfter, `pages are in ${expect.langAfter} afterwards`)
}

// ---------------------------------------------------------------- the suite

t.test('the hostile table is well formed', async (t) => {
  const all = HOSTILE_CASES.flatMap(([, cases]) => cases)
  const names = all.map((kase) => kase.name)
  t.same(names.filter((name, i) => names.indexOf(name) !== i), [], 'every row has its own name')
  for (const kase of all) {
    const statuses = Array.isArray(kase.expect.status) ? kase.expect.status : [kase.expect.status]
    if (statuses.some((status) => status >= 400)) t.ok(kase.expect.messages?.length, `${kase.name}: names its localized message`)
    if (statuses.some((status) => status >= 300 && status < 400)) t.ok(kase.expect.location, `${kase.name}: says where it redirects`)
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
