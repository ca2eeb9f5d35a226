// Runs one long write in a child process so a test can kill it at any moment (SIGKILL: no cleanup runs).
// Loaded with `node --import jiti/register`; argv: export <source> <out>  |  transplant <source> <target>.
const load = async (rel) => {
  const m = await import(new URL(`../../${rel}`, import.meta.url).href)
  return m.default ?? m
}
const { openCheckpoint } = await load('checkpoint.ts')
const { selectTensors } = await load('export/selection.ts')
const { exportTfCheckpoint } = await load('export/tf-export.ts')
const { writeTransplant } = await load('transplant/transplant-write.ts')

const [mode, a, b] = process.argv.slice(2)
const source = await openCheckpoint(a)
const target = mode === 'transplant' ? await openCheckpoint(b) : null
process.stdout.write('ready\n')
if (mode === 'export') {
  await exportTfCheckpoint(source, selectTensors(source, { preset: 'strip-optimizer' }), { out: b })
} else {
  const assignments = target.tensors.filter((t) => t.role === 'variable').map((t) => ({ sourceKey: t.key, targetKey: t.key }))
  await writeTransplant(source, target, assignments, { inPlace: true })
}
process.stdout.write('done\n')
