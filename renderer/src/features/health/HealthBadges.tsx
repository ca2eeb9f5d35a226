/** Small pills for a tensor's or a subtree's problems; a click goes to the offending tensor. */
import { ALL_ZERO, NON_FINITE, SUSPICIOUS_SLOT } from '../../state/health'
import './health.css'

const BADGES = [
  { flag: NON_FINITE, label: 'NaN', kind: 'nonfinite', title: 'NaN or Inf values' },
  { flag: SUSPICIOUS_SLOT, label: 'slot', kind: 'slot', title: 'Suspicious optimizer state (negative second moment, huge or non-finite values)' },
  { flag: ALL_ZERO, label: '0', kind: 'zero', title: 'Every element is zero' },
] as const

/** `inherited`: the problems are below this row, not in its own tensors (drawn lighter). */
export function HealthBadges({ flags, inherited, onGo }: { flags: number; inherited?: boolean; onGo(flag: number): void }) {
  if (!flags) return null
  return (
    <span className={`health-badges${inherited ? ' inherited' : ''}`}>
      {BADGES.filter((b) => flags & b.flag).map((b) => (
        <button
          key={b.kind}
          className={`health-badge hb-${b.kind}`}
          title={`${b.title}${inherited ? ' below this object' : ''}: click to select ${inherited ? 'the first such tensor' : 'it'}`}
          onClick={(e) => {
            e.stopPropagation()
            onGo(b.flag)
          }}
          data-testid="health-badge"
          data-kind={b.kind}
        >
          {b.label}
        </button>
      ))}
    </span>
  )
}
