import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** For tests: a notification as an endpoint received it. */
export interface Received {
  path: string
  headers: IncomingHttpHeaders
  body: {
    id: string
    type: string
    subscriptionId: string
    notifiedAt: string
    data: Record<string, unknown>[]
    '@context'?: unknown
  }
}

/** What the endpoint does with a request: answer with a status, or never answer. */
export type Answer = number | 'hang'

/**
 * For tests: a real HTTP endpoint that records the notifications POSTed to it. It can answer with
 * any status or hang, and can listen on a port it had before (an endpoint coming back up).
 */
export class NotificationReceiver {
  readonly received: Received[] = []
  answer: (received: Received) => Answer = () => 204
  readonly #server: Server
  readonly #hanging = new Set<ServerResponse>()
  #waiters: (() => void)[] = []

  private constructor(server: Server) {
    this.#server = server
  }

  static async start(port = 0): Promise<NotificationReceiver> {
    let receiver: NotificationReceiver | undefined
    const server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => receiver?.take(request.url ?? '/', request.headers, chunks, response))
    })
    receiver = new NotificationReceiver(server)
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', resolve)
    })
    return receiver
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port
  }

  url(path = '/notify'): string {
    return `http://127.0.0.1:${this.port}${path}`
  }

  /** Notifications received at a path (all when no path is given). */
  at(path?: string): Received[] {
    return path === undefined ? this.received : this.received.filter((item) => item.path === path)
  }

  /** Waits (polling, generously) until `count` notifications arrived at the path. */
  async waitFor(count: number, path?: string, timeoutMs = 20_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs
    while (this.at(path).length < count) {
      const left = deadline - Date.now()
      if (left <= 0)
        throw new Error(
          `${this.at(path).length} of ${count} notifications arrived at ${path ?? 'the endpoint'}`,
        )
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250))
        this.#waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    return this.at(path)
  }

  async close(): Promise<void> {
    for (const response of this.#hanging) response.destroy()
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  private take(path: string, headers: IncomingHttpHeaders, chunks: Buffer[], response: ServerResponse): void {
    const text = Buffer.concat(chunks).toString('utf8')
    const received: Received = { path, headers, body: text ? JSON.parse(text) : undefined }
    this.received.push(received)
    for (const wake of this.#waiters.splice(0)) wake()
    const answer = this.answer(received)
    if (answer === 'hang') this.#hanging.add(response)
    else response.writeHead(answer).end()
  }
}
