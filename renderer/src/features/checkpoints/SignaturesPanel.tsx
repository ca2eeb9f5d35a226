/** SavedModel signatures: inputs and outputs with dtype and shape. */
import type { SavedModelSummary, SignatureTensor } from '@shared/model'

function shapeText(s: number[] | null): string {
  if (s === null) return 'unknown rank'
  return `(${s.map((d) => (d < 0 ? 'None' : String(d))).join(', ')}${s.length === 1 ? ',' : ''})`
}

function IoTable({ title, items }: { title: string; items: SignatureTensor[] }) {
  return (
    <>
      <div className="sig-io-title">{title}</div>
      {items.length === 0 ? (
        <div className="muted small">none</div>
      ) : (
        <ul className="sig-list">
          {items.map((t) => (
            <li key={t.name} className="sig-item">
              <div className="sig-line">
                <span className="mono sig-name">{t.name}</span>
                <span className="mono sig-type">
                  {t.dtype} {shapeText(t.shape)}
                </span>
              </div>
              <div className="mono muted sig-tensor" title="tensor name in the graph">
                {t.tensorName}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function SignaturesPanel({ savedModel }: { savedModel: SavedModelSummary }) {
  if (savedModel.signatures.length === 0) return <div className="empty-state muted">This SavedModel declares no signatures.</div>
  return (
    <div className="details signatures" data-testid="signatures">
      {savedModel.signatures.map((sig) => (
        <div className="signature" key={sig.key}>
          <div className="signature-head">
            <span className="mono signature-key">{sig.key}</span>
            <span className="muted small">{sig.methodName}</span>
          </div>
          <IoTable title="Inputs" items={sig.inputs} />
          <IoTable title="Outputs" items={sig.outputs} />
        </div>
      ))}
    </div>
  )
}
