// Hostile rows for the list pages of requests / Need help (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const listForms: Array<[form: string, cases: HostileCase[]]> = [
]
