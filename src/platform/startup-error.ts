/**
 * A problem with configuration or surroundings that a person must fix before Cetate can start.
 * The CLI prints only its message: one line saying what is wrong and how to fix it.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError'
}
