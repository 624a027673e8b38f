// Hostile rows for the back-office's platforms pages (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const platformsForms: Array<[form: string, cases: HostileCase[]]> = [
]
