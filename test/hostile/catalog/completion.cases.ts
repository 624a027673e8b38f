// The catalog's completion hostile rows (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const completionForms: Array<[form: string, cases: HostileCase[]]> = [
]
