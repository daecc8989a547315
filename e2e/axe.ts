// Code passed to page.evaluate runs in the browser and uses its DOM types.
/// <reference lib="dom" />
import type { AxeResults } from 'axe-core'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { axePath } from './browser'

type Violation = AxeResults['violations'][number]

/** axe-core's serious and critical violations on the page as it is now, one text each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath })
  const result = await page.evaluate(() => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResults> } }).axe
    return axe.run(document)
  })
  // A page where axe found nothing to check would pass without checking anything.
  expect(result.passes.length).toBeGreaterThan(10)
  return result.violations
    .filter((v: Violation) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v: Violation) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `  ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n'),
    )
}
