// Hostile rows for the back-office's companies pages (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const companiesForms: Array<[form: string, cases: HostileCase[]]> = [
]
