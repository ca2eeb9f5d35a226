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
        <table className="mini-table">
          <tbody>
            {items.map((t) => (
              <tr key={t.name}>
                <td className="mono">{t.name}</td>
                <td className="mono">{t.dtype}</td>
                <td className="mono">{shapeText(t.shape)}</td>
                <td className="mono muted" title="tensor name in the graph">
                  {t.tensorName}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
