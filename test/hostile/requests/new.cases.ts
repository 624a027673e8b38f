// Hostile rows for the new pages of requests / Need help (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const newForms: Array<[form: string, cases: HostileCase[]]> = [
]
