import { it } from 'vitest'
import { openCheckpoint } from '../checkpoint'
import { fixturePath } from '../test-support/fixtures'

const show = async (p: string) => {
  const c = await openCheckpoint(fixturePath(p))
  console.log('=====', p, c.format)
  c.rawGraph?.forEach((n, i) => console.log(i, c.objectGraph!.nodes[i].path, JSON.stringify(n.children.map(x=>[x.localName,x.nodeId])), JSON.stringify(n.attributes.map(a=>[a.name,a.fullName,a.checkpointKey])), JSON.stringify(n.slotVariables), n.hasCheckpointValues))
  for (const t of c.tensors) console.log('  T', t.key, t.dtype, JSON.stringify(t.shape), t.role, t.objectPath, t.slotName ?? '')
  await c.close()
}
it('dump', async () => {
  for (const p of ['tf2-ckpt-rl-nstep-adam/ckpt-1', 'tf2-ckpt-golf-adam-int32/ckpt-1', 'tf1-estimator-mnist-adam/model.ckpt-1', 'keras-savedmodel-mlp-adam-slots', 'tf2-savedmodel-rust-regression', 'keras-weights-food-2shards-rmsprop/cp.ckpt', 'keras-savedmodel-salary-newopt','tf2-savedmodel-half-plus-two/00000123']) await show(p)
})
