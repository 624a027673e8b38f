// A browser-like client over app.inject: keeps cookies, reads the CSRF token
// from the last page, posts urlencoded forms.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

export class Client {
  private cookies = new Map<string, string>()
  lastHtml = ''

  constructor(readonly app: FastifyInstance, private readonly headers: Record<string, string> = {}) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { ...this.headers, ...headers, cookie: this.cookieHeader() } })
    return this.keep(response)
  }

  /** Posts a form. The CSRF token of the last page is added unless `_csrf` is given (null: none at all). */
  async post(url: string, fields: Record<string, string | string[] | null> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams()
    const withToken = '_csrf' in fields ? fields : { _csrf: this.csrfToken(), ...fields }
    for (const [name, value] of Object.entries(withToken)) {
      if (value === null) continue
      for (const one of Array.isArray(value) ? value : [value]) form.append(name, one)
    }
    const response = await this.app.inject({
      method: 'POST', url, payload: form.toString(),
      headers: { ...this.headers, ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() },
    })
    return this.keep(response)
  }

  csrfToken(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)
    if (!match?.[1]) throw new Error('no CSRF token on the last page: GET a page with a form first')
    return match[1]
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value)
  }

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now())
      if (expired || cookie.value === '') this.cookies.delete(cookie.name)
      else this.cookies.set(cookie.name, cookie.value)
    }
    if (String(response.headers['content-type'] ?? '').startsWith('text/html')) this.lastHtml = response.body
    return response
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}
