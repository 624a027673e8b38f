// Mêmes clés que exports.en.ts.
import type { billsExportsEn } from './exports.en.js'

export const billsExportsFr: Record<keyof typeof billsExportsEn, string> = {
}
