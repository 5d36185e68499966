import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import pdfmake from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js'

// Roboto carries ș ț ă â î and ő ű, which the standard PDF fonts cannot print.
const robotoDir = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
)
const roboto = {
  normal: join(robotoDir, 'Roboto-Regular.ttf'),
  bold: join(robotoDir, 'Roboto-Medium.ttf'),
  italics: join(robotoDir, 'Roboto-Italic.ttf'),
  bolditalics: join(robotoDir, 'Roboto-MediumItalic.ttf'),
}
const fontFiles = new Set(Object.values(roboto))

let prepared = false

/** The report is made of our own data: it may read the fonts and nothing else, locally or online. */
function prepare(): void {
  if (prepared) return
  pdfmake.addFonts({ Roboto: roboto })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path))
  prepared = true
}

export function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  prepare()
  return pdfmake
    .createPdf({ ...document, defaultStyle: { font: 'Roboto', ...document.defaultStyle } })
    .getBuffer()
}
