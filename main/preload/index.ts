// Sandboxed preload (built as CommonJS, out/preload/index.cjs): the page's only way into the main process.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { createCheckpointApi, createHostApi } from './api-bridge'

contextBridge.exposeInMainWorld('api', createCheckpointApi(ipcRenderer))
contextBridge.exposeInMainWorld('host', createHostApi(ipcRenderer, (file) => webUtils.getPathForFile(file)))
