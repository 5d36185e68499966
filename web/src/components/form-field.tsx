import { type InputHTMLAttributes, useId } from 'react'

type FormFieldProps = {
  label: string
  /** A rule or example shown under the label and announced with the field. */
  hint?: string
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>

/** A labelled text input with an optional hint tied to it. */
export function FormField({ label, hint, ...input }: FormFieldProps) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="form-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input id={id} aria-describedby={hintId} {...input} />
    </div>
  )
}

/** A submit button that shows the request is running: disabled, its label ending in "…". */
export function SubmitButton({
  busy,
  label,
  className,
}: {
  busy: boolean
  label: string
  className?: string
}) {
  return (
    <button type="submit" disabled={busy} className={className}>
      {busy ? `${label}…` : label}
    </button>
  )
}
