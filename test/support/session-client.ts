/**
 * Calls a started server the way the web app does: keeps the session cookie it is given and
 * sends the CSRF token on writes.
 */
export class SessionClient {
  readonly #baseUrl: string
  cookie: string | undefined
  csrfToken: string | undefined

  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl
  }

  async request(
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers }
    if (this.cookie) headers.cookie = this.cookie
    if (this.csrfToken && init.method && init.method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken
    if (init.json !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(`${this.#baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    })
    const set = response.headers.get('set-cookie')
    if (set) {
      const [pair] = set.split(';')
      this.cookie = pair?.endsWith('=') ? undefined : pair
    }
    return response
  }

  async json<T>(path: string, init?: Parameters<SessionClient['request']>[1]): Promise<T> {
    const response = await this.request(path, init)
    if (!response.ok)
      throw new Error(
        `${init?.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`,
      )
    if (response.status === 204) return undefined as T
    return (await response.json()) as T
  }

  async signIn(email: string, password: string): Promise<void> {
    const state = await this.json<{ csrfToken: string }>('/api/account/sign-in', {
      method: 'POST',
      json: { email, password },
    })
    this.csrfToken = state.csrfToken
  }
}
