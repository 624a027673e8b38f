// Mêmes clés que page.en.ts.
import type { billsPageEn } from './page.en.js'

export const billsPageFr: Record<keyof typeof billsPageEn, string> = {
}
