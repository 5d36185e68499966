import { randomUUID } from 'node:crypto'
import { CORE_CONTEXT_URL, isCoreContextUrl } from '../json-ld/core-context.ts'
import { isMqtt, MQTT_VERSIONS } from './endpoint-input.ts'
import type { LiveSubscription } from './subscription-matching.ts'

const CONTEXT_REL = 'http://www.w3.org/ns/json-ld#context'
export const DEFAULT_TIMEOUT_MS = 5_000

/** How a promised notification is sent: HTTP headers (MQTT metadata), timeout, MQTT options. */
export interface Delivery {
  headers: Record<string, string>
  timeoutMs: number
  mqtt?: { qos: 0 | 1 | 2; version: 4 | 5 }
}

/** A notification written down before it is sent (context.notifications), then delivered from there. */
export interface PromisedNotification {
  id: string
  tenant: string
  subscriptionId: string
  /** The endpoint URI, which is also the queue it waits in. */
  endpoint: string
  delivery: Delivery
  /** The bytes sent: the notification, or for MQTT the message wrapping it. */
  payload: string
}

/** The one context URL a JSON notification's Link header can name; the core context when there is none. */
function linkedContext(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) {
    const urls = value.filter((item): item is string => typeof item === 'string' && !isCoreContextUrl(item))
    if (urls.length === 1 && value.every((item) => typeof item === 'string')) return urls[0] as string
  }
  return CORE_CONTEXT_URL
}

/** NGSI-LD 5.3.1 notification and its HTTP binding (6.3.x) or MQTT binding (metadata + body). */
export function notificationMessage(
  subscription: LiveSubscription,
  data: unknown,
  notifiedAt: string,
): PromisedNotification {
  const id = randomUUID()
  const { endpoint } = subscription.definition.notification
  const ld = endpoint.accept === 'application/ld+json'
  const document = {
    ...(ld ? { '@context': subscription.contextValue ?? CORE_CONTEXT_URL } : {}),
    id: `urn:ngsi-ld:Notification:${id}`,
    type: 'Notification',
    subscriptionId: subscription.id,
    notifiedAt,
    data,
  }
  const headers: Record<string, string> = { 'Content-Type': endpoint.accept }
  if (!ld)
    headers.Link = `<${linkedContext(subscription.contextValue)}>; rel="${CONTEXT_REL}"; type="application/ld+json"`
  if (subscription.tenant !== '') headers['NGSILD-Tenant'] = subscription.tenant
  for (const { key, value } of endpoint.receiverInfo ?? []) headers[key] = value
  const delivery: Delivery = { headers, timeoutMs: endpoint.timeout ?? DEFAULT_TIMEOUT_MS }
  let payload = JSON.stringify(document)
  if (isMqtt(endpoint.uri)) {
    const info = new Map((endpoint.notifierInfo ?? []).map(({ key, value }) => [key, value]))
    const version = info.get('MQTT-Version') as keyof typeof MQTT_VERSIONS | undefined
    delivery.mqtt = {
      qos: Number(info.get('MQTT-QoS') ?? 0) as 0 | 1 | 2,
      version: version ? MQTT_VERSIONS[version] : 4,
    }
    payload = `{"metadata":${JSON.stringify(headers)},"body":${payload}}`
  }
  return {
    id,
    tenant: subscription.tenant,
    subscriptionId: subscription.id,
    endpoint: endpoint.uri,
    delivery,
    payload,
  }
}
