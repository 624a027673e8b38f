// What the browser journeys (test/browser/) stand on: the real server on a
// loopback port with a fresh seeded database, Debian's Chromium with a fresh
// profile, and the checks every page a journey visits gets: a screenshot,
// <html lang>, headings in order, labelled inputs, a visible keyboard focus,
// axe-core, and no CSP violation, script error or missing file.
//
// This project compiles without the DOM library (it is a server), so the
// functions that run inside the page reach the DOM through `globalThis`, typed
// by the small interfaces below. Playwright sends those functions to the
// browser as text: they must not use anything else from this module.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core'
import type * as AxeApi from 'axe-core'
import type { Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { testConfig, type Config } from '../../src/config.js'
import { openDatabase } from '../../src/db/connection.js'
import type { DB } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { deliverDueEmails, type DeliveryReport } from '../../src/jobs/mail-delivery.js'
import { smtpTransport } from '../../src/mail/transport.js'
import { seedDemo } from '../../scripts/seed-demo.js'
import { freshPostgresDatabase, testPostgresUrl } from './postgres.js'

export type Locale = 'en' | 'fr'

// ---------------------------------------------------------------------------
// The server

export interface Portal {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string
  app: FastifyInstance
  db: DB
}

/** The whole app on a random loopback port, over a fresh database seeded
 * with the demo data (scripts/seed-demo.ts): an SQLite file, not :memory:, so
 * the database behaves as in production (WAL, one connection per process); or,
 * with TEST_POSTGRES_URL, a PostgreSQL database of the journey's own. */
export async function startPortal(t: Test, config: Partial<Config> = {}): Promise<Portal> {
  const { db, databaseConfig, removeFiles } = await journeyDatabase(t)
  let app: FastifyInstance | undefined
  // One teardown, in order: stop serving, then close the database, then remove its folder.
  t.teardown(async () => {
    // The browser outlives the portal and keeps sockets open (keep-alive,
    // preconnect): without cutting them, close() waits for their timeout.
    const closing = app?.close()
    app?.server.closeAllConnections()
    await closing
    await db.destroy()
    removeFiles()
  })
  await migrateToLatest(db)
  await seedDemo(db)
  const appConfig = testConfig({ ...databaseConfig, ...config })
  app = await buildApp({ config: appConfig, db })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  // The links in emails (a reset link) are built from publicUrl when the
  // email is queued: they must lead to this server, whose port is known only
  // now. Nothing reads publicUrl earlier but to tell http from https.
  if (config.publicUrl === undefined) appConfig.publicUrl = url
  return { url, app, db }
}

interface JourneyDatabase {
  db: DB
  databaseConfig: Pick<Config, 'databaseUrl' | 'sqlitePath'>
  removeFiles(): void
}

// On PostgreSQL the database is dropped by freshPostgresDatabase's own
// teardown (its DROP … WITH (FORCE) cuts whatever connection is left).
async function journeyDatabase(t: Test): Promise<JourneyDatabase> {
  if (testPostgresUrl) {
    const { url, db } = await freshPostgresDatabase(t)
    return { db, databaseConfig: { databaseUrl: url, sqlitePath: null }, removeFiles: () => {} }
  }
  const dir = mkdtempSync(join(tmpdir(), 'ccs-browser-db-'))
  const sqlitePath = join(dir, 'portal.db')
  return {
    db: openDatabase(sqlitePath),
    databaseConfig: { databaseUrl: `sqlite:${sqlitePath}`, sqlitePath },
    removeFiles: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** What the server's mail job (src/jobs/mail-delivery.ts, started by
 * server.ts, not by buildApp) would do next: sends the portal's due outbox
 * messages to an SMTP server, e.g. test/helpers/smtp.ts's on loopback. */
export async function deliverOutbox(portal: Portal, smtpUrl: string): Promise<DeliveryReport> {
  const transport = smtpTransport(smtpUrl)
  try {
    return await deliverDueEmails(portal.db, transport, { holder: 'browser-journey', from: portal.app.config.mailFrom })
  } finally {
    transport.close()
  }
}

// ---------------------------------------------------------------------------
// The browser

const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

export type Screen = 'desktop' | 'phone'

const SCREENS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  // The narrowest screen the product promises (PRODUCT.md, "Look and feel").
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
} as const

export interface Browsing {
  /** desktop, desktop-nojs, phone, phone-nojs: used in test and folder names. */
  label: string
  screen: Screen
  javaScript: boolean
  context: BrowserContext
  /** The tab the journeys drive. */
  page: Page
  /** Where axe-core runs: the page itself, or, when JavaScript is off, a tab
   * of a JavaScript-enabled twin where the page is replayed (see audit()). */
  auditor: Page
}

export interface BrowserOptions {
  screen: Screen
  javaScript: boolean
  /** Required when javaScript is false: a JavaScript-enabled browser of the
   * same screen, lent to run axe-core on the pages of this one. */
  auditor?: Browsing
}

/** Chromium with a fresh profile folder, closed and removed at teardown. One
 * launch per browser: a persistent context is the only way to give Chromium
 * a profile folder of our own, and it holds a single context. */
export async function launchBrowser(t: Test, options: BrowserOptions): Promise<Browsing> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (as root), never a downloaded browser`)
  }
  if (!options.javaScript && (!options.auditor?.javaScript || options.auditor.screen !== options.screen)) {
    throw new Error('a browser without JavaScript needs a JavaScript-enabled auditor of the same screen')
  }
  const profile = mkdtempSync(join(tmpdir(), 'ccs-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // Accept-Language: en-GB, so a visitor with no session sees English.
    locale: 'en-GB',
    javaScriptEnabled: options.javaScript,
    ...SCREENS[options.screen],
  })
  t.teardown(async () => {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  })
  // A failing step should say so in seconds, not after Playwright's 30 s.
  context.setDefaultTimeout(10_000)
  const page = context.pages()[0] ?? (await context.newPage())
  const auditor = options.javaScript ? page : await options.auditor!.context.newPage()
  const label = `${options.screen}${options.javaScript ? '' : '-nojs'}`
  return { label, screen: options.screen, javaScript: options.javaScript, context, page, auditor }
}

// ---------------------------------------------------------------------------
// A journey: a person's way through the portal, with checks at every page

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))

export interface Expected {
  /** The language the page must be in: <html lang> must say it. */
  lang: Locale
}

export class Journey {
  private stepNumber = 0
  private freshDocument = false
  private readonly problems: string[] = []

  private constructor(
    private t: Test,
    readonly browsing: Browsing,
    readonly portal: Portal,
    readonly name: string,
  ) {}

  get page(): Page {
    return this.browsing.page
  }

  /** Sends the checks of the pages seen from now on to `t`: a subtest that
   * proves one rule of a longer journey. The watch started with the journey
   * (CSP, script errors, missing files) goes on. */
  reportTo(t: Test): void {
    this.t = t
  }

  /** Starts clean: no cookie from an earlier journey (cookies ignore the
   * port, so another portal's session or language would leak in), an empty
   * tab, an empty screenshot folder. */
  static async start(t: Test, browsing: Browsing, portal: Portal, name: string): Promise<Journey> {
    const journey = new Journey(t, browsing, portal, name)
    await browsing.context.clearCookies()
    await browsing.page.goto('about:blank')
    rmSync(journey.screenshotDir, { recursive: true, force: true })
    mkdirSync(journey.screenshotDir, { recursive: true })
    journey.watch()
    return journey
  }

  /** Types the address: returns the answer the page finally shows (after redirects). */
  async open(path: string): Promise<Response> {
    const response = await this.page.goto(this.portal.url + path)
    if (!response) throw new Error(`no response for ${path}`)
    await this.page.waitForLoadState('load')
    return response
  }

  /** Does something that loads a new page (clicks a submit button, a link)
   * and returns the answer the page finally shows: for a POST answered 303,
   * the page it leads to (see redirectStatus() for the 303 itself). */
  async submit(act: () => Promise<unknown>): Promise<Response> {
    const page = this.page
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && !isRedirect(r.status())),
      act(),
    ])
    await page.waitForLoadState('load')
    return response
  }

  /** A page (or a new state of it) the person looks at: screenshot, then the
   * checks every page must pass, each as an assertion naming this step. */
  async see(step: string, expected: Expected): Promise<void> {
    const t = this.t
    this.stepNumber += 1
    const file = `${String(this.stepNumber).padStart(2, '0')}-${step}`
    const where = `${this.name} ${file}`
    await this.page.screenshot({ path: join(this.screenshotDir, `${file}.png`), fullPage: true })

    t.equal(await this.page.locator('html').getAttribute('lang'), expected.lang, `${where}: <html lang> is "${expected.lang}"`)
    t.same(headingProblems(await headingOutline(this.page)), [], `${where}: one h1 first, then no heading level skipped`)
    t.same(await unlabelledFields(this.page), [], `${where}: every field has a label`)
    if (this.browsing.screen === 'phone') {
      t.same(await horizontalOverflow(this.page), null, `${where}: nothing wider than the phone's screen`)
    }
    // Tab from the top only means "the first link" on a page just loaded;
    // a second look at the same page (a menu unfolded) skips it.
    if (this.freshDocument) {
      this.freshDocument = false
      const focus = await firstKeyboardStop(this.page)
      t.equal(focus?.tag, 'a', `${where}: the first Tab reaches a link ("${focus?.text}")`)
      t.ok(focus?.indicator, `${where}: the focused link shows a focus indicator (outline ${focus?.outline}, box-shadow ${focus?.boxShadow})`)
      t.ok(focus?.onScreen, `${where}: the focused link is on the screen (${focus?.size})`)
    }
    const violations = await audit(this.browsing)
    const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    t.same(blocking.map(describeViolation), [], `${where}: no serious or critical axe-core violation (WCAG 2.1 A and AA)`)
    for (const minor of violations.filter((v) => !blocking.includes(v))) t.comment(`${where}: axe ${describeViolation(minor)}`)
    t.same(this.problems.splice(0), [], `${where}: no CSP violation, script error or missing file`)
  }

  private get screenshotDir(): string {
    return join(SCREENSHOTS, this.name)
  }

  /** Collects what the person would not see but must not happen: the page's
   * CSP refusing something, a script error, a stylesheet or image answered
   * 4xx/5xx. The document's own status is each test's business. */
  private watch(): void {
    const page = this.page
    const onConsole = (message: { type(): string; text(): string }) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) this.problems.push(message.text())
    }
    const onPageError = (error: Error) => this.problems.push(`script error: ${error.message}`)
    const onResponse = (response: Response) => {
      if (response.request().resourceType() !== 'document' && response.status() >= 400) {
        this.problems.push(`${response.status()} for ${response.url()}`)
      }
    }
    const onNavigated = (frame: unknown) => {
      if (frame === page.mainFrame()) this.freshDocument = true
    }
    page.on('console', onConsole)
    page.on('pageerror', onPageError)
    page.on('response', onResponse)
    page.on('framenavigated', onNavigated)
    this.t.teardown(() => {
      page.off('console', onConsole)
      page.off('pageerror', onPageError)
      page.off('response', onResponse)
      page.off('framenavigated', onNavigated)
    })
  }
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400
}

/** The status of the redirect that led to this answer (a POST's 303), if any. */
export async function redirectStatus(response: Response): Promise<number | undefined> {
  const previous = response.request().redirectedFrom()
  return (await previous?.response())?.status()
}

/** The path the tab shows now. */
export function pathOf(page: Page): string {
  const url = new URL(page.url())
  return url.pathname + url.search
}

// ---------------------------------------------------------------------------
// The in-page checks

// Loose DOM types for the functions that run in the page (see the top).
interface DomElement {
  tagName: string
  textContent: string | null
  outerHTML: string
  labels?: ArrayLike<DomElement> | null
  getAttribute(name: string): string | null
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number; width: number; height: number }
  checkVisibility?(): boolean
  blur?(): void
}
interface DomGlobals {
  document: { documentElement: { scrollWidth: number; clientWidth: number }; body: DomElement; activeElement: DomElement | null }
  innerWidth: number
  innerHeight: number
  getComputedStyle(element: DomElement): { outlineStyle: string; outlineWidth: string; boxShadow: string }
  axe?: typeof AxeApi
}

export interface Heading {
  level: number
  text: string
}

/** The headings a screen reader lists, in document order (hidden ones left out). */
export function headingOutline(page: Page): Promise<Heading[]> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((elements: DomElement[]) => elements
    .filter((element) => element.checkVisibility?.() ?? true)
    .map((element) => ({ level: Number(element.tagName.slice(1)), text: (element.textContent ?? '').replace(/\s+/g, ' ').trim() })))
}

/** What is wrong with an outline: it must open with the page's one h1, and
 * never go down more than one level at a time (h2 then h4 skips h3). */
export function headingProblems(headings: Heading[]): string[] {
  const [first] = headings
  if (!first) return ['the page has no heading']
  const problems: string[] = []
  if (first.level !== 1) problems.push(`the first heading is h${first.level} "${first.text}", not an h1`)
  const h1Count = headings.filter((heading) => heading.level === 1).length
  if (h1Count !== 1) problems.push(`${h1Count} h1 headings, expected one`)
  headings.forEach((heading, i) => {
    const previous = headings[i - 1]
    if (previous && heading.level > previous.level + 1) {
      problems.push(`h${previous.level} "${previous.text}" is followed by h${heading.level} "${heading.text}": h${previous.level + 1} skipped`)
    }
  })
  return problems
}

/** Fields a person can fill or tick with no label (or aria-label) naming them. */
export function unlabelledFields(page: Page): Promise<string[]> {
  return page.locator('input:not([type="hidden"]), select, textarea').evaluateAll((elements: DomElement[]) => elements
    .filter((element) => {
      const labelled = Array.from(element.labels ?? []).some((label) => (label.textContent ?? '').trim() !== '')
      return !labelled && !element.getAttribute('aria-label') && !element.getAttribute('aria-labelledby')
    })
    .map((element) => element.outerHTML.slice(0, 160)))
}

/** On a phone, the page's width when wider than the screen (null: it fits). */
function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as DomGlobals
    const { scrollWidth, clientWidth } = document.documentElement
    return scrollWidth > clientWidth ? `${scrollWidth}px of content on a ${clientWidth}px screen` : null
  })
}

export interface FocusReport {
  tag: string
  id: string
  text: string
  outline: string
  boxShadow: string
  /** What shows the focus: 'outline', 'box-shadow', or null when nothing does. */
  indicator: 'outline' | 'box-shadow' | null
  /** width x height in CSS pixels. */
  size: string
  /** Big enough to be seen (more than 1 px each way) and inside the screen. */
  onScreen: boolean
}

/** Presses Tab once on a page just loaded and reports how the element that
 * got the focus shows it; then puts the focus back, so the journey goes on
 * with the page as it was (the skip link hidden again). */
export async function firstKeyboardStop(page: Page): Promise<FocusReport | null> {
  await page.keyboard.press('Tab')
  const report = await page.evaluate(describeActiveElement)
  await page.evaluate(() => (globalThis as unknown as DomGlobals).document.activeElement?.blur?.())
  return report
}

/** Every keyboard stop of a page just loaded, in Tab order, until the focus
 * leaves the page (at most `max`, against a focus trap). */
export async function keyboardStops(page: Page, max = 50): Promise<FocusReport[]> {
  const reports: FocusReport[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const report = await page.evaluate(describeActiveElement)
    if (!report) break
    reports.push(report)
  }
  return reports
}

// Runs in the page (sent as text): self-contained. Null when nothing in the page has the focus.
function describeActiveElement(): FocusReport | null {
  const { document, getComputedStyle, innerWidth, innerHeight } = globalThis as unknown as DomGlobals
  const element = document.activeElement
  if (!element || element === document.body) return null
  const style = getComputedStyle(element)
  const box = element.getBoundingClientRect()
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== ''
  return {
    tag: element.tagName.toLowerCase(),
    id: element.getAttribute('id') ?? '',
    text: (element.textContent ?? '').trim().slice(0, 60),
    outline: `${style.outlineStyle} ${style.outlineWidth}`,
    boxShadow: style.boxShadow,
    indicator: outline ? 'outline' : shadow ? 'box-shadow' : null,
    size: `${Math.round(box.width)}x${Math.round(box.height)}`,
    onScreen: box.width > 1 && box.height > 1 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
  }
}

// ---------------------------------------------------------------------------
// axe-core

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

export function describeViolation(violation: Violation): string {
  return `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} — ${violation.nodes.join(' | ')}`
}

/** axe-core's WCAG 2.1 A and AA rules on the page the browsing shows now.
 *
 * The script is evaluated through the DevTools protocol, which the app's CSP
 * (script-src 'self') does not govern, so the journeys keep the real CSP.
 * axe-core needs timers, and a timer firing in a page with JavaScript
 * disabled closes the tab: a no-JS page is replayed, same address, same
 * HTML, same stylesheet, in the JavaScript-enabled auditor tab, and audited
 * there. The pages have no script, so what is audited is what was shown
 * (except a state held by a form control, like the phone menu's ticked
 * checkbox: the JavaScript runs audit that state). */
export async function audit(browsing: Browsing): Promise<Violation[]> {
  const page = browsing.javaScript ? browsing.page : await replay(browsing.page, browsing.auditor)
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async (tags) => {
    const { axe, document } = globalThis as unknown as DomGlobals
    const results = await axe!.run(document as unknown as AxeApi.ElementContext, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }))
  }, AXE_TAGS)
}

async function replay(page: Page, auditor: Page): Promise<Page> {
  const url = page.url()
  const html = await page.content()
  await auditor.route((address) => address.href === url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }), { times: 1 })
  await auditor.goto(url)
  await auditor.waitForLoadState('load')
  return auditor
}
