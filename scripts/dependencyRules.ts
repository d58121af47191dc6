// Runs dependency-cruiser with the rules in .dependency-cruiser.cjs through its API. Its command line
// refuses Node 20 (it follows Node's release cycle); the API it is built on runs fine here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

export const RULES_FILE = path.resolve(import.meta.dirname, '..', '.dependency-cruiser.cjs');

/** The folders whose imports are checked: the product. */
export const PRODUCT_ROOTS = ['src', 'bot', 'tabs'];

export interface DependencyViolation {
  rule: string;
  from: string;
  to: string;
}

/** Every import under `roots` (relative to `baseDir`) that breaks a rule; [] when all is well. */
export async function dependencyViolations(
  baseDir: string,
  roots: string[] = PRODUCT_ROOTS,
): Promise<DependencyViolation[]> {
  const options = await extractDepcruiseOptions(RULES_FILE);
  const present = roots.filter((root) => existsSync(path.join(baseDir, root)));
  const result = await cruise(present, { ...options, baseDir, outputType: 'json' });
  const output: ICruiseResult =
    typeof result.output === 'string' ? (JSON.parse(result.output) as ICruiseResult) : result.output;
  return (output.summary.violations ?? []).map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.cycle?.length ? v.cycle.map((c) => c.name).join(' → ') : v.to,
  }));
}
