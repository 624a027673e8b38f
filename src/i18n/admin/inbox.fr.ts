// Messages du back-office (inbox), en français : mêmes clés que inbox.en.ts.
import type { inboxEn } from './inbox.en.js'

export const inboxFr: Record<keyof typeof inboxEn, string> = {
}
