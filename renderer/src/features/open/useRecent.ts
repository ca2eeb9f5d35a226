import { useEffect, useState } from 'react'
import { useApp } from '../../state/AppContext'

/** The recent-files list, refreshed after each successful open. */
export function useRecent(): string[] {
  const { api, state } = useApp()
  const [recent, setRecent] = useState<string[]>([])
  const openedId = state.summary?.id
  useEffect(() => {
    let alive = true
    api
      .recentFiles({})
      .then((r) => alive && setRecent(Array.isArray(r) ? r : []))
      .catch(() => alive && setRecent([]))
    return () => {
      alive = false
    }
  }, [api, openedId])
  return recent
}
