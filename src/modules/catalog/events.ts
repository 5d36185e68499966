declare module '../../platform/events/event-bus.ts' {
  interface CetateEvents {
    DatasetChanged: { datasetId: string; name: string; change: 'created' | 'updated' | 'status' | 'deleted' }
  }
}

export {}
