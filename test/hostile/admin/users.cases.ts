// Hostile rows for the back-office's users pages (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const usersForms: Array<[form: string, cases: HostileCase[]]> = [
]
