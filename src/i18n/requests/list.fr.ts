// Mêmes clés que list.en.ts.
import type { listEn } from './list.en.js'

export const listFr: Record<keyof typeof listEn, string> = {
}
