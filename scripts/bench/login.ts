// Logging in the way a browser does, through the real form: GET /login gives
// a session cookie and the form's CSRF token; POST /login answers 303 with a
// new session cookie (the id changes at login). Anything else is an error:
// benchmarking a page that redirects to /login would measure the wrong page.
import otplib from 'otplib'
import type { Visitor } from './pages.js'

const SESSION_COOKIE = 'ccs_session'
// A hung portal must fail the bench, not hang it.
const TIMEOUT_MS = 10_000

export async function logIn(baseUrl: string, login: string, password: string, options = { contracts: true }): Promise<Visitor> {
  const form = await fetch(`${baseUrl}/login`, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) })
  const formCookie = sessionCookie(form.headers)
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1]
  if (form.status !== 200 || !formCookie || !csrf) {
    throw new Error(`GET /login: expected 200 with a ${SESSION_COOKIE} cookie and a _csrf field, got ${form.status}`)
  }
  const answer = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie },
    body: new URLSearchParams({ _csrf: unescapeHtml(csrf), login, password }).toString(),
  })
  const cookie = sessionCookie(answer.headers)
  if (answer.status !== 303 || !cookie) {
    throw new Error(`POST /login as ${login}: expected 303 with a new session cookie, got ${answer.status}`)
  }
  return { login, cookie, contractCodes: options.contracts ? await contractCodesOf(baseUrl, cookie) : [] }
}

/** A staff member of the demo data, who has no second factor yet: logged in
 * with the password, then enrolled through My security as a person does
 * (start, read the key on the page, confirm with the app's code), which opens
 * /admin to that session. */
export async function logInStaff(baseUrl: string, login: string, password: string): Promise<Visitor> {
  const { cookie } = await logIn(baseUrl, login, password, { contracts: false })
  const page = async () => {
    const response = await fetch(`${baseUrl}/account/security`, { headers: { cookie: cookie! }, signal: AbortSignal.timeout(TIMEOUT_MS) })
    return response.text()
  }
  const post = (path: string, fields: Record<string, string>, html: string) => fetch(`${baseUrl}${path}`, {
    method: 'POST', redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie! },
    body: new URLSearchParams({ _csrf: unescapeHtml(/name="_csrf" value="([^"]+)"/.exec(html)![1]!), ...fields }).toString(),
  })
  await post('/account/totp/start', {}, await page())
  const enrolling = await page()
  const secret = /data-testid="totp-secret"[^>]*>([^<]+)</.exec(enrolling)?.[1]?.replace(/\s/g, '')
  if (!secret) throw new Error(`enrolling ${login}: no key on /account/security`)
  const confirmed = await post('/account/totp/confirm', { code: otplib.authenticator.generate(secret) }, enrolling)
  if (confirmed.status !== 200) throw new Error(`enrolling ${login}: the code was refused (${confirmed.status})`)
  const admin = await fetch(`${baseUrl}/admin`, { headers: { cookie: cookie! }, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) })
  if (admin.status !== 200) throw new Error(`GET /admin as ${login} after enrolling: expected 200, got ${admin.status}`)
  return { login, cookie, contractCodes: [] }
}

export function anonymousVisitor(): Visitor {
  return { login: null, contractCodes: [] }
}

// The dashboard lists the user's contracts as links: reading them there means
// the bench never needs to know how the seed numbers contracts.
async function contractCodesOf(baseUrl: string, cookie: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/`, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) })
  if (response.status !== 200) throw new Error(`GET / after login: expected 200, got ${response.status}`)
  const html = await response.text()
  const codes = [...html.matchAll(/href="\/contracts\/([^"/?#]+)"/g)].map((match) => decodeURIComponent(match[1]!))
  return [...new Set(codes)]
}

function sessionCookie(headers: Headers): string | undefined {
  const line = headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`))
  return line?.split(';', 1)[0]
}

// Eta escapes attribute values; a token may contain characters it escapes.
function unescapeHtml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}
