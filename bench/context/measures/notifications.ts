import { cpuShare, cpuSnapshot, describeCpu } from '../cpu.ts'
import { airQualityCount, airQualityId } from '../entities.ts'
import { paced } from '../load/paced.ts'
import { type Receiver, startReceiver } from '../load/receiver.ts'
import { count, ms, say } from '../print.ts'
import type { Row } from '../report/table.ts'
import { percentile } from '../statistics.ts'
import { SUBSCRIPTIONS } from '../workload.ts'
import { type BenchRun, bearer } from './bench-run.ts'

type Headers = Record<string, string>

/** One subscription per AirQualityObserved entity (at most SUBSCRIPTIONS); `refused` where one was not created. */
async function subscribe(
  run: BenchRun,
  receiver: Receiver,
  headers: Headers,
  subscribed: string[],
): Promise<{ created: number; refused?: 'not available' | 'failed' }> {
  let created = 0
  for (const [k, id] of subscribed.entries()) {
    const response = await fetch(`${run.info.url}/ngsi-ld/v1/subscriptions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        type: 'Subscription',
        entities: [{ id, type: 'AirQualityObserved' }],
        watchedAttributes: ['NO2'],
        notification: {
          attributes: ['NO2'],
          format: 'keyValues',
          endpoint: { uri: receiver.url, accept: 'application/json' },
        },
      }),
    })
    const text = await response.text()
    if (response.status === 404 && k === 0 && text.includes('There is no NGSI-LD resource at')) {
      say('notifications: not available yet')
      return { created, refused: 'not available' }
    }
    if (!response.ok) {
      say(`notifications: creating a subscription failed: ${response.status} ${text.slice(0, 800)}`)
      return { created, refused: 'failed' }
    }
    created++
  }
  return { created }
}

/** PATCHes of the subscribed entities at `rate`, for the measure's time: the latency of every update notified, from the instant its PATCH left. */
async function notifyAtRate(
  run: BenchRun,
  receiver: Receiver,
  patchRequest: Parameters<typeof paced>[0]['request'],
  rate: number,
) {
  const { server, seconds } = run
  receiver.latencies.clear()
  receiver.notifications = 0
  const before = await cpuSnapshot(server)
  const sent = await paced({ url: run.info.url, rate, seconds, maxInFlight: 200, request: patchRequest })
  const expected = sent.times.length
  // Stragglers: wait while notifications still arrive (a backlog drains slowly), at most 30 s.
  const deadline = performance.now() + 30_000
  let seen = receiver.latencies.size
  let quietSince = performance.now()
  while (receiver.latencies.size < expected && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    if (receiver.latencies.size !== seen) {
      seen = receiver.latencies.size
      quietSince = performance.now()
    } else if (performance.now() - quietSince > 3000) break
  }
  const cpu = cpuShare(before, await cpuSnapshot(server))
  const latencies = [...receiver.latencies.values()].sort((a, b) => a - b)
  const achieved = expected / seconds
  const result = {
    rate,
    achieved,
    held: achieved >= 0.95 * rate,
    p99: percentile(latencies, 0.99),
    missing: Math.max(0, expected - latencies.length),
    failures: sent.failures,
  }
  say(
    `notifications at ${rate}/s for ${seconds} s: ${count(achieved)} PATCH/s answered 2xx (${sent.skipped} not sent: 200 already in flight), ${sent.failures} failed; ${count(latencies.length)} of ${count(expected)} updates notified (${receiver.notifications} notifications); latency p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))}, p99 ${ms(result.p99)}, max ${ms(latencies.at(-1) ?? Number.NaN)}; PATCH round trip p50 ${ms(percentile(sent.times, 0.5))}, p99 ${ms(percentile(sent.times, 0.99))}`,
  )
  say(`  ${describeCpu(cpu)}`)
  if (sent.firstError) say(`  first failure: ${sent.firstError}`)
  if (result.missing > 0)
    say(`  ${result.missing} updates answered 2xx were not notified (within 3 s of the last notification)`)
  return result
}

/**
 * Notification latency: SUBSCRIPTIONS subscriptions, PATCHes at the rate asked, each update's notification
 * timed from the instant its PATCH left; beside the hello-world's round trip at the same rate.
 */
export async function measureNotifications(
  run: BenchRun,
  options: { helloUrl: string; patchRps: number },
): Promise<Row> {
  const target = 100 / run.factor
  const receiver = await startReceiver()
  const headers = { ...bearer(run), 'content-type': 'application/json' }
  const subscribed = Array.from({ length: SUBSCRIPTIONS }, (_, k) =>
    airQualityId(k % airQualityCount(run.entities)),
  )
  const row = (figure: string, met: string, failures: number, extra: Partial<Row> = {}): Row => ({
    measure: `notification p99 (${run.rate}/s, ${SUBSCRIPTIONS} subs.)`,
    figure,
    target: `≤ ${target} ms`,
    ceiling: '',
    ratio: '',
    met,
    failures,
    ...extra,
  })
  try {
    const { created, refused } = await subscribe(run, receiver, headers, subscribed)
    if (refused === 'not available') return row('not available yet', '–', 0)
    if (refused === 'failed') return row('subscriptions refused', 'no (failures)', SUBSCRIPTIONS - created)
    say(`notifications: ${created} subscriptions to ${receiver.url}, one per AirQualityObserved entity`)
    const patchRequest = (i: number) => ({
      method: 'PATCH',
      path: `/ngsi-ld/v1/entities/${encodeURIComponent(subscribed[i % subscribed.length]!)}/attrs/NO2`,
      headers,
      body: (at: number) => `{"value":${at}}`,
    })
    // Warm-up: one update of each, until their notifications came (or 5 s).
    await paced({
      url: run.info.url,
      rate: 200,
      seconds: SUBSCRIPTIONS / 200,
      maxInFlight: 50,
      request: patchRequest,
    })
    const warmUntil = performance.now() + 5000
    while (receiver.latencies.size < SUBSCRIPTIONS && performance.now() < warmUntil)
      await new Promise((resolve) => setTimeout(resolve, 20))
    receiver.latencies.clear()
    receiver.notifications = 0

    const floor = await paced({
      url: options.helloUrl,
      rate: run.rate,
      seconds: Math.min(5, run.seconds),
      maxInFlight: 200,
      request: () => ({ method: 'GET', path: '/', headers: {} }),
    })
    const main = await notifyAtRate(run, receiver, patchRequest, run.rate)
    say(`  floor: hello-world at ${run.rate}/s, round trip p99 ${ms(percentile(floor.times, 0.99))}`)
    // Over capacity the latency is the queue's; at half the PATCH rate measured before it is the pipeline's.
    const within = main.held
      ? undefined
      : await notifyAtRate(run, receiver, patchRequest, Math.max(10, Math.floor(options.patchRps / 2)))
    // Updates not sent because 200 were outstanding are not failures, but the rate was not held.
    const failures = main.failures + main.missing
    const met =
      failures > 0 ? 'no (failures)' : !main.held ? 'no (rate not held)' : main.p99 <= target ? 'yes' : 'no'
    const figure = main.held
      ? ms(main.p99)
      : `${ms(main.p99)} at ${count(main.achieved)}/s; ${ms(within?.p99 ?? Number.NaN)} at ${count(within?.achieved ?? 0)}/s`
    return row(figure, met, failures + (within ? within.failures + within.missing : 0), {
      ceiling: `${ms(percentile(floor.times, 0.99))} (hello-world p99 at ${run.rate}/s)`,
      ratio: (percentile(floor.times, 0.99) / main.p99).toFixed(2),
    })
  } finally {
    await receiver.close()
  }
}
