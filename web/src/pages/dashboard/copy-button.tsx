import { useId, useState } from 'react'

/**
 * Copies `text` and says so where the reader looks; where the clipboard is refused, shows the text
 * in a field to copy by hand.
 */
export function CopyButton({
  text,
  label,
  copied,
  manual,
  field,
}: {
  text: string
  label: string
  /** The confirmation once copied. */
  copied: string
  /** What to do when copying is refused. */
  manual: string
  /** The name of the field that then holds the text. */
  field: string
}) {
  const id = useId()
  const [outcome, setOutcome] = useState<'copied' | 'refused' | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setOutcome('copied')
    } catch {
      setOutcome('refused')
    }
  }
  return (
    <div className="copy">
      <button type="button" className="button--secondary" onClick={() => void copy()}>
        {label}
      </button>
      <p role="status" className={outcome === 'copied' ? 'copy__done' : 'copy__status'}>
        {outcome === 'copied' && copied}
        {outcome === 'refused' && manual}
      </p>
      {outcome === 'refused' && (
        <>
          <label className="visually-hidden" htmlFor={id}>
            {field}
          </label>
          <input
            id={id}
            className="copy__field"
            readOnly
            value={text}
            onFocus={(event) => event.target.select()}
          />
        </>
      )}
    </div>
  )
}
