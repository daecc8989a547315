import { duplicateScanJobType, runDuplicateScan } from '../duplicates/duplicate-scan'
import type { JobHandlers } from './job-runner'

/** Every job type the server runs from the jobs table, with the function that runs it. */
export const jobHandlers: JobHandlers = {
  [duplicateScanJobType]: runDuplicateScan,
}
