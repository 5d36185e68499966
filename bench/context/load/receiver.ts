import http from 'node:http'
import { nowMs } from './wall-clock.ts'

export interface Receiver {
  url: string
  /** Latency of each update, by the send time it carried. */
  latencies: Map<number, number>
  notifications: number
  close(): Promise<void>
}

/** Receives notifications; NO2 carries the instant its PATCH was sent (milliseconds since 1970). */
export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: '',
    latencies: new Map(),
    notifications: 0,
    close: async () => {},
  }
  const httpServer = http.createServer((request, response) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => {
      text += chunk
    })
    request.on('end', () => {
      const at = nowMs()
      response.writeHead(204).end()
      receiver.notifications++
      try {
        const body = JSON.parse(text) as { data?: Record<string, unknown>[] }
        for (const entity of body.data ?? []) {
          const member = entity.NO2
          const value =
            typeof member === 'number'
              ? member
              : member && typeof member === 'object'
                ? (member as { value?: unknown }).value
                : undefined
          if (typeof value === 'number' && value > 1e12 && !receiver.latencies.has(value))
            receiver.latencies.set(value, at - value)
        }
      } catch {
        // Not JSON: counted, not timed.
      }
    })
  })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const address = httpServer.address() as { port: number }
  receiver.url = `http://127.0.0.1:${address.port}/notify`
  receiver.close = () => new Promise((resolve) => httpServer.close(() => resolve()))
  return receiver
}
