// Excel sheet names: at most 31 characters, none of : \ / ? * [ ], not
// starting or ending with an apostrophe, unique without regard to case.
// Service names come from usage files: made safe and unique here.
const FORBIDDEN = /[:\\/?*[\]]/g
const MAX = 31

export function sheetNames(summary: string, services: readonly string[]): { summary: string; services: Map<string, string> } {
  const taken = new Set([summary.toLowerCase()])
  const names = new Map<string, string>()
  for (const service of services) {
    const base = service.replace(FORBIDDEN, ' ').replace(/^'+|'+$/g, '').trim().slice(0, MAX) || 'Service'
    let name = base
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, MAX - String(n).length - 1)} ${n}`
    taken.add(name.toLowerCase())
    names.set(service, name)
  }
  return { summary, services: names }
}
