/**
 * For the tests: a browser as far as a sign-in needs one. It keeps the cookies one server sets
 * (name by name, ignoring paths, which the flows here never depend on), follows nothing on its
 * own, and sends the CSRF token on JSON writes like the web app does.
 */
export class TestBrowser {
  readonly #cookies = new Map<string, string>()
  csrfToken: string | undefined

  async request(
    url: string,
    init: { method?: string; json?: unknown; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {}
    if (this.#cookies.size)
      headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    let body: string | undefined
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(init.json)
    } else if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(init.form).toString()
    }
    if (this.csrfToken && init.method && init.method !== 'GET' && init.json !== undefined)
      headers['x-csrf-token'] = this.csrfToken
    const response = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const at = pair!.indexOf('=')
      const name = pair!.slice(0, at).trim()
      const value = pair!.slice(at + 1).trim()
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a),
      )
      if (expired || value === '') this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
    return response
  }

  async json<T>(url: string, init: Parameters<TestBrowser['request']>[1] = {}): Promise<T> {
    const response = await this.request(url, init)
    if (!response.ok)
      throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as T
  }

  /** Follows one redirect answer, returning where it points. */
  async location(url: string, init: Parameters<TestBrowser['request']>[1] = {}): Promise<string> {
    const response = await this.request(url, init)
    const location = response.headers.get('location')
    if (response.status < 300 || response.status >= 400 || !location)
      throw new Error(`${url} answered ${response.status}, not a redirect: ${await response.text()}`)
    return new URL(location, url).href
  }

  async signIn(baseUrl: string, email: string, password: string): Promise<void> {
    const state = await this.json<{ csrfToken: string }>(`${baseUrl}/api/account/sign-in`, {
      method: 'POST',
      json: { email, password },
    })
    this.csrfToken = state.csrfToken
  }
}
