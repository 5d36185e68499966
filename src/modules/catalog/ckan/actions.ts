import type { CkanAction } from './action.ts'
import { datastoreActions } from './datastore-actions.ts'
import { datastoreSqlActions } from './datastore-sql.ts'
import { directoryActions } from './directory-actions.ts'
import { packageActions } from './package-actions.ts'

const listed: Record<string, CkanAction> = {
  ...packageActions,
  ...directoryActions,
  ...datastoreActions,
  ...datastoreSqlActions,
}

/** The CKAN actions Cetate answers, by name; all of them read. */
export const CKAN_ACTIONS: Record<string, CkanAction> = {
  ...listed,
  help_show: {
    help: 'Returns the help text of an action.',
    run: async (call) => {
      const name = call.params.required('name')
      return CKAN_ACTIONS[name]?.help ?? null
    },
  },
  status_show: {
    help: 'Returns what this site runs.',
    run: async () => ({
      ckan_version: '2.11.0',
      site_title: 'Cetate',
      site_description: 'Open data catalogue (CKAN-compatible API)',
      site_url: '',
      extensions: ['datastore', 'dcat', 'fluent'],
    }),
  },
}
