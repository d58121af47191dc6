// Prints the one closing line CI reads: "N passed, N failed", from vitest's JSON report.
// When the static checks (types, lint, format) failed before vitest ran, that counts as one failure.
import fs from 'node:fs';

const [file, statusText] = process.argv.slice(2);
const status = Number(statusText ?? 1);
let passed = 0;
let failed = 0;
if (file && fs.existsSync(file)) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  if (report.numPendingTests || report.numTodoTests) {
    console.log(
      `(${(report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)} skipped, not counted as passed)`,
    );
  }
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
