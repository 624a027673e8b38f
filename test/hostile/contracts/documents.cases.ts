// Hostile rows for the documents pages (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const documentsForms: Array<[form: string, cases: HostileCase[]]> = [
]
