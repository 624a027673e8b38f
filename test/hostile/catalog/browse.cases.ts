// The catalog's browse hostile rows (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const browseForms: Array<[form: string, cases: HostileCase[]]> = [
]
