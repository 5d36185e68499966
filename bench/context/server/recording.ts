import type { CompiledQuery } from 'kysely'
import type { Database } from '../../../src/platform/db/database.ts'

/** The database, recording every compiled query it runs, so the exact SQL of a route can be explained. */
export function recording(db: Database, seen: CompiledQuery[]): Database {
  const bind = <T extends object>(target: T, prop: string | symbol): unknown => {
    const value: unknown = Reflect.get(target, prop, target)
    return typeof value === 'function' ? value.bind(target) : value
  }
  const traced: Database = new Proxy(db, {
    get(target, prop) {
      // A transaction would run on an executor of its own; recorded here, its statements run on the traced one.
      if (prop === 'transaction')
        return () => ({ execute: <T>(work: (tx: Database) => Promise<T>): Promise<T> => work(traced) })
      if (prop !== 'getExecutor') return bind(target, prop)
      return () => {
        const executor = target.getExecutor()
        return new Proxy(executor, {
          get(inner, innerProp) {
            if (innerProp !== 'executeQuery') return bind(inner, innerProp)
            return (query: CompiledQuery, ...rest: unknown[]) => {
              seen.push(query)
              return Reflect.apply(inner.executeQuery, inner, [query, ...rest])
            }
          },
        })
      }
    },
  })
  return traced
}
