import pg from 'pg'

/**
 * Which statements are worth preparing: ones with parameters (those already take the extended
 * protocol, so they are one statement each), and not the huge ones — a bulk insert of 1,000
 * rows is a new text at almost every size and its plan would sit in the backend's memory.
 */
export const preparedLimits = {
  statementsPerConnection: 200,
  maxTextLength: 16_000,
  maxParams: 500,
}

/**
 * Searches stay unprepared: the plan of a pattern or text match depends on its value. A generic
 * plan of `lower(name) like $1` cannot use the prefix index range (15.6 s for a rare prefix
 * under force_generic_plan, docs/decisions.md); trigram (`<%`, `%`) and full-text (`@@`)
 * conditions estimate nothing useful without the value either. Their planning is small beside
 * their execution.
 */
const valueDependentPlan = /\s(?:i?like|similar\s+to)\s|<%|%>|@@|\s%\s/i

type ParsedStatements = { connection: { parsedStatements: Record<string, string> } }

/**
 * A pg Client that sends every parameterised statement as a named prepared statement, keyed by
 * its SQL text: PostgreSQL parses it once per connection and, after five executions, plans it
 * once too when its generic plan costs no more than the custom ones (plan_cache_mode auto).
 * The pool's connections live on, so a get by id or a list page stops paying ~0.3 ms of planning
 * for its subselects on every call (docs/decisions.md). Kysely's PostgresDriver calls
 * `client.query(sql, parameters)`; pg itself skips the Parse of a name it has parsed.
 *
 * The names are bounded per connection, least recently used out: an evicted statement is
 * deallocated after what is queued before it (its text gets a new name if it comes back).
 */
export class PreparingClient extends pg.Client {
  #names = new Map<string, string>()
  #nextId = 0

  // pg's own overloads stay the type; only (text, values) calls change.
  override query = ((config: unknown, values?: unknown, callback?: unknown) => {
    const query = super.query.bind(this) as (...args: unknown[]) => unknown
    if (
      typeof config === 'string' &&
      Array.isArray(values) &&
      values.length > 0 &&
      values.length <= preparedLimits.maxParams &&
      config.length <= preparedLimits.maxTextLength &&
      !valueDependentPlan.test(config)
    )
      return query({ name: this.#nameFor(config), text: config, values }, callback)
    return query(config, values, callback)
  }) as pg.Client['query']

  #nameFor(text: string): string {
    const known = this.#names.get(text)
    if (known) {
      // Most recently used last: the Map keeps insertion order.
      this.#names.delete(text)
      this.#names.set(text, known)
      return known
    }
    while (this.#names.size >= preparedLimits.statementsPerConnection) this.#evictOldest()
    const name = `suhde_${++this.#nextId}`
    this.#names.set(text, name)
    return name
  }

  #evictOldest(): void {
    const [text, name] = this.#names.entries().next().value as [string, string]
    this.#names.delete(text)
    // Queued behind any statement still waiting to use the name; pg forgets the name only once
    // the server has, so nothing parses it again in between.
    void (super.query(`deallocate ${name}`) as Promise<unknown>).then(
      () => delete (this as unknown as ParsedStatements).connection.parsedStatements[name],
      // A deallocate that fails (the connection closed) leaves nothing behind to forget.
      () => undefined,
    )
  }
}
