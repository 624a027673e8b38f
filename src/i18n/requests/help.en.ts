// The help pages of requests and Need help (see index.ts).
export const helpEn = {
} as const
