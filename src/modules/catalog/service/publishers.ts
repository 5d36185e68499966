import type { ModuleContext } from '../../../platform/module.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import { listOrganisations } from '../../identity/index.ts'

const FRESH_MS = 5_000
const recent = new WeakMap<object, { at: number; publishers: Publishers }>()

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

  /** Read at most every few seconds: every catalogue answer names publishers, which seldom change. */
  static async load(context: ModuleContext, options: { fresh?: boolean } = {}): Promise<Publishers> {
    const cached = recent.get(context.db)
    if (cached && !options.fresh && Date.now() - cached.at < FRESH_MS) return cached.publishers
    const organisations = await listOrganisations(context, {})
    const publishers = new Publishers(organisations.map(({ id, slug, names }) => ({ id, slug, name: names })))
    recent.set(context.db, { at: Date.now(), publishers })
    return publishers
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
