import { foldForSearch } from '../../platform/text/fold.ts'
import type { LocalizedText } from '../../platform/text/localized.ts'

const allLanguages = (text: LocalizedText | null | undefined): string =>
  text ? [text.ro, text.en, text.hu].filter(Boolean).join(' ') : ''

/**
 * The folded text a dataset is found by: titles weigh more than descriptions and keywords. Stored
 * beside the dataset (catalog.datasets.search_title and search_body) so search needs no unaccent.
 */
export function searchText(dataset: {
  title: LocalizedText
  description: LocalizedText
  keywords: readonly string[]
}): { title: string; body: string } {
  return {
    title: foldForSearch(allLanguages(dataset.title)),
    body: foldForSearch([allLanguages(dataset.description), ...dataset.keywords].join(' ')),
  }
}
