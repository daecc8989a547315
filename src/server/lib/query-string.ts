// Parses `a=1&filter[name][contains]=x` into `{ a: '1', filter: { name: { contains: 'x' } } }`.
// Only two levels of brackets are read: enough for filter[field][op], and nothing deeper can be
// smuggled in. A repeated key keeps its last value.
const bracketed = /^([^[\]]+)\[([^[\]]*)\](?:\[([^[\]]*)\])?$/

type Parsed = Record<string, unknown>

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

function child(parent: Parsed, key: string): Parsed {
  const existing = Object.hasOwn(parent, key) ? parent[key] : undefined
  if (typeof existing === 'object' && existing !== null) return existing as Parsed
  const created: Parsed = {}
  parent[key] = created
  return created
}

export function parseQueryString(input: string): Parsed {
  const out: Parsed = {}
  for (const [key, value] of new URLSearchParams(input)) {
    const m = bracketed.exec(key)
    if (m?.slice(1).some((k) => k !== undefined && forbiddenKeys.has(k)) || forbiddenKeys.has(key))
      continue
    if (!m) {
      out[key] = value
      continue
    }
    const [, root, first, second] = m
    if (second === undefined) child(out, root!)[first!] = value
    else child(child(out, root!), first!)[second] = value
  }
  return out
}
