// Messages du back-office (companies), en français : mêmes clés que companies.en.ts.
import type { companiesEn } from './companies.en.js'

export const companiesFr: Record<keyof typeof companiesEn, string> = {
}
