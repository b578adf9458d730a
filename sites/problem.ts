/** A validation finding in a building file: where (1-based line and column) and what. */
export interface Problem {
  severity: 'error' | 'warning';
  line: number;
  /** 1-based column of the building file (1 = NetworkIP … 15 = VPN). */
  column: number;
  message: string;
}

/** `file:line:col: severity: message`, the compiler-style form the CLI prints. */
export function formatProblem(file: string, p: Problem): string {
  return `${file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}

export function byPosition(a: Problem, b: Problem): number {
  return a.line - b.line || a.column - b.column || a.message.localeCompare(b.message);
}
