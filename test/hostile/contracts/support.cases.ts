// Hostile rows for the support pages (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const supportForms: Array<[form: string, cases: HostileCase[]]> = [
]
