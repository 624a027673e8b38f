// Messages des fonctions des contrats (budget), en français : mêmes clés que budget.en.ts.
import type { budgetEn } from './budget.en.js'

export const budgetFr: Record<keyof typeof budgetEn, string> = {
}
