import { constructTable, type SortingState } from '@tanstack/react-table'
// the vanilla (non-React) reactivity of the table core this table is built on
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings'
import { describe, expect, it } from 'vitest'
import type { TensorInfo, TensorStats } from '@shared/model'
import { features } from './columns'
import { statColumns, type StatsLookup } from './stat-columns'

const tensor = (key: string) => ({ key }) as TensorInfo
const stats = (key: string, absMax: number | null, nonFinite = 0, zeros = 0): TensorStats =>
  ({ key, count: 4, basis: 'finite-values', absMax, min: absMax === null ? null : -absMax, mean: 0, std: 1, l2: 1, nan: nonFinite, posInf: 0, negInf: 0, zeros, max: absMax }) as TensorStats

/** Rows of the table sorted by one stat column, as the variables table does it (TanStack's sorted row model). */
function sortedKeys(lookup: StatsLookup, keys: string[], sorting: SortingState): string[] {
  const table = constructTable({ features: { ...features, coreReactivityFeature: storeReactivityBindings() }, columns: statColumns(lookup, () => {}), data: keys.map(tensor), getRowId: (t: TensorInfo) => t.key, state: { sorting } } as never) as unknown as {
    getRowModel(): { rows: { original: TensorInfo }[] }
  }
  return table.getRowModel().rows.map((r) => r.original.key)
}

describe('statistics columns of the variables table', () => {
  const known = new Map([
    ['small', stats('small', 0.5)],
    ['big', stats('big', 1e6)],
    ['nan', stats('nan', 2, 7)],
    ['zero', stats('zero', 0, 0, 4)],
    ['strings', { ...stats('strings', null), basis: 'none' } as TensorStats],
  ])
  const lookup: StatsLookup = { get: (k) => known.get(k), isSuspicious: (k) => k === 'slot' }
  const keys = ['unknown1', 'small', 'strings', 'big', 'unknown2', 'nan', 'zero', 'slot']

  it('largest |max| first, tensors without statistics last in both directions', () => {
    expect(sortedKeys(lookup, keys, [{ id: 'absMax', desc: true }])).toEqual(['big', 'nan', 'small', 'zero', 'unknown1', 'strings', 'unknown2', 'slot'])
    expect(sortedKeys(lookup, keys, [{ id: 'absMax', desc: false }])).toEqual(['zero', 'small', 'nan', 'big', 'unknown1', 'strings', 'unknown2', 'slot'])
  })

  it('most NaN/Inf first; worst health first', () => {
    expect(sortedKeys(lookup, keys, [{ id: 'nonFinite', desc: true }]).slice(0, 1)).toEqual(['nan'])
    expect(sortedKeys(lookup, keys, [{ id: 'nonFinite', desc: true }]).slice(-3)).toEqual(['unknown1', 'unknown2', 'slot'])
    // NaN/Inf, then the suspicious slot (known from the scan even without its statistics here), then all-zero, then healthy
    expect(sortedKeys(lookup, keys, [{ id: 'health', desc: true }])).toEqual(['nan', 'slot', 'zero', 'small', 'strings', 'big', 'unknown1', 'unknown2'])
  })
})
