import assert from 'node:assert/strict'
import { mkdir, readFile } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { wcagViolations } from '../support/axe.ts'
import { launchBrowser, openPage, settled } from '../support/browser.ts'
import { type TestDatabase, testBackends } from '../support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../support/demo.ts'
import { type Language, languages, messages } from '../support/messages.ts'

/** The data pages' own words (namespace `data`), so the test follows their wording. */
const data = { ro: messages.ro.data, en: messages.en.data, hu: messages.hu.data }

const screenshots = fileURLToPath(new URL('../../test-results/', import.meta.url))
const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url))
/** The demo's data steward, who may publish for every organisation. */
const publisher = 'date@cluj-napoca.example'
const organisation = 'primaria-cluj-napoca'

/** A small Romanian file: diacritics in the header and the cells, numbers, coordinates. */
const CSV = [
  'stradă,cartier,lungime_m,latitudine,longitudine',
  'Strada Memorandumului,Centru,650,46.7694,23.5862',
  'Bulevardul Eroilor,Centru,420,46.7703,23.5895',
  'Strada Ștefan cel Mare,Gheorgheni,1200,46.7669,23.6102',
  'Calea Mănăștur,Mănăștur,2300,46.7583,23.5561',
  'Strada Observatorului,Zorilor,1800,46.7566,23.5803',
].join('\n')

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))

function opener(getServer: () => DemoCetate, getBrowser: () => Browser) {
  return (path: string, options: { language?: Language; width?: number; as?: string } = {}) =>
    openPage(getBrowser(), getServer(), path, { ...options, acceptDownloads: true })
}

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true })

/** Waits until no request of the page is in progress (no progress message is shown). */
/** Waits until the preview's first row (read again from the server) holds `text`. */
const firstRowSays = (page: Page, text: string) =>
  page.waitForFunction(
    (expected) => document.querySelector('.preview__table tbody tr')?.textContent?.includes(expected),
    text,
  )

let browser: Browser
before(async () => {
  browser = await launchBrowser()
  await mkdir(screenshots, { recursive: true })
})
after(async () => {
  await browser?.close()
})

for (const [index, backend] of testBackends().entries()) {
  describe(`open data pages (${backend.name})`, () => {
    let database: TestDatabase
    let server: DemoCetate
    const open = opener(
      () => server,
      () => browser,
    )
    /** The dataset the publisher creates, by its name in the address. */
    let datasetName = ''
    const title = `Străzi din Cluj-Napoca (${backend.name})`

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database, { WEB_ROOT: webRoot })
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    test('a publisher describes a dataset, uploads a CSV, corrects a type, loads and publishes it', async () => {
      const words = data.en
      const { page, problems, close } = await open('/data/publish', { language: 'en', as: publisher })
      await page.getByRole('heading', { level: 1, name: words.form.createTitle }).waitFor()
      await page.getByLabel(words.form.organisation).selectOption(organisation)
      const titles = page.getByRole('group', { name: words.form.title })
      await titles.getByLabel(words.form.languages.roRequired).fill(title)
      await titles
        .getByLabel(words.form.languages.en, { exact: true })
        .fill(`Streets of Cluj-Napoca (${backend.name})`)
      await page
        .getByRole('group', { name: words.form.description })
        .getByLabel(words.form.languages.roRequired)
        .fill('Străzile orașului cu lungimea și poziția lor.')
      await page.getByLabel(words.form.keywords).fill('străzi, transport')
      await page.getByLabel('Transport', { exact: true }).check()
      await page.getByLabel(words.form.contactName).fill('Direcția Drumuri Publice')
      await page.getByRole('button', { name: words.form.create }).click()

      await page.getByRole('heading', { level: 2, name: words.upload.chooseHeading }).waitFor()
      datasetName = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!)
      assert.match(new URL(page.url()).pathname, /^\/data\/[a-z0-9-]+\/upload$/)

      await page.getByLabel(words.upload.file).setInputFiles({
        name: 'strazi.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CSV, 'utf8'),
      })
      await page.getByRole('button', { name: words.upload.send }).click()
      await page.getByRole('heading', { level: 2, name: words.upload.reviewHeading }).waitFor()
      const length = page.getByLabel(fill(words.upload.typeOf, { column: 'lungime_m' }))
      assert.equal(await length.inputValue(), 'integer', 'whole numbers are read as integers')
      assert.equal(
        await page.getByLabel(fill(words.upload.typeOf, { column: 'latitudine' })).inputValue(),
        'number',
      )
      // The publisher corrects a type before loading: lengths may have decimals later.
      await length.selectOption('number')
      assert.ok(((await page.locator('main').textContent()) ?? '').includes('Ștefan cel Mare'))
      await screenshot(page, `data-upload-review-${backend.name}`)
      assert.deepEqual(await wcagViolations(page), [])
      await page.getByRole('button', { name: fill(words.upload.load, { count: 5 }) }).click()

      await page.getByText(fill(words.upload.loaded, { rows: 5 })).waitFor({ timeout: 30_000 })
      await page.getByRole('link', { name: words.upload.toDataset }).click()

      await page.locator('main h1', { hasText: `Streets of Cluj-Napoca (${backend.name})` }).waitFor()
      await page.getByRole('heading', { level: 2, name: words.publisher.heading }).waitFor()
      await page.getByRole('heading', { level: 3, name: words.quality.heading }).waitFor()
      await settled(page)
      await page.getByRole('button', { name: words.publisher.publish, exact: true }).click()
      await page.getByText(words.publisher.statusChanged.published).waitFor()
      await screenshot(page, `data-publisher-dataset-${backend.name}`)
      assert.deepEqual(problems, [])
      await close()
    })

    test('a type that does not fit is reported with the line numbers, and nothing is loaded', async () => {
      assert.ok(datasetName, 'the publishing test ran first')
      const words = data.ro
      const { page, problems, close } = await open(`/data/${datasetName}/upload`, { as: publisher })
      await page.getByLabel(words.upload.file).setInputFiles({
        name: 'strazi-gresit.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CSV, 'utf8'),
      })
      await page.getByRole('button', { name: words.upload.send }).click()
      await page.getByRole('heading', { level: 2, name: words.upload.reviewHeading }).waitFor()
      // Neighbourhood names are no numbers: every row is refused, each with its line.
      await page.getByLabel(fill(words.upload.typeOf, { column: 'cartier' })).selectOption('integer')
      await page.getByRole('button', { name: fill(words.upload.load, { count: 5 }) }).click()
      const errors = page.locator('.load-errors li')
      await errors.first().waitFor({ timeout: 30_000 })
      assert.equal(await errors.count(), 5)
      assert.match(
        (await errors.first().textContent()) ?? '',
        new RegExp(fill(words.upload.line, { line: 2 })),
      )
      assert.match((await errors.first().textContent()) ?? '', /cartier/)
      await screenshot(page, `data-upload-errors-${backend.name}`)
      assert.deepEqual(await wcagViolations(page), [])
      assert.deepEqual(problems, [])
      await close()
    })

    test('a signed-in person tells of an app built on the dataset', async () => {
      const words = data.hu
      const { page, problems, close } = await open(`/data/${datasetName}`, {
        language: 'hu',
        as: 'ana@cluj-napoca.example',
      })
      await page.getByText(words.reuses.none).waitFor()
      await page.getByText(words.reuses.add).click()
      await page.getByLabel(words.reuses.form.kind).selectOption('app')
      await page.getByLabel(words.reuses.form.title, { exact: true }).fill('Utcatérkép')
      await page.getByLabel(words.reuses.form.url).fill('https://example.org/utcak')
      await page.getByLabel(words.reuses.form.author).fill('Civic Tech Kolozsvár')
      await page.getByRole('button', { name: words.reuses.form.submit }).click()
      await page.getByText(fill(words.reuses.added, { title: 'Utcatérkép' })).waitFor()
      assert.equal(
        await page.getByRole('link', { name: 'Utcatérkép' }).getAttribute('href'),
        'https://example.org/utcak',
      )
      assert.deepEqual(problems, [])
      await close()
    })

    test('a visitor finds it without diacritics, previews, sorts, filters and downloads it', async () => {
      assert.ok(datasetName, 'the publishing test ran first')
      const words = data.ro
      const { page, problems, close } = await open('/data')
      await page.getByLabel(words.search.words).fill('strazi')
      await page.getByRole('button', { name: words.search.submit, exact: true }).click()
      await page.waitForURL(/\?q=strazi/)
      const link = page.getByRole('link', { name: title, exact: true })
      await link.waitFor()
      assert.match((await page.locator('.catalogue__count').textContent()) ?? '', /\d/)
      await link.click()

      await page.locator('main h1', { hasText: title }).waitFor()
      assert.equal(new URL(page.url()).pathname, `/data/${datasetName}`)
      const table = page.locator('.preview__table table')
      await table.locator('tbody tr').first().waitFor()
      assert.equal(await table.locator('tbody tr').count(), 5)
      assert.equal(
        await page.getByRole('button', { name: words.publisher.publish, exact: true }).count(),
        0,
        'a visitor sees no publisher tools',
      )

      // Sorting is the server's: by length, ascending then descending.
      const header = table.locator('th', { hasText: 'lungime_m' })
      await header.getByRole('button').click()
      assert.equal(await header.getAttribute('aria-sort'), 'ascending')
      await firstRowSays(page, 'Bulevardul Eroilor')
      await header.getByRole('button').click()
      assert.equal(await header.getAttribute('aria-sort'), 'descending')
      await firstRowSays(page, 'Calea Mănăștur')

      // Filtering: a column's value, then words anywhere (without diacritics).
      await page.getByLabel(words.preview.column).selectOption('cartier')
      await page.getByLabel(words.preview.equals).fill('Centru')
      await page.getByRole('button', { name: words.preview.apply, exact: true }).click()
      await page.getByText(fill(words.preview.showing, { from: 1, to: 2, total: 2 })).waitFor()
      assert.equal(await table.locator('tbody tr').count(), 2)
      await page.getByRole('button', { name: words.preview.clear }).click()
      await page.getByText(fill(words.preview.showing, { from: 1, to: 5, total: 5 })).waitFor()
      await page.getByLabel(words.preview.words).fill('stefan')
      await page.getByRole('button', { name: words.preview.apply, exact: true }).click()
      await page.getByText(fill(words.preview.showing, { from: 1, to: 1, total: 1 })).waitFor()
      assert.match((await table.locator('tbody tr').first().textContent()) ?? '', /Ștefan cel Mare/)
      await page.getByRole('button', { name: words.preview.clear }).click()

      // A chart of a numeric column with its table, a map of the coordinates, the API snippets.
      await page.locator('.chart canvas').first().waitFor({ timeout: 15_000 })
      await page.locator('.data-map path').first().waitFor()
      assert.ok(((await page.locator('.snippets').textContent()) ?? '').includes('datastore_search'))

      const downloading = page.waitForEvent('download')
      await page.locator('.resource__links a', { hasText: 'CSV' }).click()
      const download = await downloading
      const text = await readFile((await download.path())!, 'utf8')
      assert.ok(text.includes('Strada Ștefan cel Mare'), text)
      assert.ok(text.includes('Calea Mănăștur'), text)
      await screenshot(page, `data-dataset-${backend.name}`)
      assert.deepEqual(problems, [])
      await close()
    })

    // The pages' accessibility does not depend on the database: checked on the first backend only.
    if (index === 0) {
      for (const language of languages) {
        for (const width of [1280, 360]) {
          test(`the catalogue, a dataset and the publisher's pages pass WCAG 2.1 AA (${language}, ${width} px)`, async () => {
            assert.ok(datasetName, 'the publishing test ran first')
            const words = data[language]
            const pages: { path: string; as?: string; ready: (page: Page) => Promise<void> }[] = [
              {
                path: '/data',
                ready: (page) => page.locator('.dataset-card').first().waitFor(),
              },
              {
                path: `/data/${datasetName}`,
                ready: async (page) => {
                  await page.locator('.preview__table tbody tr').first().waitFor()
                  await page.locator('.chart canvas').first().waitFor({ timeout: 15_000 })
                },
              },
              {
                path: `/data/${datasetName}`,
                as: publisher,
                ready: (page) =>
                  page.getByRole('heading', { level: 3, name: words.quality.heading }).waitFor(),
              },
              {
                path: '/data/publish',
                as: publisher,
                ready: (page) => page.getByLabel(words.form.organisation).waitFor(),
              },
              {
                path: `/data/${datasetName}/upload`,
                as: publisher,
                ready: (page) => page.getByLabel(words.upload.file).waitFor(),
              },
            ]
            for (const { path, as, ready } of pages) {
              const { page, problems, close } = await open(path, { language, width, as })
              await ready(page)
              await settled(page)
              if (width === 360) {
                const overflow = await page.evaluate(
                  () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
                )
                assert.ok(overflow <= 0, `${path} fits 360 px (overflows by ${overflow} px)`)
              }
              const name = `data-${path.replace(datasetName, 'dataset').split('/').slice(2).join('-') || 'catalogue'}${as ? '-publisher' : ''}-${language}-${width}`
              await screenshot(page, name)
              assert.deepEqual(await wcagViolations(page), [], `${path} (${language}, ${width} px)`)
              assert.deepEqual(problems, [], path)
              await close()
            }
          })
        }
      }

      test('an unknown dataset says so plainly', async () => {
        const words = data.en
        const { page, close } = await open('/data/no-such-dataset', { language: 'en' })
        await page.locator('main h1', { hasText: words.dataset.notFoundTitle }).waitFor()
        await close()
      })

      test('the publishing form asks an anonymous visitor to sign in', async () => {
        const words = data.ro
        const { page, close } = await open('/data/publish')
        const signIn = page.locator('main').getByRole('link', { name: words.form.signIn })
        assert.equal(
          await signIn.getAttribute('href'),
          `/account/sign-in?return=${encodeURIComponent('/data/publish')}`,
        )
        await close()
      })
    }
  })
}
