import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getApi } from './api'
import { AppProvider } from './state/AppContext'
import { App } from './App'
import './styles.css'

const root = document.getElementById('root')!
createRoot(root).render(
  <StrictMode>
    <AppProvider api={getApi()}>
      <App />
    </AppProvider>
  </StrictMode>,
)
