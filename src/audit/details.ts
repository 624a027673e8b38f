// Reading an audit entry's details (the JSON writeAudit stored) as lines a
// person can read: the customer's contract audit log shows the role changes,
// the back-office's log every detail.

interface RoleRecord {
  before?: { roles?: Record<string, string> }
  after?: { roles?: Record<string, string> }
}

/** The stored JSON, or nothing when it is missing or not an object (an old or hand-written row must not break a page). */
function parseDetails(details: string | null): Record<string, unknown> | undefined {
  if (!details) return undefined
  try {
    const parsed: unknown = JSON.parse(details)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** "billing: visitor → manager" lines from a before/after record of roles. */
export function describeChanges(details: string | null): string[] {
  const parsed = parseDetails(details) as RoleRecord | undefined
  const before = parsed?.before?.roles ?? {}
  const after = parsed?.after?.roles ?? {}
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((section) => before[section] !== after[section])
    .map((section) => `${section}: ${before[section] ?? '—'} → ${after[section] ?? '—'}`)
}

const MAX_VALUE_LENGTH = 200

/** The role changes, then every other detail as "name: value" (values cut at 200 characters). */
export function describeDetails(details: string | null): string[] {
  const parsed = parseDetails(details)
  if (!parsed) return []
  const others = Object.entries(parsed)
    .filter(([name]) => name !== 'before' && name !== 'after')
    .map(([name, value]) => `${name}: ${shorten(typeof value === 'string' ? value : JSON.stringify(value) ?? '')}`)
  return [...describeChanges(details), ...others]
}

function shorten(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text
}
