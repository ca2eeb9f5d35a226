/** The first values of a tensor, printed like numpy (api.readTensor, 100 elements). */
import { useEffect, useState } from 'react'
import type { TensorInfo, TensorValues } from '@shared/model'
import { serializeError, type SerializedError } from '@shared/errors'
import { useApp } from '../../state/AppContext'
import { formatInt, formatValues } from '../../lib/format'
import { ErrorBanner } from '../../components/ErrorBanner'

export const PREVIEW_LIMIT = 100

type Load = { status: 'idle' } | { status: 'loading' } | { status: 'done'; values: TensorValues } | { status: 'failed'; error: SerializedError }

export function ValuesPreview({ checkpointId, tensor }: { checkpointId: string; tensor: TensorInfo }) {
  const { api } = useApp()
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
    api
      .readTensor({ id: checkpointId, key: tensor.key, offset: 0, limit: PREVIEW_LIMIT })
      .then((values) => alive && setLoad({ status: 'done', values }))
      .catch((e) => alive && setLoad({ status: 'failed', error: serializeError(e) }))
    return () => {
      alive = false
    }
  }, [api, checkpointId, tensor.key, requested])

  return (
    <div className="values" data-testid="values-preview">
      <div className="section-title">
        Values
        {load.status === 'done' && (
          <span className="muted">
            {load.values.values.length < load.values.total
              ? ` first ${formatInt(load.values.values.length)} of ${formatInt(load.values.total)}`
              : ` all ${formatInt(load.values.total)}`}
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
          {load.values.text ?? formatValues(load.values.values, load.values.shape, load.values.total, load.values.dtype)}
        </pre>
      )}
    </div>
  )
}
