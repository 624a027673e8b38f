// Messages des fonctions des contrats (support), en français : mêmes clés que support.en.ts.
import type { supportEn } from './support.en.js'

export const supportFr: Record<keyof typeof supportEn, string> = {
}
