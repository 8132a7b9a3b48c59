/** Ends a process that could not start with one line saying why, instead of a stack trace. */
export function exitOnStartupFailure(processName: string, error: unknown): never {
  const cause = (error as { cause?: unknown })?.cause;
  const reason = [error, cause]
    .filter((e): e is Error => e instanceof Error)
    .map((e) => e.message)
    .join(': ');
  process.stderr.write(`Papermill ${processName} could not start: ${reason || String(error)}\n`);
  process.exit(1);
}
