// argon2id with OWASP's parameters (≈ 19 ms a hash, 19 MiB each), at most two
// hashes at a time so a burst of logins can't eat the machine's memory.
import argon2 from 'argon2'

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const
/** Longer inputs are refused before hashing: hashing cost grows with length. */
export const MAX_PASSWORD_LENGTH = 128
const MAX_CONCURRENT = 2

let running = 0
const waiting: Array<() => void> = []

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await work()
  } finally {
    running--
    waiting.shift()?.()
  }
}

export function hashPassword(password: string): Promise<string> {
  return bounded(() => argon2.hash(password, OPTIONS))
}

// Verifying against this when the login is unknown makes both answers take
// the same time: no oracle for which logins exist.
let dummyHash: Promise<string> | undefined

/** True when `password` matches `hash`; with no hash, spends the same time and says no. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false
  dummyHash ??= hashPassword('not-a-real-password-#1A')
  const target = hash ?? (await dummyHash)
  const matches = await bounded(() => argon2.verify(target, password).catch(() => false))
  return hash !== null && matches
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, OPTIONS)
}
