import { badRequest, NgsiError } from '../errors.ts'
import { ACCEPTED_MEDIA, type Endpoint, type KeyValue, type NotificationMedia } from './subscription-model.ts'

const PROTOCOLS = ['http:', 'https:', 'mqtt:', 'mqtts:']
// RFC 9110 token: what a header name may be.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/
// The notifier sets these itself; a receiver header must not contradict what is sent.
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'host',
  'link',
  'ngsild-tenant',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
])
export const MQTT_VERSIONS = { 'mqtt3.1.1': 4, 'mqtt5.0': 5 } as const
const MAX_TIMEOUT_MS = 60_000

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const isMqtt = (uri: string): boolean => uri.startsWith('mqtt:') || uri.startsWith('mqtts:')

/** NGSI-LD 5.2.15: where and how notifications go. */
export function readEndpoint(value: unknown): Endpoint {
  if (!isObject(value)) throw badRequest('"notification.endpoint" must be an object with a "uri".')
  const endpoint: Partial<Endpoint> = {}
  for (const [key, member] of Object.entries(value)) {
    switch (key) {
      case 'uri':
        endpoint.uri = readUri(member)
        break
      case 'accept':
        if (!(ACCEPTED_MEDIA as readonly unknown[]).includes(member))
          throw badRequest(`"notification.endpoint.accept" must be one of: ${ACCEPTED_MEDIA.join(', ')}.`)
        endpoint.accept = member as NotificationMedia
        break
      case 'timeout':
        if (typeof member !== 'number' || !Number.isFinite(member) || member <= 0 || member > MAX_TIMEOUT_MS)
          throw badRequest(
            `"notification.endpoint.timeout" must be milliseconds, more than 0 and at most ${MAX_TIMEOUT_MS}.`,
          )
        endpoint.timeout = member
        break
      case 'cooldown':
        throw new NgsiError(
          'OperationNotSupported',
          'notification.endpoint.cooldown is not supported; failed notifications are retried with backoff.',
        )
      case 'receiverInfo':
        endpoint.receiverInfo = readReceiverInfo(member)
        break
      case 'notifierInfo':
        endpoint.notifierInfo = readKeyValues(member, 'notifierInfo')
        break
      default:
        throw badRequest(`"notification.endpoint" has no member "${key}" (NGSI-LD 5.2.15).`)
    }
  }
  if (!endpoint.uri) throw badRequest('"notification.endpoint" needs a "uri".')
  if (endpoint.notifierInfo) checkNotifierInfo(endpoint.notifierInfo, endpoint.uri)
  return { ...endpoint, uri: endpoint.uri, accept: endpoint.accept ?? 'application/json' }
}

function readUri(value: unknown): string {
  let url: URL
  try {
    url = new URL(String(value))
  } catch {
    throw badRequest(
      '"notification.endpoint.uri" must be an absolute URI, e.g. "https://example.org/notify".',
    )
  }
  if (typeof value !== 'string' || !PROTOCOLS.includes(url.protocol))
    throw badRequest('"notification.endpoint.uri" must be an http, https, mqtt or mqtts URI.')
  if (!url.hostname) throw badRequest('"notification.endpoint.uri" must name a host.')
  if (url.hash) throw badRequest('"notification.endpoint.uri" must not have a #fragment.')
  if (isMqtt(value)) {
    const topic = decodeURIComponent(url.pathname.slice(1))
    if (topic.length === 0)
      throw badRequest('An MQTT endpoint names its topic as the path: "mqtt://broker:1883/city/air".')
    if (/[+#]/.test(topic)) throw badRequest('An MQTT topic to publish to may not hold the wildcards + or #.')
  }
  return value
}

function readKeyValues(value: unknown, name: string): KeyValue[] {
  if (!Array.isArray(value) || value.length > 50)
    throw badRequest(`"${name}" must be a list of {"key", "value"} pairs.`)
  return value.map((item) => {
    if (
      !isObject(item) ||
      typeof item.key !== 'string' ||
      typeof item.value !== 'string' ||
      Object.keys(item).length !== 2
    )
      throw badRequest(`"${name}" must hold {"key": "...", "value": "..."} pairs of text.`)
    return { key: item.key, value: item.value }
  })
}

/** receiverInfo becomes request headers (HTTP) or message metadata (MQTT). */
function readReceiverInfo(value: unknown): KeyValue[] {
  const pairs = readKeyValues(value, 'receiverInfo')
  for (const { key, value: text } of pairs) {
    if (!HEADER_NAME.test(key)) throw badRequest(`receiverInfo key "${key}" is not a valid header name.`)
    if (RESERVED_HEADERS.has(key.toLowerCase()))
      throw badRequest(`receiverInfo may not set "${key}"; the notifier sets it.`)
    if (/[\r\n\0]/.test(text) || text.length > 8192)
      throw badRequest(`receiverInfo "${key}" has a value that cannot be sent as a header.`)
  }
  return pairs
}

/** NGSI-LD MQTT binding: notifierInfo sets MQTT-Version and MQTT-QoS. */
function checkNotifierInfo(pairs: KeyValue[], uri: string): void {
  for (const { key, value } of pairs) {
    if (!isMqtt(uri))
      throw badRequest('"notifierInfo" configures MQTT endpoints (MQTT-Version, MQTT-QoS); this one is HTTP.')
    if (key === 'MQTT-Version') {
      if (!(value in MQTT_VERSIONS)) throw badRequest('MQTT-Version must be "mqtt3.1.1" or "mqtt5.0".')
    } else if (key === 'MQTT-QoS') {
      if (!['0', '1', '2'].includes(value)) throw badRequest('MQTT-QoS must be "0", "1" or "2".')
    } else throw badRequest(`notifierInfo has "${key}"; known keys: MQTT-Version, MQTT-QoS.`)
  }
}
