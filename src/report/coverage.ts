import type { ClassCoverage } from '../salesforce/deploy-result.js';

/** Istanbul's per-file coverage data (istanbul-lib-coverage's FileCoverageData), lines as statements. */
export interface FileCoverageData {
  path: string;
  statementMap: Record<string, { start: { line: number; column: number }; end: { line: number; column: number } }>;
  fnMap: Record<string, never>;
  branchMap: Record<string, never>;
  s: Record<string, number>;
  f: Record<string, never>;
  b: Record<string, never>;
}

/** Coverage of one class as a report row: percent of its locations covered. */
export interface ClassCoverageRow extends ClassCoverage {
  covered: number;
  /** Percent with one decimal; 100 for a class without locations. */
  percent: number;
  belowThreshold: boolean;
}

/**
 * Per-class coverage for a report: the classes below the threshold first (least covered first),
 * then the others by name.
 */
export function classCoverageRows(classes: ClassCoverage[], threshold: number): ClassCoverageRow[] {
  const rows = classes.map((c) => {
    const covered = Math.max(0, c.locations - c.notCovered);
    const percent = c.locations ? Math.floor((covered / c.locations) * 1000) / 10 : 100;
    return { ...c, covered, percent, belowThreshold: c.locations > 0 && percent < threshold };
  });
  return rows.sort((a, b) => Number(b.belowThreshold) - Number(a.belowThreshold) || (a.belowThreshold ? a.percent - b.percent : 0) || a.name.localeCompare(b.name));
}

/**
 * Istanbul coverage data for one Apex class or trigger. A deploy result names only the lines no
 * test reached and how many locations there are, not which lines the covered ones are (the sf
 * CLI meets the same gap when it builds its reports from a deploy); so, as it does, the covered
 * locations are placed on lines that are not listed as uncovered: here the code lines of the
 * class's source when the repository has it, else consecutive line numbers. Totals always equal
 * what Salesforce reported: `locations` statements of which `notCovered` have no hit.
 */
export function apexFileCoverage(filePath: string, cls: ClassCoverage, source?: string): FileCoverageData {
  const listed = cls.uncoveredLines.slice(0, cls.notCovered);
  const taken = new Set(listed);
  const candidates = source ? codeLines(source).filter((line) => !taken.has(line)) : [];
  const pick = (count: number, from: 'start' | 'end'): number[] => {
    const picked: number[] = [];
    const pool = from === 'start' ? candidates : [...candidates].reverse();
    for (const line of pool) {
      if (picked.length >= count) break;
      if (!taken.has(line)) {
        picked.push(line);
        taken.add(line);
      }
    }
    let next = Math.max(0, ...taken) + 1;
    while (picked.length < count) {
      picked.push(next);
      taken.add(next++);
    }
    return picked;
  };
  // Uncovered locations Salesforce counted but did not list are taken from the end of the file;
  // covered ones from the start.
  const uncovered = [...listed, ...pick(Math.max(0, cls.notCovered - listed.length), 'end')];
  const covered = pick(Math.max(0, cls.locations - uncovered.length), 'start');
  const lines = [...covered.map((line) => ({ line, hits: 1 })), ...uncovered.map((line) => ({ line, hits: 0 }))].sort((a, b) => a.line - b.line);
  const sourceLines = source?.split(/\r?\n/) ?? [];
  const data: FileCoverageData = { path: filePath, statementMap: {}, fnMap: {}, branchMap: {}, s: {}, f: {}, b: {} };
  lines.forEach(({ line, hits }, i) => {
    const width = sourceLines[line - 1]?.length ?? 0;
    data.statementMap[String(i)] = { start: { line, column: 0 }, end: { line, column: width } };
    data.s[String(i)] = hits;
  });
  return data;
}

/** Lines of Apex that can hold a coverage location: not blank, not a comment, not a lone brace or annotation. */
export function codeLines(source: string): number[] {
  const result: number[] = [];
  let inComment = false;
  source.split(/\r?\n/).forEach((raw, i) => {
    let line = raw.trim();
    if (inComment) {
      const end = line.indexOf('*/');
      if (end < 0) return;
      inComment = false;
      line = line.slice(end + 2).trim();
    }
    if (line.startsWith('/*')) {
      if (!line.includes('*/')) inComment = true;
      return;
    }
    if (!line || line.startsWith('//') || /^[{}();]+$/.test(line) || /^@\w+(\(.*\))?$/.test(line)) return;
    result.push(i + 1);
  });
  return result;
}
