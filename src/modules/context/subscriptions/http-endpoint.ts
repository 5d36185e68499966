import http from 'node:http'
import https from 'node:https'
import type { Delivery } from './notification-message.ts'

/** Bytes of an endpoint's answer read at most; the body is discarded, only the status matters. */
const MAX_ANSWER_BYTES = 64 * 1024

/**
 * NGSI-LD HTTP binding of notifications: a POST per notification, 2xx meaning delivered. Each
 * endpoint has its own connection pool, so a slow one cannot take the sockets another needs.
 */
export class HttpEndpoints {
  readonly #agents = new Map<string, http.Agent>()
  readonly #connections: number

  constructor(connections: number) {
    this.#connections = connections
  }

  post(uri: string, delivery: Delivery, payload: string, signal: AbortSignal): Promise<void> {
    const url = new URL(uri)
    const client = url.protocol === 'https:' ? https : http
    return new Promise<void>((resolve, reject) => {
      const request = client.request(
        url,
        {
          method: 'POST',
          headers: { ...delivery.headers, 'Content-Length': Buffer.byteLength(payload) },
          agent: this.#agent(uri, url.protocol),
          signal,
        },
        (response) => {
          const status = response.statusCode ?? 0
          let read = 0
          response.on('data', (chunk: Buffer) => {
            read += chunk.length
            if (read > MAX_ANSWER_BYTES) response.destroy()
          })
          response.on('error', reject)
          response.on('close', () => {
            if (status >= 200 && status < 300) resolve()
            else reject(new Error(`the endpoint answered ${status}`))
          })
        },
      )
      request.on('error', reject)
      request.end(payload)
    })
  }

  close(): void {
    for (const agent of this.#agents.values()) agent.destroy()
    this.#agents.clear()
  }

  #agent(uri: string, protocol: string): http.Agent {
    let agent = this.#agents.get(uri)
    if (!agent) {
      const options = { keepAlive: true, maxSockets: this.#connections, timeout: 30_000 }
      agent = protocol === 'https:' ? new https.Agent(options) : new http.Agent(options)
      this.#agents.set(uri, agent)
    }
    return agent
  }
}
