// Mêmes clés que help.en.ts.
import type { helpEn } from './help.en.js'

export const helpFr: Record<keyof typeof helpEn, string> = {
}
