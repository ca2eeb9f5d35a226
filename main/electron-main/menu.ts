import { basename } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  open(kind: 'file' | 'directory'): void
  openRecent(path: string): void
  about(): void
}

export interface MenuState {
  recent: string[]
  /** Reload and devtools only while developing. */
  isDev: boolean
  isMac: boolean
}

/** The application menu as a plain template (built with Menu.buildFromTemplate by the caller). */
export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const recent: MenuItemConstructorOptions[] = state.recent.length
    ? state.recent.map((p) => ({ label: `${basename(p)} — ${p}`, click: () => actions.openRecent(p) }))
    : [{ label: 'No recent checkpoints', enabled: false }]
  const template: MenuItemConstructorOptions[] = []
  if (state.isMac) template.push({ role: 'appMenu' })
  template.push({
    label: 'File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open('file') },
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.open('directory') },
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      state.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  })
  template.push({ role: 'editMenu' })
  template.push({
    label: 'View',
    submenu: [
      ...(state.isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  })
  template.push({ role: 'help', submenu: [{ label: 'About Checkpoint Explorer', click: () => actions.about() }] })
  return template
}
