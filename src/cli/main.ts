import { EXIT, processIO, type CliIO, type Command } from './io.ts';
import { AppError } from '../shared/errors.ts';

const USAGE = `peixun — 补贴性职业技能培训管理系统

usage:
  peixun serve [--demo]            start the API and web app on PORT (default 3000); --demo loads demo data into an empty store
  peixun demo [--reset]            load the demo data set (five seed cities); --reset replaces existing data
  peixun audit checkpoint          sign every city chain's head with the audit key; keep and print the checkpoint
  peixun audit verify [--checkpoint FILE]   walk every city's audit chain and check it still holds the checkpoint
                                   (default: the newest kept); exit 1 naming the first bad entry
  peixun audit restrict-role ROLE  PostgreSQL: let ROLE use the tables but never update, delete or truncate audit rows
  peixun inspection replay DRAW_ID   replay a 双随机 draw from its recorded seed and pools; exit 1 if the picks differ
  peixun policy list               the policy packs and their parameters with effective dates
  peixun policy show ID            one pack: rules, citations, parameters
  peixun subsidy calc CASE.json [--json]   compute a subsidy case file (SPEC §5.2), no database needed

environment: DATABASE_URL (PostgreSQL; default the embedded store), PEIXUN_DATA (default ./data), PORT,
             PEIXUN_AUDIT_KEY (audit key file; default PEIXUN_DATA/audit-key.pem),
             PEIXUN_DEMO_PASSWORD (default peixun-demo)`;

// Commands load lazily so that `subsidy calc` starts without the database and web stack.
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.ts')).serve,
  demo: async () => (await import('./demo.ts')).demo,
  'audit verify': async () => (await import('./audit.ts')).auditVerify,
  'audit checkpoint': async () => (await import('./audit.ts')).auditCheckpoint,
  'audit restrict-role': async () => (await import('./audit.ts')).auditRestrictRole,
  'inspection replay': async () => (await import('./inspection.ts')).inspectionReplay,
  'policy list': async () => (await import('./policy.ts')).policyList,
  'policy show': async () => (await import('./policy.ts')).policyShow,
  'subsidy calc': async () => (await import('./policy.ts')).subsidyCalc,
};

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const two = argv.slice(0, 2).join(' ');
  const [name, rest] = COMMANDS[two] ? [two, argv.slice(2)] : [argv[0] ?? '', argv.slice(1)];
  const load = COMMANDS[name];
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (!load) {
    io.err(`peixun: unknown command ${argv.slice(0, 2).join(' ')}\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof AppError) {
      io.err(`peixun ${name}: ${e.message}`);
      return e.status < 500 ? EXIT.usage : EXIT.failed;
    }
    throw e;
  }
}
