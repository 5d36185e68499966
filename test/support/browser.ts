import assert from 'node:assert/strict'
import { type Browser, chromium, type Page } from 'playwright-core'
import type { DemoCetate } from './demo.ts'

/** Debian's Chromium: tests never download a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export interface OpenedPage {
  page: Page
  /** Errors the page logged or threw, beyond failed resources the page expects. */
  problems: string[]
  close: () => Promise<void>
}

export interface OpenOptions {
  language?: string
  width?: number
  /** A demo person's email: the page is opened signed in as them. */
  as?: string
  acceptDownloads?: boolean
}

/** Opens a path in a fresh context, in a language and width, signed in when `as` names a demo person. */
export async function openPage(
  browser: Browser,
  server: DemoCetate,
  path: string,
  options: OpenOptions = {},
): Promise<OpenedPage> {
  const { language = 'ro', width = 1280, as, acceptDownloads = false } = options
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: language,
    acceptDownloads,
    storageState: {
      cookies: [],
      origins: [{ origin: server.url, localStorage: [{ name: 'cetate.language', value: language }] }],
    },
  })
  if (as) {
    const client = await server.signedIn(as)
    const [name, value] = client.cookie!.split('=') as [string, string]
    const { hostname } = new URL(server.url)
    await context.addCookies([
      { name, value, domain: hostname, path: '/', httpOnly: true, secure: true, sameSite: 'Lax' },
    ])
  }
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    // Answers a page expects (something that is not there, a refusal) log a failed resource.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto(server.url + path)
  await page.locator('main h1').waitFor({ timeout: 10_000 })
  return { page, problems, close: () => context.close() }
}

/** Waits until the page's loading states (`.working` in main) are gone. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main .working').first().waitFor({ state: 'detached', timeout: 15_000 })
}

/** Fails when the page scrolls sideways, naming the innermost elements that stick out. */
export async function noSidewaysScroll(page: Page, where = 'the page'): Promise<void> {
  const { overflow, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const wide = Array.from(document.querySelectorAll('main *')).filter(
      (element) => element.getBoundingClientRect().right > width + 1,
    )
    const innermost = wide.filter(
      (element) => !wide.some((other) => other !== element && element.contains(other)),
    )
    return {
      overflow: document.documentElement.scrollWidth - width,
      culprits: innermost
        .slice(0, 5)
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}.${element.className} (in ${element.parentElement?.className})`,
        ),
    }
  })
  assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px: ${culprits.join(', ')}`)
}
