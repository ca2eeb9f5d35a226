/**
 * Choosing the model to restore into: a path field (browser mode can only reach the folders `ckpt serve` was
 * given), the recent list, the native dialogs on the desktop, and which checkpoint of a folder.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { getHost } from '../../api'
import { useApp } from '../../state/AppContext'
import { useEscape } from '../../components/useEscape'
import { baseName, dirName } from '../../lib/format'
import { useRecent } from '../open/useRecent'
import { useRestore } from './RestoreContext'

export function TargetPicker({ large }: { large?: boolean }) {
  const { session, actions } = useRestore()
  const app = useApp()
  const [value, setValue] = useState(session.target?.summary.openedPath ?? '')
  const opened = session.target?.summary.openedPath
  useEffect(() => {
    if (opened) setValue(opened)
  }, [opened])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const p = value.trim()
    if (p) void actions.openTarget(p)
  }
  const host = getHost()
  const pick = async (kind: 'file' | 'directory') => {
    try {
      const paths = await host!.openDialog(kind)
      if (paths[0]) {
        setValue(paths[0])
        await actions.openTarget(paths[0])
      }
    } catch (e) {
      app.actions.showError(e)
    }
  }
  return (
    <div className={`target-picker${large ? ' large' : ''}`}>
      <form className="path-form" onSubmit={submit}>
        <input
          className="path-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="Target model: a checkpoint, a SavedModel folder or a TF1 checkpoint"
          spellCheck={false}
          aria-label="Target model path"
          data-testid="target-path"
          autoFocus={large}
        />
        <button className={`btn${large ? ' btn-primary' : ''}`} type="submit" disabled={!value.trim() || session.targetOpening !== null} data-testid="target-open">
          {session.targetOpening ? 'Loading…' : session.target ? 'Load' : 'Load target'}
        </button>
      </form>
      {host && (
        <>
          <button className="btn" onClick={() => void pick('file')} data-testid="target-open-file">
            Open…
          </button>
          <button className="btn" onClick={() => void pick('directory')} data-testid="target-open-folder">
            Folder…
          </button>
        </>
      )}
      <TargetRecent onPick={(p) => setValue(p)} />
    </div>
  )
}

function TargetRecent({ onPick }: { onPick: (p: string) => void }) {
  const { actions } = useRestore()
  const recent = useRecent()
  const [open, setOpen] = useState(false)
  const close = useCallback(() => setOpen(false), [])
  useEscape(open, close)
  if (recent.length === 0) return null
  return (
    <div className="popover-anchor">
      <button className={`btn${open ? ' active' : ''}`} onClick={() => setOpen((v) => !v)} aria-expanded={open} data-testid="target-recent">
        Recent
        <svg viewBox="0 0 16 16" width="10" height="10" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open && (
        <>
          <div className="popover-backdrop" onClick={close} />
          <div className="popover popover-right recent-popover" role="menu">
            <div className="popover-title">Load as the target</div>
            {recent.map((p) => (
              <button
                key={p}
                className="recent-item"
                role="menuitem"
                title={p}
                onClick={() => {
                  close()
                  onPick(p)
                  void actions.openTarget(p)
                }}
              >
                <span className="mono recent-name">{baseName(p)}</span>
                <span className="mono recent-dir">{dirName(p)}</span>
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  )
}

/** A folder of checkpoints: which one is the model (the latest by default). */
export function TargetCheckpointSelect() {
  const { session, actions } = useRestore()
  const t = session.target?.summary
  if (!t || t.checkpoints.length < 2) return null
  const current = t.checkpoints.find((c) => c.prefix === t.prefix)
  return (
    <select
      className="target-ckpt"
      value={current?.prefix ?? ''}
      onChange={(e) => void actions.openTarget(t.openedPath, e.target.value)}
      aria-label="Checkpoint of the target folder"
      data-testid="target-checkpoint"
      disabled={session.targetOpening !== null}
    >
      {t.checkpoints
        .filter((c) => c.exists)
        .map((c) => (
          <option key={c.prefix} value={c.prefix}>
            {c.name}
            {c.latest ? ' (latest)' : ''}
          </option>
        ))}
    </select>
  )
}
