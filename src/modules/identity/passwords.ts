import { hash, verify } from '@node-rs/argon2'
import { Problem } from '../../platform/http/problem.ts'

const MIN_LENGTH = 10
const MAX_LENGTH = 256
// Argon2id with the parameters OWASP recommends as a minimum (19 MiB, 2 passes).
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function checkPasswordRules(password: string, email: string): void {
  if (password.length < MIN_LENGTH) {
    throw new Problem(
      400,
      'PASSWORD_TOO_SHORT',
      'The password is too short',
      `Use at least ${MIN_LENGTH} characters; a few words make a strong one.`,
    )
  }
  if (password.length > MAX_LENGTH) {
    throw new Problem(
      400,
      'PASSWORD_TOO_LONG',
      'The password is too long',
      `Use at most ${MAX_LENGTH} characters.`,
    )
  }
  if (password.toLowerCase() === email.toLowerCase()) {
    throw new Problem(
      400,
      'PASSWORD_IS_EMAIL',
      'The password is the email address',
      'Choose a password that is not your email address.',
    )
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2)
}

/** A hash to compare against when the account does not exist, so both paths take as long. */
let decoy: Promise<string> | undefined

export async function passwordMatches(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    decoy ??= hashPassword(newDecoyPassword())
    await verify(await decoy, password).catch(() => false)
    return false
  }
  return verify(storedHash, password).catch(() => false)
}

function newDecoyPassword(): string {
  return `decoy-${Math.random().toString(36)}-${Date.now()}`
}
