import { type Level, useLiveWords } from './words.ts'

/** A reading's level in words, after a swatch of its colour; a dash where there is none. */
export function LevelText({ level }: { level: Level | undefined }) {
  const { levelName } = useLiveWords()
  if (!level) return <span className="muted">–</span>
  return (
    <span className="level">
      <span className="swatch" style={{ background: level.colour }} aria-hidden="true" />
      {levelName(level.key)}
    </span>
  )
}
