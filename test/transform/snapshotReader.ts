/**
 * Child process for the atomicity test: opens the snapshot read-only over and over for `ms`
 * milliseconds and checks each open sees a complete, consistent file. Prints one JSON line.
 */
import { z } from 'zod';
import { openDb } from '../../core/db.js';
import { errorMessage } from '../../core/errors.js';

const [path, msArg] = process.argv.slice(2);
const until = Date.now() + Number(msArg ?? 2000);
const row = z.object({ attempts: z.number(), rolled: z.number(), clusters: z.number() });
let opens = 0;
const errors: string[] = [];
const sizes = new Set<number>();
while (Date.now() < until) {
  try {
    const db = await openDb(path ?? '', { readOnly: true, sandbox: true });
    try {
      const r = await db.query(
        `SELECT (SELECT count(*) FROM marts.setup_attempts)::INTEGER AS attempts,
                (SELECT sum(attempts) FROM marts.daily_rollup)::INTEGER AS rolled,
                (SELECT count(*) FROM patterns.clusters)::INTEGER AS clusters`,
        row,
      );
      const x = r[0];
      if (!x || x.attempts !== x.rolled || x.clusters !== 2) errors.push(`inconsistent ${JSON.stringify(x)}`);
      else sizes.add(x.attempts);
    } finally {
      db.close();
    }
    opens++;
  } catch (e) {
    errors.push(errorMessage(e).split('\n')[0] ?? 'error');
  }
}
process.stdout.write(`${JSON.stringify({ opens, errors: errors.slice(0, 5), errorCount: errors.length, sizes: [...sizes].sort() })}\n`);
