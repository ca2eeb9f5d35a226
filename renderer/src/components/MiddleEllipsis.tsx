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
  const [head, end] = splitTail(main, tail)
  return (
    <span className="mid-ellipsis" title={text}>
      <span className="mid-head">{head}</span>
      {end && <span className="mid-tail">{end}</span>}
      {hasSuffix && <span className="key-suffix">{ATTR_SUFFIX}</span>}
    </span>
  )
}
