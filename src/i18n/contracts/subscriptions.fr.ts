// Messages des fonctions des contrats (subscriptions), en français : mêmes clés que subscriptions.en.ts.
import type { subscriptionsEn } from './subscriptions.en.js'

export const subscriptionsFr: Record<keyof typeof subscriptionsEn, string> = {
}
