import http from 'node:http'
import { nowMs } from './wall-clock.ts'

/** Requests at a steady rate (not as fast as they go): the notification measure and its floor. */

export interface Paced {
  sent: number
  skipped: number
  failures: number
  firstError: string | undefined
  /** Round-trip times of the requests answered 2xx. */
  times: number[]
  seconds: number
}

/** Sends `rate` requests per second for `seconds`, never more than `maxInFlight` outstanding. */
export async function paced(options: {
  url: string
  rate: number
  seconds: number
  maxInFlight: number
  request: (i: number) => {
    method: string
    path: string
    headers: Record<string, string>
    body?: (at: number) => string
  }
}): Promise<Paced> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxInFlight })
  const base = new URL(options.url)
  const result: Paced = { sent: 0, skipped: 0, failures: 0, firstError: undefined, times: [], seconds: 0 }
  let inFlight = 0
  let due = 0
  const started = performance.now()
  const fire = (i: number) => {
    const { method, path, headers, body } = options.request(i)
    const sentAt = nowMs()
    const payload = body?.(sentAt)
    inFlight++
    const request = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers:
          payload === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const ok = (response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          if (!ok) text += chunk
        })
        response.on('end', () => {
          inFlight--
          if (ok) result.times.push(nowMs() - sentAt)
          else {
            result.failures++
            result.firstError ??= `${response.statusCode} ${text.slice(0, 800)}`
          }
        })
      },
    )
    request.on('error', (error) => {
      inFlight--
      result.failures++
      result.firstError ??= error.message
    })
    request.end(payload)
  }
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - started
      const target = Math.floor(Math.min(elapsed, options.seconds * 1000) * (options.rate / 1000))
      while (due < target) {
        if (inFlight >= options.maxInFlight) result.skipped++
        else {
          fire(due)
          result.sent++
        }
        due++
      }
      if (elapsed >= options.seconds * 1000) {
        clearInterval(timer)
        resolve()
      }
    }, 1)
  })
  const drainUntil = performance.now() + 10_000
  while (inFlight > 0 && performance.now() < drainUntil)
    await new Promise((resolve) => setTimeout(resolve, 10))
  result.seconds = (performance.now() - started) / 1000
  agent.destroy()
  result.times.sort((a, b) => a - b)
  return result
}
