import type { ReactNode } from 'react'

/** The question asked before something that cannot be undone: one button goes ahead, the other does not. */
export function ConfirmQuestion({
  question,
  confirm,
  cancel,
  busy,
  onConfirm,
  onCancel,
}: {
  question: ReactNode
  confirm: string
  cancel: string
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  return (
    <div className="confirm">
      <p>{question}</p>
      <div className="actions">
        <button type="button" className="button--danger" disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="button--secondary" disabled={busy} onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </div>
  )
}
