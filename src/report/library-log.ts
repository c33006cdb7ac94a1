import { formatWithOptions } from 'node:util';

/**
 * Keeps what the libraries print on their own (jsforce's logger, which writes with console.log
 * and console.error when JSFORCE_LOG_LEVEL is set; warnings that @salesforce/core's Lifecycle and
 * source-deploy-retrieve raise through process.emitWarning) out of the run's own lines: each goes
 * to the debug log (shown when the workflow runs with step debug logging), labelled as the
 * library's. The action itself writes through @actions/core, never through console.
 */
export function routeLibraryOutput(debug: (line: string) => void): void {
  const toDebug = (source: string) => (...args: unknown[]) => {
    for (const line of formatWithOptions({ colors: false }, ...args).split('\n')) if (line.trim()) debug(`[${source}] ${line}`);
  };
  console.log = toDebug('library');
  console.info = toDebug('library');
  console.debug = toDebug('library');
  console.warn = toDebug('library warning');
  console.error = toDebug('library error');
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    const text = typeof warning === 'string' ? warning : `${warning.name}: ${warning.message}`;
    debug(`[${type ?? 'warning'}] ${text}`);
  }) as typeof process.emitWarning;
}
