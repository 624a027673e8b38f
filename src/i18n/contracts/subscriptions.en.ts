// Messages of the contracts features (subscriptions), English: the reference for subscriptions.fr.ts.
export const subscriptionsEn = {
} as const
