// Mêmes clés que new.en.ts.
import type { newEn } from './new.en.js'

export const newFr: Record<keyof typeof newEn, string> = {
}
