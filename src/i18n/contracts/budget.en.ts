// Messages of the contracts features (budget), English: the reference for budget.fr.ts.
export const budgetEn = {
} as const
