/** How the bench prints: one line at a time, whole numbers grouped, milliseconds to a sensible precision. */

export const say = (line = '') => process.stdout.write(`${line}\n`)

export const count = (value: number) => Math.round(value).toLocaleString('en-US')

export const ms = (value: number) =>
  Number.isNaN(value) ? '–' : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`
