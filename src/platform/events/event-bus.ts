/**
 * Events that modules announce, declared by each module through declaration merging:
 *
 *   declare module '../../platform/events/event-bus.ts' {
 *     interface CetateEvents { AreasImported: { city: string; count: number } }
 *   }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declarations.
export interface CetateEvents {}

export type EventName = keyof CetateEvents
export type EventHandler<Name extends EventName> = (payload: CetateEvents[Name]) => void | Promise<void>

export interface EventBus {
  /** Announces something that has happened (after its transaction committed). Never throws. */
  emit<Name extends EventName>(name: Name, payload: CetateEvents[Name]): void
  /** Returns a function that stops listening. */
  on<Name extends EventName>(name: Name, handler: EventHandler<Name>): () => void
  /** Resolves when every handler started so far has finished; used at shutdown and in tests. */
  settle(): Promise<void>
}

/**
 * The in-process bus. Handlers run after the emitter has moved on, so a slow or failing listener
 * never delays or breaks the write that announced the event; failures go to `onError`.
 */
export function createEventBus(onError: (name: string, error: unknown) => void): EventBus {
  const handlers = new Map<string, Set<(payload: unknown) => void | Promise<void>>>()
  const running = new Set<Promise<void>>()

  return {
    emit(name, payload) {
      for (const handler of handlers.get(name) ?? []) {
        const run = Promise.resolve()
          .then(() => handler(payload))
          .catch((error: unknown) => onError(name, error))
          .finally(() => running.delete(run))
        running.add(run)
      }
    },
    on(name, handler) {
      let set = handlers.get(name)
      if (!set) {
        set = new Set()
        handlers.set(name, set)
      }
      const entry = handler as (payload: unknown) => void | Promise<void>
      set.add(entry)
      return () => {
        set.delete(entry)
      }
    },
    async settle() {
      while (running.size > 0) await Promise.allSettled([...running])
    },
  }
}
