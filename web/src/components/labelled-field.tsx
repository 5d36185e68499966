import { type ReactNode, useId } from 'react'

/** What a field's control needs to be tied to its label and hint. */
export type FieldControl = { id: string; 'aria-describedby': string | undefined }

/**
 * A form field: its label, the control (an input, a select, a textarea) and an optional hint under
 * it, announced with the control.
 */
export function LabelledField({
  label,
  hint,
  children,
}: {
  label: string
  hint?: ReactNode
  children: (control: FieldControl) => ReactNode
}) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': hintId })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  )
}
