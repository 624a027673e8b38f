// The catalog's order hostile rows (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const orderForms: Array<[form: string, cases: HostileCase[]]> = [
]
