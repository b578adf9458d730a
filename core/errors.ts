/** Exit codes of the CLI: 0 ok, 1 failure, 2 usage/config error, 3 data check failed. */
export type ExitCode = 0 | 1 | 2 | 3;

/** Base of every error the tool raises on purpose: a message fit for a user and an exit code. */
export class CqdError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = 1, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CqdError';
    this.exitCode = exitCode;
  }
}

/** Bad command line: unknown command, bad flag value. Exit 2. */
export class UsageError extends CqdError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
    this.name = 'UsageError';
  }
}

/** Bad or missing configuration: names the file and key. Exit 2. */
export class ConfigError extends CqdError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
    this.name = 'ConfigError';
  }
}

/** A data check found offending rows. Exit 3. */
export class DataCheckError extends CqdError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 3, options);
    this.name = 'DataCheckError';
  }
}

/** The DuckDB file is held by another process (DuckDB allows one writer). */
export class DatabaseInUseError extends CqdError {
  readonly pid: number | undefined;
  constructor(path: string, pid: number | undefined, holder: string | undefined) {
    const who = pid === undefined ? 'another process' : `PID ${pid}${holder ? ` (${holder})` : ''}`;
    super(
      `database ${path} is in use by ${who}; DuckDB allows one writer at a time. ` +
        `Stop that process, or query the analyst snapshot with 'cqd-patterns sql'.`,
      1,
    );
    this.name = 'DatabaseInUseError';
    this.pid = pid;
  }
}

export function isCqdError(e: unknown): e is CqdError {
  return e instanceof CqdError;
}

/** The message of any thrown value, for places that must print something. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
