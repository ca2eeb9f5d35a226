import { it } from 'vitest'
import { openCheckpoint } from '../checkpoint'
import { fixturePath } from '../test-support/fixtures'
import { describeCheckpoint, matchCheckpoints, toMatchJson } from './index'

const pair = async (a: string, b: string, opts = {}) => {
  const s = await openCheckpoint(fixturePath(a))
  const t = await openCheckpoint(fixturePath(b))
  const r = matchCheckpoints(s, describeCheckpoint(t), opts)
  console.log('=====', a, '->', b, JSON.stringify(opts))
  const j = toMatchJson(r)
  console.log(JSON.stringify({ ...j, matched: j.matched.length }, null, 1))
  console.log(JSON.stringify(r.summary), r.verdicts.expectPartialSilences.length, r.warnings)
  await s.close(); await t.close()
}
it('smoke', async () => {
  await pair('tf2-ckpt-rl-nstep-adam/ckpt-1', 'tf2-ckpt-rl-nstep-adam/ckpt-6')
  await pair('tf2-ckpt-rl-nstep-adam/ckpt-1', 'tf2-ckpt-golf-adam-int32/ckpt-1')
  await pair('tf1-estimator-mnist-adam/model.ckpt-1', 'tf1-estimator-mnist-adam/model.ckpt-20000')
  await pair('keras-weights-food-2shards-rmsprop/cp.ckpt', 'keras-savedmodel-mlp-adam-slots')
})
