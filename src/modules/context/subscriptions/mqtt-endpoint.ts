import { randomUUID } from 'node:crypto'
import { connectAsync, type MqttClient } from 'mqtt'
import type { Delivery } from './notification-message.ts'

/**
 * NGSI-LD MQTT binding: `mqtt(s)://[user:password@]host[:port]/topic`, the message being
 * `{ metadata, body }`. One connection per broker (and protocol version), opened on first use and
 * dropped when it closes; it is opened again for the next notification.
 */
export class MqttEndpoints {
  readonly #clients = new Map<string, Promise<MqttClient>>()
  #closed = false

  async publish(uri: string, delivery: Delivery, payload: string, signal: AbortSignal): Promise<void> {
    const url = new URL(uri)
    const topic = decodeURIComponent(url.pathname.slice(1))
    const { qos, version } = delivery.mqtt ?? { qos: 0, version: 4 }
    const client = await abortable(this.#client(url, version, delivery.timeoutMs), signal)
    await abortable(client.publishAsync(topic, payload, { qos }), signal)
  }

  async close(): Promise<void> {
    this.#closed = true
    const clients = [...this.#clients.values()]
    this.#clients.clear()
    await Promise.allSettled(
      clients.map(async (connecting) => (await connecting).endAsync(true).catch(() => undefined)),
    )
  }

  #client(url: URL, version: 4 | 5, timeoutMs: number): Promise<MqttClient> {
    if (this.#closed) return Promise.reject(new Error('the server is stopping'))
    const broker = `${url.protocol}//${url.host}`
    const key = `${url.username}:${url.password}@${broker}#${version}`
    let connecting = this.#clients.get(key)
    if (!connecting) {
      // Without retries a refused or timed-out connection rejects instead of waiting for a reconnect.
      connecting = connectAsync(
        broker,
        {
          protocolVersion: version,
          clientId: `cetate-${randomUUID()}`,
          ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
          ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
          connectTimeout: timeoutMs,
          reconnectPeriod: 0,
        },
        false,
      ).then((client) => {
        client.on('error', () => undefined)
        client.on('close', () => {
          if (this.#clients.get(key) === connecting) this.#clients.delete(key)
        })
        return client
      })
      connecting.catch(() => {
        if (this.#clients.get(key) === connecting) this.#clients.delete(key)
      })
      this.#clients.set(key, connecting)
    }
    return connecting
  }
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason)
    signal.addEventListener('abort', abort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort)
        reject(error)
      },
    )
  })
}
