import { v7 } from 'uuid'

/** Time-ordered UUID v7: new rows land at the end of the primary-key index. */
export function newId(): string {
  return v7()
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export function isUuid(value: string): boolean {
  return uuidPattern.test(value)
}
