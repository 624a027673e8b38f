// Hostile rows for the help pages of requests / Need help (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const helpForms: Array<[form: string, cases: HostileCase[]]> = [
]
