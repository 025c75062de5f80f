import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// axe-core (injected into the page, as @axe-core/playwright would, which needs Node 22) checks
// each page the flows visit. Serious and critical violations fail the test; moderate and minor
// ones are written to the report only.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a test. */
const failingImpacts: ReadonlySet<string> = new Set(['serious', 'critical']);

/**
 * Rules whose "needs review" fails too: an ARIA reference (`aria-labelledby`, `aria-describedby`)
 * to an id that is not on the page. axe cannot know whether it will appear later; at the moment
 * of the check the page is as the member meets it, so a missing id is a missing name.
 */
const failingIncomplete: ReadonlySet<string> = new Set(['aria-valid-attr-value']);

/** One axe run, as written to `PULIH_E2E_REPORT` (one JSON line per run) when that is set. */
export interface AccessibilityRun {
  check: 'axe';
  label: string;
  lang: string;
  violations: { id: string; impact: string | null; nodes: number }[];
  /** What axe could not decide (e.g. contrast over a gradient), with its first element: for a person to look at. */
  incomplete: { id: string; target: string; message: string }[];
}

/** Where every run is recorded (JSON lines), for the totals in docs/ASSURANCE.md; unset, nothing is written. */
const reportPath = process.env.PULIH_E2E_REPORT;

function describeViolation(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${node.target.join(' ')}: ${node.html.slice(0, 160)}\n      ${node.failureSummary ?? ''}`)
    .join('\n');
  return `  ${violation.id} (${violation.impact}): ${violation.help}\n${nodes}`;
}

/** Runs axe on the whole page as it is now; the script is injected on first use (CDP evaluation, so the CSP does not block it). */
export async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  return page.evaluate<AxeResults>(
    `axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })`,
  );
}

/**
 * Fails when axe finds a serious or critical violation on the page as it is now; `label` names
 * the page (and its state) in the failure and in the report.
 */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<AxeResults> {
  const results = await runAxe(page);
  const lang = await page.evaluate<string>('document.documentElement.lang');
  if (reportPath) {
    const run: AccessibilityRun = {
      check: 'axe',
      label,
      lang,
      violations: results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        nodes: violation.nodes.length,
      })),
      incomplete: results.incomplete.map((result) => ({
        id: result.id,
        target: result.nodes[0]?.target.join(' ') ?? '',
        message: [...(result.nodes[0]?.any ?? []), ...(result.nodes[0]?.all ?? [])]
          .map((check) => check.message)
          .join('; '),
      })),
    };
    appendFileSync(reportPath, `${JSON.stringify(run)}\n`);
  }
  const serious = [
    ...results.violations.filter((violation) => failingImpacts.has(violation.impact ?? '')),
    ...results.incomplete.filter((result) => failingIncomplete.has(result.id)),
  ];
  expect(serious.map(describeViolation).join('\n'), `axe on "${label}" (${lang})`).toBe('');
  return results;
}
