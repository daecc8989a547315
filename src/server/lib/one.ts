import { AppError } from '../errors'

/** The single result of a one-record call of a bulk use case. */
export function one<T>(items: T[]): T {
  const [item] = items
  if (item === undefined) throw new AppError('INTERNAL', 'Expected one record')
  return item
}
