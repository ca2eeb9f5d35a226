/** Drag-and-drop of files and folders onto the window. Desktop: resolved through host.openDropped. */
import { useEffect, useRef, useState } from 'react'
import { useApp } from '../../state/AppContext'
import { getHost } from '../../api'

export function DropZone() {
  const { actions } = useApp()
  const [over, setOver] = useState(false)
  const depth = useRef(0)

  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current++
      setOver(true)
    }
    const overH = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setOver(false)
    }
    const drop = async (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current = 0
      setOver(false)
      const file = e.dataTransfer?.files?.[0]
      if (!file) return
      const host = getHost()
      if (!host) {
        actions.toast(`Browser mode cannot open dropped files (“${file.name}”): type or paste its path in the path field instead.`)
        return
      }
      try {
        const path = await host.openDropped(file)
        if (path) await actions.open(path)
        else actions.toast(`Cannot tell where “${file.name}” is on disk.`)
      } catch (err) {
        actions.showError(err)
      }
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', overH)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', overH)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [actions])

  if (!over) return null
  const host = getHost()
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-card">
        {host ? 'Drop a checkpoint file or folder to open it' : 'Browser mode cannot open dropped files — type the path in the path field'}
      </div>
    </div>
  )
}
