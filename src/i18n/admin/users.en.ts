// Back-office messages (users), English: the reference for users.fr.ts.
export const usersEn = {
} as const
