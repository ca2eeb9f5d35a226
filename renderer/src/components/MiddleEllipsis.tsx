/**
 * Long keys and paths lose their informative end to a trailing ellipsis. These keep the tail (the last path
 * segments) whole and ellipsize the middle, with CSS only: the head shrinks, the tail does not. TF2 keys'
 * constant `/.ATTRIBUTES/VARIABLE_VALUE` suffix is dimmed and is the first thing to shrink.
 */
export const ATTR_SUFFIX = '/.ATTRIBUTES/VARIABLE_VALUE'

export function splitTail(text: string, tailChars = 30): [string, string] {
  if (text.length <= tailChars + 4) return [text, '']
  let cut = text.length - tailChars
  const b = [text.indexOf('/', cut), text.indexOf('.', cut)].filter((x) => x >= 0 && x < text.length - 4)
  if (b.length) cut = Math.min(...b)
  return [text.slice(0, cut), text.slice(cut)]
}

export function MiddleEllipsis({ text, tail = 30, className }: { text: string; tail?: number; className?: string }) {
  const [head, end] = splitTail(text, tail)
  return (
    <span className={`mid-ellipsis${className ? ` ${className}` : ''}`} title={text}>
      <span className="mid-head">{head}</span>
      {end && <span className="mid-tail">{end}</span>}
    </span>
  )
}

export function KeyText({ text, tail = 22 }: { text: string; tail?: number }) {
  const hasSuffix = text.endsWith(ATTR_SUFFIX) && text.length > ATTR_SUFFIX.length
  const main = hasSuffix ? text.slice(0, -ATTR_SUFFIX.length) : text
  // A TF2 slot key keeps its variable name with the slot part: `…/kernel/.OPTIMIZER_SLOT/opt/m`.
  const slotAt = main.indexOf('/.OPTIMIZER_SLOT/')
  const [head, end] = slotAt > 0 ? [main.slice(0, main.lastIndexOf('/', slotAt - 1) + 1), main.slice(main.lastIndexOf('/', slotAt - 1) + 1)] : splitTail(main, tail)
  // Grid, not flex: the main part takes up to its full width before the dimmed suffix gets any.
  return (
    <span className="key-text" title={text}>
      <span className="mid-ellipsis">
        <span className="mid-head">{head}</span>
        {end && <span className="mid-tail">{end}</span>}
      </span>
      {hasSuffix && <span className="key-suffix">{ATTR_SUFFIX}</span>}
    </span>
  )
}
