import { colormapLut, INF_RGB, NAN_RGB, type ColormapName } from './colormap'
import { normalize, type ColorRange } from './color-range'

/** RGBA pixels of a rows × cols block of values (row-major), for a canvas ImageData. */
export function heatmapPixels(values: ArrayLike<number>, range: ColorRange, colormap: ColormapName): Uint8ClampedArray<ArrayBuffer> {
  const lut = colormapLut(colormap)
  const out = new Uint8ClampedArray(values.length * 4)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    const o = i * 4
    if (Number.isNaN(v)) out.set(NAN_RGB, o)
    else if (!Number.isFinite(v)) out.set(INF_RGB, o)
    else {
      const k = Math.round(normalize(v, range) * 255) * 3
      out[o] = lut[k]
      out[o + 1] = lut[k + 1]
      out[o + 2] = lut[k + 2]
    }
    out[o + 3] = 255
  }
  return out
}
