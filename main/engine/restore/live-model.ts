import type { ModelDescription, ModelObject, ModelSaveable, RestoreApi } from '@shared/restore'

/**
 * The target model as a running program would have it during a restore: the described objects, minus what this
 * program would not have created yet, plus what the restore call creates (Checkpoint.restore's `save_counter`, and
 * slots a legacy optimizer creates from the checkpoint value). Created objects are appended and marked synthetic.
 */
export class LiveModel {
  readonly objects: ModelObject[]
  readonly addressing: ModelDescription['addressing']
  private readonly slotsByOptimizer = new Map<number, Map<string, number>>()
  /** Built on first lookup, after applyApi has settled the root's children. */
  private readonly childIndex = new Map<number, Map<string, number>>()

  constructor(description: ModelDescription, api: RestoreApi) {
    this.addressing = description.addressing
    this.objects = description.objects.map((o) => ({ ...o, children: [...o.children], slots: [...o.slots] }))
    if (description.addressing === 'object') this.applyApi(api)
  }

  get root(): ModelObject {
    return this.objects[0]
  }

  /**
   * `Checkpoint.read` leaves save_counter alone: a fresh program has none until its first save. `Checkpoint.restore`
   * creates it after reading (and binds it to the checkpoint's `save_counter` through the root's deferred dependency).
   */
  private applyApi(api: RestoreApi): void {
    const root = this.root
    const edge = root.children.find((c) => c.name === 'save_counter')
    const existing = edge ? this.objects[edge.id] : undefined
    if (api === 'read') {
      if (existing?.kind === 'save_counter') {
        root.children = root.children.filter((c) => c !== edge)
        existing.reachable = false
      }
      return
    }
    if (edge) return
    const value: ModelSaveable = { name: 'VARIABLE_VALUE', key: '', fullName: 'save_counter', dtype: 'int64', shape: [], role: 'save_counter' }
    const counter = this.add({ path: '(root).save_counter', kind: 'save_counter', children: [], saveables: [value], optimizerState: false, slots: [], slotSupport: 'none', reachable: true, registeredSaver: null })
    root.children.push({ name: 'save_counter', id: counter.id })
  }

  private add(obj: Omit<ModelObject, 'id'>): ModelObject {
    const created: ModelObject = { ...obj, id: this.objects.length, synthetic: true }
    this.objects.push(created)
    return created
  }

  /** `_lookup_dependency(name)`: the first child with that local name. */
  lookupChild(obj: number, name: string): number | null {
    let index = this.childIndex.get(obj)
    if (!index) {
      index = new Map()
      for (const c of this.objects[obj].children) if (!index.has(c.name)) index.set(c.name, c.id)
      this.childIndex.set(obj, index)
    }
    return index.get(name) ?? null
  }

  /**
   * `optimizer._create_or_restore_slot_variable(position, variable, slot_name)`: the existing slot, or (legacy
   * optimizers, eagerly, when the checkpoint's slot is a plain variable) a new one shaped like the checkpoint value.
   * 'raises' for a Keras >= 2.11 optimizer; null when the object has no slots or defers creation.
   */
  slotFor(optimizer: number, variable: number, slotName: string, checkpointSlot: ModelObject): number | 'raises' | null {
    const opt = this.objects[optimizer]
    if (opt.slotSupport === 'none') return null
    if (opt.slotSupport === 'raises') return 'raises'
    const existing = this.slotIndex(optimizer).get(`${variable}\u0000${slotName}`)
    if (existing !== undefined) return existing
    const value = checkpointSlot.saveables.length === 1 && checkpointSlot.saveables[0].name === 'VARIABLE_VALUE' ? checkpointSlot.saveables[0] : null
    if (!value || checkpointSlot.children.length > 0) return null
    const v = this.objects[variable]
    // add_slot takes the variable's dtype and the checkpoint value's shape.
    const dtype = v.saveables.find((s) => s.name === 'VARIABLE_VALUE')?.dtype ?? value.dtype
    const slot = this.add({
      path: `${opt.path}'s state '${slotName}' for ${v.path}`,
      kind: 'slot',
      children: [],
      saveables: [{ name: 'VARIABLE_VALUE', key: '', fullName: '', dtype, shape: value.shape, role: 'slot' }],
      optimizerState: true,
      slotOf: { optimizer, variable, slotName },
      slots: [],
      slotSupport: 'none',
      reachable: opt.reachable && v.reachable,
      registeredSaver: null,
    })
    opt.slots.push({ variable, slotName, slot: slot.id })
    this.slotIndex(optimizer).set(`${variable}\u0000${slotName}`, slot.id)
    return slot.id
  }

  /** (variable, slot name) → slot object, per optimizer; optimizers hold thousands of slots in large models. */
  private slotIndex(optimizer: number): Map<string, number> {
    let index = this.slotsByOptimizer.get(optimizer)
    if (!index) {
      index = new Map(this.objects[optimizer].slots.map((s) => [`${s.variable}\u0000${s.slotName}`, s.slot]))
      this.slotsByOptimizer.set(optimizer, index)
    }
    return index
  }

  /** `list_objects`: reachable objects (slots only when not skipped), in id order. */
  reachableObjects(skipSlots: boolean): ModelObject[] {
    return this.objects.filter((o) => o.reachable && !(skipSlots && o.kind === 'slot'))
  }
}
