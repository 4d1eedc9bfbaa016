import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA, and axe-core's best practices: what the widget and the backend's pages are held to. */
export const WCAG21_AND_BEST_PRACTICE = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** One rule's violation, as axe-core reports it. */
export type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** Which rules axe-core runs, and how. */
export interface AxeScan {
  /** Only the rules with one of these tags (else every rule). */
  tags?: string[];
  /** Only these rules (else every rule). */
  rules?: string[];
  /** One pass over the page, frames not followed: the default mode opens a page of its own each time. */
  legacyMode?: boolean;
}

/** The serious and critical violations axe-core finds on the page as it is (shadow trees included). */
export async function seriousViolations(page: Page, scan: AxeScan = {}): Promise<AxeViolation[]> {
  const builder = new AxeBuilder({ page });
  if (scan.legacyMode) builder.setLegacyMode(true);
  if (scan.tags) builder.withTags(scan.tags);
  if (scan.rules) builder.withRules(scan.rules);
  const { violations } = await builder.analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Where a violation stands: each node's selector, comma-separated. */
export function violationTargets(v: AxeViolation): string {
  return v.nodes.map((n) => n.target.join(' ')).join(', ');
}

/**
 * Serious and critical WCAG 2.1 A/AA (and best-practice) findings on the page as it is, each described as
 * `state: rule (impact) targets` (without `state: ` when no state is named).
 */
export async function axe(page: Page, state?: string): Promise<string[]> {
  const prefix = state === undefined ? '' : `${state}: `;
  const violations = await seriousViolations(page, { tags: WCAG21_AND_BEST_PRACTICE });
  return violations.map((v) => `${prefix}${v.id} (${v.impact}) ${violationTargets(v)}`);
}
