import { openDb } from '../core/db.js';
const db = await openDb('/tmp/cqd-demo-check/demo.duckdb', { readOnly: true });
for (const q of process.argv.slice(2)) { const r = await db.queryRaw(q); console.log(r.columns.join('\t')); for (const row of r.rows) console.log(row.map(String).join('\t')); console.log('--'); }
