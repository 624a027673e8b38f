// Back-office messages (inbox), English: the reference for inbox.fr.ts.
export const inboxEn = {
} as const
