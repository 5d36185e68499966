import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type Language, languages, messages } from '../support/messages.ts'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') entries.set(prefix + key, value)
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text)
  }
  return entries
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort()

const flat = Object.fromEntries(
  languages.map((language) => [language, flatten(messages[language])]),
) as Record<Language, Map<string, string>>

test('every language has the same keys as Romanian', () => {
  const keys = [...flat.ro.keys()].sort()
  for (const language of languages) assert.deepEqual([...flat[language].keys()].sort(), keys, language)
})

test('every text is non-empty and keeps the placeholders of the Romanian one', () => {
  for (const [key, romanian] of flat.ro) {
    for (const language of languages) {
      const text = flat[language].get(key) ?? ''
      assert.notEqual(text.trim(), '', `${language} ${key}`)
      assert.deepEqual(placeholders(text), placeholders(romanian), `${language} ${key}`)
    }
  }
})

test('Romanian uses the comma-below ș and ț, never the cedilla forms', () => {
  for (const [key, text] of flat.ro) assert.doesNotMatch(text, /[şţŞŢ]/, key)
})
