/** What every command receives: its own argv, the output streams, env, logger, clock, config loader. */
import type { Clock } from '../core/clock.js';
import type { Env, LoadedConfig } from '../core/config.js';
import type { ExitCode } from '../core/errors.js';
import type { Logger } from '../core/log.js';

export interface CommandContext {
  /** Arguments after the command name (global flags removed). */
  argv: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  env: Env;
  cwd: string;
  log: Logger;
  clock: Clock;
  /** Loads and validates the config once (honours --config and --db). */
  config(): LoadedConfig;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM), for long-running commands. */
  signal: AbortSignal;
}

export type Command = (ctx: CommandContext) => Promise<ExitCode>;
