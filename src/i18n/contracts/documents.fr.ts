// Messages des fonctions des contrats (documents), en français : mêmes clés que documents.en.ts.
import type { documentsEn } from './documents.en.js'

export const documentsFr: Record<keyof typeof documentsEn, string> = {
}
