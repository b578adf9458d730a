#!/usr/bin/env node
// The CLI runs from its TypeScript sources: register tsx in this process, then start cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/main.ts');
await runCli();
