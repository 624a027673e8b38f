// The catalog's back-office hostile rows (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const adminForms: Array<[form: string, cases: HostileCase[]]> = [
]
