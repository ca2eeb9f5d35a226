/** The values of a tensor as numpy prints them (only the elements shown are read). */
import { useEffect, useState } from 'react'
import type { TensorInfo } from '@shared/model'
import { serializeError, type SerializedError } from '@shared/errors'
import { useApp } from '../../state/AppContext'
import { formatInt } from '../../lib/format'
import { ErrorBanner } from '../../components/ErrorBanner'
import { loadPreview, PREVIEW_LIMIT, type Preview } from './values'

type Load = { status: 'idle' } | { status: 'loading' } | { status: 'done'; preview: Preview } | { status: 'failed'; error: SerializedError }

export function ValuesPreview({ checkpointId, tensor }: { checkpointId: string; tensor: TensorInfo }) {
  const { api } = useApp()
  // The object graph is a serialized proto: its bytes are not worth showing unasked.
  const auto = tensor.role !== 'object_graph'
  const [load, setLoad] = useState<Load>({ status: 'idle' })
  const [requested, setRequested] = useState(auto)

  useEffect(() => {
    setRequested(auto)
    setLoad({ status: 'idle' })
  }, [checkpointId, tensor.key, auto])

  useEffect(() => {
    if (!requested) return
    let alive = true
    setLoad({ status: 'loading' })
    loadPreview(tensor, (offset, limit) => api.readTensor({ id: checkpointId, key: tensor.key, offset, limit }))
      .then((preview) => alive && setLoad({ status: 'done', preview }))
      .catch((e) => alive && setLoad({ status: 'failed', error: serializeError(e) }))
    return () => {
      alive = false
    }
  }, [api, checkpointId, tensor, requested])

  return (
    <div className="values" data-testid="values-preview">
      <div className="section-title">
        Values
        {load.status === 'done' && (
          <span className="muted">
            {load.preview.mode === 'numpy'
              ? load.preview.shown < load.preview.total
                ? ` numpy repr · ${formatInt(load.preview.shown)} of ${formatInt(load.preview.total)} read`
                : ` all ${formatInt(load.preview.total)}`
              : ` first ${formatInt(load.preview.shown)} of ${formatInt(load.preview.total)}`}
          </span>
        )}
      </div>
      {!requested && (
        <button className="btn btn-small" onClick={() => setRequested(true)}>
          Show first {PREVIEW_LIMIT} values
        </button>
      )}
      {load.status === 'loading' && <div className="muted small">Reading…</div>}
      {load.status === 'failed' && <ErrorBanner error={load.error} compact />}
      {load.status === 'done' && (
        <pre className="values-text" data-testid="values-text">
          {load.preview.text}
        </pre>
      )}
    </div>
  )
}
