import { createServer } from 'node:net'

/**
 * Tries the address before the (slow) database preparation, so a busy port is reported at once
 * rather than after it. Listening later can still fail if something takes the port meanwhile.
 */
export function tryListen(host: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  if (port === 0) return Promise.resolve(undefined)
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error))
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(undefined)))
  })
}
