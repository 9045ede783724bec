// Runs axe-core in the page and returns the serious and critical violations,
// each as "rule: target (summary)" so a failure says what to fix.
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function seriousViolations(page) {
  // Evaluated through the DevTools protocol, so the page's own CSP does not apply.
  await page.evaluate(await AXE_SOURCE);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary.split('\n')[1] ?? v.help})`));
}
