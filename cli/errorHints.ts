/**
 * A hint printed under an error the user can act on through the config, when the underlying message
 * (DuckDB's, here) does not name our settings.
 */
export function errorHint(message: string): string | undefined {
  if (/Out of Memory Error/i.test(message)) {
    return 'DuckDB reached its memory limit: raise `memoryLimit` in the config (or remove it: DuckDB then uses 80 % of RAM), or free memory on this machine';
  }
  return undefined;
}
