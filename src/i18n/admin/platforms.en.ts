// Back-office messages (platforms), English: the reference for platforms.fr.ts.
export const platformsEn = {
} as const
