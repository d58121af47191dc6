// npm run deps: the dependency direction of ../shared/STYLE.md (rules in .dependency-cruiser.cjs).
// Exit code 1 and one line per broken import when a rule is broken.
import path from 'node:path';
import { dependencyViolations } from './dependencyRules.ts';

const root = path.resolve(import.meta.dirname, '..');
const violations = await dependencyViolations(root);
for (const v of violations) console.error(`${v.rule}: ${v.from} → ${v.to}`);
if (violations.length > 0) {
  console.error(`\n${violations.length} import(s) break the dependency rules (.dependency-cruiser.cjs).`);
  process.exit(1);
}
console.log('dependency rules: ok');
