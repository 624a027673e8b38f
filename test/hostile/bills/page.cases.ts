// Hostile rows for the bills page (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const pageForms: Array<[form: string, cases: HostileCase[]]> = [
]
