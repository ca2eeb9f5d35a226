import type { LiveModel } from './live-model'
import type { ModelDescription, ModelSaveable } from '@shared/restore'

/** One checkpoint attribute assigned to one saveable of a model object. */
export interface Read {
  uid: number
  sourceNode: number
  attribute: ModelSaveable
  targetObject: number
  saveable: ModelSaveable
  createdOnRestore: boolean
}

/** Things TF notices while binding, kept for the report. */
export type BindEvent =
  /** One checkpoint node reached by two paths that lead to two different model objects (TF logs a warning). */
  | { kind: 'inconsistent'; node: number; bound: number; other: number }
  /** Two checkpoint nodes resolved to one model object: the later node is bound but its values are never read. */
  | { kind: 'shadowed'; node: number; object: number; byNode: number }
  /** A Keras >= 2.11 optimizer was asked for a legacy slot (raises ValueError from restore()). */
  | { kind: 'slot-raises'; optimizer: number; slotNode: number }

interface SlotRestoration {
  optimizer: number
  slot: number
  slotName: string
}

interface DeferredSlotRestoration {
  variable: number
  slot: number
  slotName: string
}

/**
 * State shared by every restore run against one live model: each object's update uid, all reads, and slot
 * restorations. Slot state is shared (unlike TF, where each coordinator has its own) so that a slot whose variable is
 * bound through a mapping is restored once the optimizer is bound by any run, which is what a user mapping means.
 */
export class RestoreSession {
  readonly updateUid = new Map<number, number>()
  readonly reads: Read[] = []
  /** Attribute keys a forward-compat saveable consumed along with the one it was matched to. */
  readonly consumedByCompat = new Set<string>()
  /** slot_restorations: variable node → slots waiting for that variable to be bound. */
  readonly slotRestorations = new Map<number, SlotRestoration[]>()
  /** deferred_slot_restorations: optimizer node → slots whose variable is bound, waiting for the optimizer. */
  readonly deferredSlotRestorations = new Map<number, DeferredSlotRestoration[]>()
  /** The first object each checkpoint node was bound to, by any run (where an optimizer node is looked up). */
  readonly firstBinding = new Map<number, number>()
  private nextUid = 1

  constructor(
    readonly source: ModelDescription,
    readonly model: LiveModel,
    readonly skipSlotVariables: boolean,
  ) {
    if (skipSlotVariables) return
    source.objects.forEach((node, optimizer) => {
      for (const s of node.slots) {
        const list = this.slotRestorations.get(s.variable) ?? []
        list.push({ optimizer, slot: s.slot, slotName: s.slotName })
        this.slotRestorations.set(s.variable, list)
      }
    })
  }

  /** Slot restorations never consumed: their variable's node was never bound. */
  leftoverSlotRestorations(): { variable: number; optimizer: number; slot: number; slotName: string }[] {
    return [...this.slotRestorations].flatMap(([variable, list]) => list.map((s) => ({ variable, ...s })))
  }

  /** A new `_CheckpointRestoreCoordinator` with a newer restore uid (newer restores win on the same object). */
  coordinator(): RestoreCoordinator {
    return new RestoreCoordinator(this.nextUid++, this)
  }
}

/**
 * One restore call, as `_CheckpointRestoreCoordinator` and `CheckpointPosition` run it (spec §6.2–6.4): bind a
 * checkpoint node to an object, then walk breadth-first binding children by local name, gather attributes by name,
 * and restore slot variables once both their optimizer and their variable are bound.
 */
export class RestoreCoordinator {
  /** object_by_proto_id */
  readonly objectByNode = new Map<number, number>()
  readonly matchedNodes = new Set<number>()
  readonly unusedAttributes = new Map<number, string[]>()
  /** all_python_objects: every object offered for binding. */
  readonly offered = new Set<number>()
  readonly events: BindEvent[] = []
  /** Which node supplied each object's values in this restore (for reporting shadowed nodes). */
  private readonly gatheredBy = new Map<number, number>()

  constructor(
    readonly uid: number,
    private readonly session: RestoreSession,
  ) {}

  private get source(): ModelDescription {
    return this.session.source
  }

  private get model(): LiveModel {
    return this.session.model
  }

  restore(node: number, obj: number): void {
    if (this.bind(node, obj)) this.restoreDescendants(node)
  }

  private bind(node: number, obj: number): boolean {
    this.offered.add(obj)
    this.matchedNodes.add(node)
    const current = this.objectByNode.get(node)
    if (current === undefined) {
      this.objectByNode.set(node, obj)
      if (!this.session.firstBinding.has(node)) this.session.firstBinding.set(node, obj)
      return true
    }
    if (current !== obj) this.events.push({ kind: 'inconsistent', node, bound: current, other: obj })
    return false
  }

  private restoreDescendants(start: number): void {
    const queue = [start]
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi]
      const obj = this.objectByNode.get(node)!
      this.singleRestore(node, obj)
      this.queueChildren(node, obj, queue)
      this.queueSlotVariables(node, obj, queue)
    }
  }

  /** Objects are restored once per restore uid: a second node bound to the same object reads nothing. */
  private singleRestore(node: number, obj: number): void {
    if (this.uid > (this.session.updateUid.get(obj) ?? -1)) {
      this.gatherAttributes(node, obj)
      this.session.updateUid.set(obj, this.uid)
      this.gatheredBy.set(obj, node)
    } else if (this.source.objects[node].saveables.length > 0) {
      this.events.push({ kind: 'shadowed', node, object: obj, byNode: this.gatheredBy.get(obj) ?? -1 })
    }
  }

  /** §6.3: attributes matched to the object's saveables by exact name, then by the forward-compat prefix rule. */
  private gatherAttributes(node: number, obj: number): void {
    const src = this.source.objects[node]
    const target = this.model.objects[obj]
    if (src.saveables.length === 0) return
    const unused = (name: string) => {
      const list = this.unusedAttributes.get(node) ?? []
      list.push(name)
      this.unusedAttributes.set(node, list)
    }
    // A registered saver restores the whole object or nothing; it must be the same saver on both sides.
    if (src.registeredSaver && src.registeredSaver !== target.registeredSaver) {
      for (const a of src.saveables) unused(a.name)
      return
    }
    const compatNames = new Set<string>()
    for (const a of src.saveables) {
      if ([...compatNames].some((n) => a.name.startsWith(n))) {
        this.session.consumedByCompat.add(a.key)
        continue
      }
      let saveable = target.saveables.find((s) => s.name === a.name)
      if (!saveable) {
        saveable = target.saveables.find((s) => a.name.startsWith(s.name))
        if (saveable) compatNames.add(saveable.name)
      }
      if (!saveable) {
        unused(a.name)
        continue
      }
      this.session.reads.push({ uid: this.uid, sourceNode: node, attribute: a, targetObject: obj, saveable, createdOnRestore: !!target.synthetic && target.kind === 'slot' })
    }
  }

  private queueChildren(node: number, obj: number, queue: number[]): void {
    for (const edge of this.source.objects[node].children) {
      const child = this.model.lookupChild(obj, edge.name)
      // No object by that name: TF parks the position in the object's deferred dependencies, which a program
      // that never creates the child never drains. The node simply stays unbound.
      if (child === null) continue
      if (this.bind(edge.id, child)) queue.push(edge.id)
    }
  }

  /** §6.4: a slot is restored when the second of (optimizer, variable) is bound. */
  private queueSlotVariables(node: number, obj: number, queue: number[]): void {
    const { deferredSlotRestorations, slotRestorations } = this.session
    const deferred = deferredSlotRestorations.get(node)
    if (deferred) {
      deferredSlotRestorations.delete(node)
      for (const d of deferred) this.createSlot(node, obj, d.variable, d.slot, d.slotName, queue)
    }
    const pending = slotRestorations.get(node)
    if (!pending) return
    slotRestorations.delete(node)
    for (const s of pending) {
      const optimizer = this.objectByNode.get(s.optimizer) ?? this.session.firstBinding.get(s.optimizer)
      if (optimizer === undefined) {
        const list = deferredSlotRestorations.get(s.optimizer) ?? []
        list.push({ variable: obj, slot: s.slot, slotName: s.slotName })
        deferredSlotRestorations.set(s.optimizer, list)
      } else {
        this.createSlot(s.optimizer, optimizer, obj, s.slot, s.slotName, queue)
      }
    }
  }

  private createSlot(optimizerNode: number, optimizer: number, variable: number, slotNode: number, slotName: string, queue: number[]): void {
    if (slotNode < 0 || slotNode >= this.source.objects.length) return
    const slot = this.model.slotFor(optimizer, variable, slotName, this.source.objects[slotNode])
    if (slot === 'raises') {
      this.events.push({ kind: 'slot-raises', optimizer: optimizerNode, slotNode })
      return
    }
    if (slot !== null && this.bind(slotNode, slot)) queue.push(slotNode)
  }
}
