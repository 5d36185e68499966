import type { ModuleContext } from '../../../platform/module.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import { listOrganisations } from '../../identity/index.ts'

export interface Publisher {
  id: string
  slug: string
  name: LocalizedText
}

/** The organisations that publish, by id and by slug; identity owns them, read once per call. */
export class Publishers {
  readonly #byId: Map<string, Publisher>
  readonly #bySlug: Map<string, Publisher>

  private constructor(publishers: Publisher[]) {
    this.#byId = new Map(publishers.map((publisher) => [publisher.id, publisher]))
    this.#bySlug = new Map(publishers.map((publisher) => [publisher.slug, publisher]))
  }

  static async load(context: ModuleContext): Promise<Publishers> {
    const organisations = await listOrganisations(context, {})
    return new Publishers(organisations.map(({ id, slug, names }) => ({ id, slug, name: names })))
  }

  byId(id: string): Publisher {
    return this.#byId.get(id) ?? { id, slug: 'unknown', name: { ro: 'Organizație necunoscută' } }
  }

  bySlug(slug: string): Publisher | undefined {
    return this.#bySlug.get(slug)
  }

  all(): Publisher[] {
    return [...this.#byId.values()]
  }
}
