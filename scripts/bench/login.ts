// Logging in the way a browser does, through the real form: GET /login gives
// a session cookie and the form's CSRF token; POST /login answers 303 with a
// new session cookie (the id changes at login). Anything else is an error:
// benchmarking a page that redirects to /login would measure the wrong page.
import type { Visitor } from './pages.js'

const SESSION_COOKIE = 'ccs_session'
// A hung portal must fail the bench, not hang it.
const TIMEOUT_MS = 10_000

export async function logIn(baseUrl: string, login: string, password: string): Promise<Visitor> {
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
  return { login, cookie, contractCodes: await contractCodesOf(baseUrl, cookie) }
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
