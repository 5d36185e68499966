import autocannon from 'autocannon'

export interface Measured {
  rps: number
  p50: number
  p95: number
  failures: number
  firstError: string | undefined
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0

/** Requests as fast as `connections` (10) go for `seconds`, each path from `next`; a warm-up second first. */
export async function measure(
  url: string,
  seconds: number,
  next: () => string,
  connections = 10,
): Promise<Measured> {
  const run = (duration: number) =>
    new Promise<Measured>((resolve, reject) => {
      const times: number[] = []
      let firstError: string | undefined
      const instance = autocannon(
        {
          url,
          connections,
          duration,
          requests: [
            {
              setupRequest: (request) => ({ ...request, path: next() }),
              onResponse: (status, body) => {
                if (status !== 200 && firstError === undefined)
                  firstError = `${status} ${String(body).slice(0, 300)}`
              },
            },
          ],
        },
        (error, result) => {
          if (error) return reject(error)
          times.sort((a, b) => a - b)
          resolve({
            rps: result['2xx'] / (result.duration || duration),
            p50: percentile(times, 0.5),
            p95: percentile(times, 0.95),
            failures: result.non2xx + result.errors + result.timeouts,
            firstError,
          })
        },
      )
      instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
    })
  await run(1)
  return run(seconds)
}
