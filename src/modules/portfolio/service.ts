// The module's commands and queries, one file per subject under service/.
export * from './service/assessments.ts'
export * from './service/lifecycle.ts'
export * from './service/progress-updates.ts'
export * from './service/projects.ts'
export * from './service/settings.ts'
