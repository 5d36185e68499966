import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from 'helmet'

/** Our policy: scripts, styles and data only from this origin; inline styles for the map library. */
const policy = (frameAncestors: string) =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: [frameAncestors],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Cities also run Cetate on plain HTTP inside their network; upgrading would break that.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Other sites may frame the embeddable widgets; everything else only this origin.
    xFrameOptions: frameAncestors === "'self'" ? { action: 'sameorigin' } : false,
  })

/** Pages under this path are widgets other city sites frame: they hold no personal data and no actions. */
export const EMBEDDABLE_PATH = '/embed/'

/**
 * Helmet's headers, computed once: they are the same for every answer, and running helmet per
 * request cost 40% of the server's throughput (measured with bench/http.ts).
 */
export function securityHeaders(options: { embeddable?: boolean } = {}): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  } as unknown as ServerResponse
  let failure: unknown
  policy(options.embeddable ? '*' : "'self'")(
    { headers: {} } as IncomingMessage,
    response,
    (error?: unknown) => {
      failure = error
    },
  )
  if (failure) throw failure
  return headers
}
