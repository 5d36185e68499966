declare module '../../platform/events/event-bus.ts' {
  interface CetateEvents {
    AreasImported: { city: string; kind: string; count: number }
  }
}

export {}
