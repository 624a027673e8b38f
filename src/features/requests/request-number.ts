// A request's public name: REQ- and its id on six digits or more (REQ-000123).

export function requestNumber(id: number): string {
  return `REQ-${String(id).padStart(6, '0')}`
}

/** The id a number names, or undefined for anything that isn't one (→ 404). */
export function requestIdOf(number: string): number | undefined {
  const match = /^REQ-(\d{6,12})$/.exec(number)
  if (!match) return undefined
  const id = Number(match[1])
  return Number.isSafeInteger(id) && id > 0 ? id : undefined
}
