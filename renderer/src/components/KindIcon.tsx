/** Small inline-SVG glyphs, one per tree node kind; colour comes from CSS (`.kind-<kind>`). */
import { memo, type ReactElement } from 'react'
import type { TreeNodeKind } from '@shared/model'

const PATHS: Record<TreeNodeKind, ReactElement> = {
  root: (
    <>
      <path d="M8 1.6l5.5 3.2v6.4L8 14.4l-5.5-3.2V4.8z" fill="currentColor" fillOpacity=".18" />
      <path d="M8 1.6l5.5 3.2v6.4L8 14.4l-5.5-3.2V4.8z" />
      <circle cx="8" cy="8" r="1.9" fill="currentColor" />
    </>
  ),
  object: (
    <>
      <path d="M8 1.8l5.4 3v6.4L8 14.2l-5.4-3V4.8z" fill="currentColor" fillOpacity=".14" />
      <path d="M8 1.8l5.4 3v6.4L8 14.2l-5.4-3V4.8zM2.6 4.8L8 7.8l5.4-3M8 7.8v6.4" />
    </>
  ),
  scope: (
    <>
      <path d="M1.8 4.2c0-.6.4-1 1-1h3.3l1.5 1.6h5.6c.6 0 1 .4 1 1v6.2c0 .6-.4 1-1 1H2.8c-.6 0-1-.4-1-1z" fill="currentColor" fillOpacity=".2" />
      <path d="M1.8 4.2c0-.6.4-1 1-1h3.3l1.5 1.6h5.6c.6 0 1 .4 1 1v6.2c0 .6-.4 1-1 1H2.8c-.6 0-1-.4-1-1z" />
    </>
  ),
  variable: (
    <>
      <rect x="2.5" y="2.5" width="11" height="11" rx="1.6" fill="currentColor" fillOpacity=".2" />
      <rect x="2.5" y="2.5" width="11" height="11" rx="1.6" />
      <path d="M6.2 2.5v11M9.8 2.5v11M2.5 6.2h11M2.5 9.8h11" strokeOpacity=".7" />
    </>
  ),
  slot: (
    <>
      <path d="M2.4 3.4v4.3l6.2 6.1 5.1-5.1-6.2-6.2H3.4c-.6 0-1 .4-1 .9z" fill="currentColor" fillOpacity=".2" />
      <path d="M2.4 3.4v4.3l6.2 6.1 5.1-5.1-6.2-6.2H3.4c-.6 0-1 .4-1 .9z" />
      <circle cx="5.4" cy="5.4" r="1.1" fill="currentColor" />
    </>
  ),
  optimizer: (
    <>
      <path d="M2.2 11.6a6 6 0 1111.6 0z" fill="currentColor" fillOpacity=".18" />
      <path d="M2.2 11.6a6 6 0 1111.6 0z" />
      <path d="M8 11.2l2.9-4.1" strokeWidth="1.6" />
      <circle cx="8" cy="11.2" r="1.1" fill="currentColor" />
    </>
  ),
  save_counter: (
    <>
      <circle cx="8" cy="8" r="5.8" fill="currentColor" fillOpacity=".18" />
      <circle cx="8" cy="8" r="5.8" />
      <path d="M8 4.6V8l2.3 1.6" strokeWidth="1.5" />
    </>
  ),
  tensor: (
    <>
      <rect x="3.5" y="3.5" width="9" height="9" rx="1.2" fill="currentColor" fillOpacity=".14" />
      <rect x="3.5" y="3.5" width="9" height="9" rx="1.2" />
    </>
  ),
  object_graph: (
    <>
      <path d="M4.3 4.5l7.4 0M4.3 4.5L8 11.8M11.7 4.5L8 11.8" strokeOpacity=".8" />
      <circle cx="4.3" cy="4.5" r="2" fill="currentColor" />
      <circle cx="11.7" cy="4.5" r="2" fill="currentColor" />
      <circle cx="8" cy="11.8" r="2" fill="currentColor" />
    </>
  ),
}

export const KIND_LABEL: Record<TreeNodeKind, string> = {
  root: 'root object',
  object: 'object',
  scope: 'name scope',
  variable: 'variable',
  slot: 'optimizer slot variable',
  optimizer: 'optimizer state',
  save_counter: 'save counter',
  tensor: 'tensor',
  object_graph: 'object graph',
}

export const KindIcon = memo(function KindIcon({ kind, size = 16 }: { kind: TreeNodeKind; size?: number }) {
  return (
    <svg
      className={`kind-icon kind-${kind}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.2"
      strokeLinejoin="round"
      strokeLinecap="round"
      aria-hidden="true"
    >
      {PATHS[kind] ?? PATHS.tensor}
    </svg>
  )
})
