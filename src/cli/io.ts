/** What a CLI command may touch: its arguments, two output streams, the environment. Returns the exit code. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

export type Command = (argv: string[], io: CliIO) => Promise<number>;

export const processIO = (): CliIO => ({
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  env: process.env,
});

/** Exit codes: 0 ok, 1 failure found (e.g. a broken audit chain), 2 bad input or usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
