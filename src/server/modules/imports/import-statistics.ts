import type { Db } from '../../db/client'
import { analyzeTable, plannedRows } from './imports.repo'

// An import grows a table faster than autovacuum analyzes it (and PGlite has no autovacuum).
// With statistics of an almost empty table the planner read each chunk's key lookups through a
// whole index of the workspace: the `keys` phase grew with the table, 53–74 s of a 1M-row import
// (docs/decisions.md). So the job analyzes the tables it grows itself, each time it has written
// twice as many rows as the statistics know of (at least 10,000): five short ANALYZEs (each
// samples 30,000 rows) for a million rows into an empty table. In between the planner scales
// the known row count by the table's size on disk, so the estimates grow with it.

type ImportTable = 'contacts' | 'companies'
export type ImportTables = ImportTable[]

export function tablesOf(objectType: string): ImportTables {
  if (objectType === 'companies') return ['companies']
  if (objectType === 'both') return ['contacts', 'companies']
  return ['contacts']
}

export class ImportStatistics {
  /** Per table: the rows its statistics know of, and the rows written since they were made. */
  private tables: Map<ImportTable, { known: number | null; written: number }>

  constructor(
    tables: ImportTables,
    private readonly minRows = 10_000,
  ) {
    this.tables = new Map(tables.map((t) => [t, { known: null, written: 0 }]))
  }

  /** Counts a written chunk's rows; analyzes each table whose statistics have fallen behind. */
  async afterChunk(db: Db, rows: number): Promise<void> {
    for (const [table, state] of this.tables) {
      state.known ??= Math.max(0, await plannedRows(db, table))
      state.written += rows
      if (state.written < Math.max(this.minRows, state.known * 2)) continue
      await analyzeTable(db, table)
      state.known = Math.max(0, await plannedRows(db, table))
      state.written = 0
    }
  }
}
