import 'i18next'
import type ro from './ro.json'

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof ro }
  }
}
