/** `npm run bench`: runs every benchmark and prints one line each. */
import { runPolicyBench } from './policy.ts';

const policy = runPolicyBench();
console.log(`policy: ${policy.traineesPerSecond} trainees/s, peak ${policy.peakMiB} MiB`);
console.error(
  `  (${policy.trainees} trainees in ${policy.cohorts} cohorts, ${policy.seconds.toFixed(3)} s in calculate, ${policy.lines} lines, total ${policy.totalFen} fen)`,
);

const { runAuditBench } = await import('./audit.ts');
const audit = await runAuditBench();
console.log(`audit: ${audit.one} appends/s with 1 writer, ${audit.ten} appends/s with 10 writers over ${audit.cities} cities`);

const { runStartBench } = await import('./start.ts');
const start = await runStartBench();
console.log(`first start: serving with demo data after ${start.seconds.toFixed(1)} s (serve --demo on an empty folder)`);
