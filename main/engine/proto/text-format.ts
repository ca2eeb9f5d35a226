/**
 * The `checkpoint` state file: a tensorflow.CheckpointState in protobuf text format (spec §1.3).
 * The parser accepts what Python's text_format writes and more (comments, any field order, unknown fields,
 * list syntax, single quotes); the writer reproduces Python's MessageToString output.
 */
import { CheckpointError } from '@shared/errors'

export interface CheckpointStateText {
  modelCheckpointPath: string
  allModelCheckpointPaths: string[]
  allModelCheckpointTimestamps: number[]
  /** null when absent (proto3 omits 0, so 0 also reads as absent). */
  lastPreservedTimestamp: number | null
}

type Kind = 'string' | 'double'
const FIELDS: Record<string, { kind: Kind; repeated: boolean }> = {
  model_checkpoint_path: { kind: 'string', repeated: false },
  all_model_checkpoint_paths: { kind: 'string', repeated: true },
  all_model_checkpoint_timestamps: { kind: 'double', repeated: true },
  last_preserved_timestamp: { kind: 'double', repeated: false },
}

const SIMPLE_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, a: 7, b: 8, '\\': 92, "'": 39, '"': 34, '?': 63 }

type Scalar = { type: 'string'; value: string } | { type: 'number'; value: number } | { type: 'ident'; value: string }

class TextParser {
  private pos = 0
  private line = 1

  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {}

  private error(msg: string): CheckpointError {
    return new CheckpointError('bad-proto', `Cannot parse checkpoint state (line ${this.line}): ${msg}`, { file: this.file })
  }

  private skipSpace(): void {
    const s = this.src
    while (this.pos < s.length) {
      const c = s[this.pos]
      if (c === '\n') {
        this.line++
        this.pos++
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') this.pos++
      else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++
      } else break
    }
  }

  private peek(): string | undefined {
    this.skipSpace()
    return this.src[this.pos]
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw this.error(`expected '${c}'`)
    this.pos++
  }

  private identifier(): string {
    this.skipSpace()
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos, this.pos + 256))
    if (!m) throw this.error(`expected a field name, found ${JSON.stringify(this.src.slice(this.pos, this.pos + 12))}`)
    this.pos += m[0].length
    return m[0]
  }

  /** A field name, or `[extension.name]` (always unknown here). */
  private fieldName(): string {
    if (this.peek() === '[') {
      const end = this.src.indexOf(']', this.pos)
      if (end < 0) throw this.error('unterminated extension name')
      const name = this.src.slice(this.pos, end + 1)
      this.pos = end + 1
      return name
    }
    return this.identifier()
  }

  parseMessage(into: (name: string, v: Scalar) => void, close: string | null): void {
    for (;;) {
      const c = this.peek()
      if (c === undefined) {
        if (close !== null) throw this.error(`missing '${close}'`)
        return
      }
      if (close !== null && c === close) {
        this.pos++
        return
      }
      const name = this.fieldName()
      const known = FIELDS[name]
      let colon = false
      if (this.peek() === ':') {
        this.pos++
        colon = true
      }
      const next = this.peek()
      if (next === '{' || next === '<') {
        if (known) throw this.error(`field ${name} is not a message`)
        this.pos++
        this.parseMessage(() => {}, next === '{' ? '}' : '>')
      } else {
        if (!colon) throw this.error(`expected ':' after ${name}`)
        if (next === '[') {
          this.pos++
          if (this.peek() === ']') this.pos++
          else
            for (;;) {
              this.field(name, into)
              const sep = this.peek()
              this.pos++
              if (sep === ']') break
              if (sep !== ',') throw this.error("expected ',' or ']' in a list")
            }
          if (known && !known.repeated) throw this.error(`field ${name} is not repeated`)
        } else this.field(name, into)
      }
      const sep = this.peek()
      if (sep === ',' || sep === ';') this.pos++
    }
  }

  private field(name: string, into: (name: string, v: Scalar) => void): void {
    const v = this.scalar()
    const known = FIELDS[name]
    if (!known) return
    if (known.kind === 'string' && v.type !== 'string') throw this.error(`field ${name} needs a quoted string`)
    if (known.kind === 'double' && v.type === 'string') throw this.error(`field ${name} needs a number`)
    into(name, v)
  }

  private scalar(): Scalar {
    const c = this.peek()
    if (c === '"' || c === "'") {
      const bytes: number[] = []
      // Adjacent string literals concatenate, as in C.
      while (this.peek() === '"' || this.peek() === "'") this.quoted(bytes)
      return { type: 'string', value: new TextDecoder().decode(Uint8Array.from(bytes)) }
    }
    const rest = this.src.slice(this.pos, this.pos + 64)
    const num = /^[-+]?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[fF]?|(?:inf(?:inity)?|nan)(?![A-Za-z0-9_]))/i.exec(rest)
    if (num) {
      this.pos += num[0].length
      return { type: 'number', value: parseNumber(num[0]) }
    }
    if (/^[A-Za-z_]/.test(rest)) return { type: 'ident', value: this.identifier() }
    throw this.error(`unexpected ${c === undefined ? 'end of file' : JSON.stringify(c)}`)
  }

  /** One quoted literal, appending its bytes (escapes are C-style and denote bytes). */
  private quoted(out: number[]): void {
    const s = this.src
    const q = s[this.pos++]
    const enc = new TextEncoder()
    for (;;) {
      if (this.pos >= s.length || s[this.pos] === '\n') throw this.error('unterminated string')
      const c = s[this.pos++]
      if (c === q) return
      if (c !== '\\') {
        // Copy a run of plain characters as UTF-8.
        let end = this.pos
        while (end < s.length && s[end] !== '\\' && s[end] !== q && s[end] !== '\n') end++
        for (const b of enc.encode(s.slice(this.pos - 1, end))) out.push(b)
        this.pos = end
        continue
      }
      const e = s[this.pos++]
      if (e !== undefined && e in SIMPLE_ESCAPES) out.push(SIMPLE_ESCAPES[e])
      else if (e !== undefined && e >= '0' && e <= '7') {
        const m = /^[0-7]{1,3}/.exec(s.slice(this.pos - 1, this.pos + 2))![0]
        const v = parseInt(m, 8)
        if (v > 255) throw this.error(`octal escape \\${m} is out of range`)
        out.push(v)
        this.pos += m.length - 1
      } else if (e === 'x' || e === 'X') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(this.pos, this.pos + 2))
        if (!m) throw this.error('\\x escape without hex digits')
        out.push(parseInt(m[0], 16))
        this.pos += m[0].length
      } else if (e === 'u' || e === 'U') {
        const n = e === 'u' ? 4 : 8
        const hex = s.slice(this.pos, this.pos + n)
        if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw this.error(`\\${e} escape needs ${n} hex digits`)
        const cp = parseInt(hex, 16)
        if (cp > 0x10ffff) throw this.error(`\\${e}${hex} is not a code point`)
        for (const b of enc.encode(String.fromCodePoint(cp))) out.push(b)
        this.pos += n
      } else throw this.error(`invalid escape \\${e ?? ''}`)
    }
  }
}

function parseNumber(t: string): number {
  let s = t.toLowerCase()
  const neg = s.startsWith('-')
  if (s[0] === '-' || s[0] === '+') s = s.slice(1)
  let v: number
  if (s.startsWith('inf')) v = Infinity
  else if (s === 'nan') v = NaN
  else if (s.startsWith('0x')) v = parseInt(s.slice(2), 16)
  else v = Number(s.endsWith('f') ? s.slice(0, -1) : s)
  return neg ? -v : v
}

export function parseCheckpointState(text: string, file = 'checkpoint'): CheckpointStateText {
  const out: CheckpointStateText = {
    modelCheckpointPath: '',
    allModelCheckpointPaths: [],
    allModelCheckpointTimestamps: [],
    lastPreservedTimestamp: null,
  }
  new TextParser(text, file).parseMessage((name, v) => {
    switch (name) {
      case 'model_checkpoint_path':
        out.modelCheckpointPath = v.value as string
        break
      case 'all_model_checkpoint_paths':
        out.allModelCheckpointPaths.push(v.value as string)
        break
      case 'all_model_checkpoint_timestamps':
        out.allModelCheckpointTimestamps.push(identNumber(v, file))
        break
      case 'last_preserved_timestamp':
        out.lastPreservedTimestamp = identNumber(v, file)
        break
    }
  }, null)
  return out
}

function identNumber(v: Scalar, file: string): number {
  if (v.type === 'number') return v.value
  const n = parseNumber(v.value)
  if (Number.isNaN(n) && v.value.toLowerCase() !== 'nan') {
    throw new CheckpointError('bad-proto', `Cannot parse checkpoint state: '${v.value}' is not a number`, { file })
  }
  return n
}

/** Python's repr(float): shortest round-trip digits, fixed notation for 1e-4 <= |x| < 1e16, else d.ddde±XX. */
export function formatPythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (x === Infinity) return 'inf'
  if (x === -Infinity) return '-inf'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  const sign = x < 0 ? '-' : ''
  const [mant, expText] = Math.abs(x).toExponential().split('e')
  const exp = Number(expText)
  const digits = mant.replace('.', '')
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
  return `${sign}${int}.${digits.slice(exp + 1) || '0'}`
}

/** Python text_format's CEscape with as_utf8=False: bytes outside printable ASCII become 3-digit octal. */
export function cEscape(s: string): string {
  let out = ''
  for (const b of new TextEncoder().encode(s)) {
    if (b === 0x0a) out += '\\n'
    else if (b === 0x0d) out += '\\r'
    else if (b === 0x09) out += '\\t'
    else if (b === 0x22) out += '\\"'
    else if (b === 0x27) out += "\\'"
    else if (b === 0x5c) out += '\\\\'
    else if (b < 0x20 || b >= 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`
    else out += String.fromCharCode(b)
  }
  return out
}

/** TF's form (Python MessageToString): fields in number order, proto3 defaults omitted, paths as given. */
export function formatCheckpointState(state: CheckpointStateText): string {
  const lines: string[] = []
  if (state.modelCheckpointPath !== '') lines.push(`model_checkpoint_path: "${cEscape(state.modelCheckpointPath)}"`)
  for (const p of state.allModelCheckpointPaths) lines.push(`all_model_checkpoint_paths: "${cEscape(p)}"`)
  for (const t of state.allModelCheckpointTimestamps) lines.push(`all_model_checkpoint_timestamps: ${formatPythonFloat(t)}`)
  const last = state.lastPreservedTimestamp
  if (last !== null && !Object.is(last, 0)) lines.push(`last_preserved_timestamp: ${formatPythonFloat(last)}`)
  return lines.map((l) => `${l}\n`).join('')
}
