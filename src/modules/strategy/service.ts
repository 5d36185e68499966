// The module's commands and queries, one file per subject under service/.
export * from './service/dashboard.ts'
export * from './service/elements.ts'
export * from './service/kpis.ts'
export * from './service/measuring.ts'
