// The only way text reaches an email's HTML: every value goes through
// escapeHtml, and a link's address must be an absolute http(s) URL, because
// escaping alone does not make `javascript:` harmless (PITFALLS: Eta).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

export class UnsafeLinkError extends Error {
  override name = 'UnsafeLinkError'
}

/** The link, escaped for an attribute; anything but an absolute http(s) URL is a bug in the caller. */
export function safeHref(link: string): string {
  let protocol: string
  try {
    protocol = new URL(link).protocol
  } catch {
    throw new UnsafeLinkError(`email link is not an absolute URL: ${JSON.stringify(link)}`)
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new UnsafeLinkError(`email link must be http(s), got ${protocol}`)
  return escapeHtml(link)
}
