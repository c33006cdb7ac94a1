/** An Apex class or trigger as the org would have it once a deploy is applied. */
export interface ApexUnit {
  type: 'ApexClass' | 'ApexTrigger';
  name: string;
  id: string;
  body: string;
}

/** A problem located in source, from a marker comment or a scripted error. */
export interface SourceProblem {
  line: number;
  column?: number;
  message: string;
}

/** A test method found in a test class. */
export interface TestMethod {
  name: string;
  line: number;
  /** Offsets of the method body, braces included. */
  bodyStart: number;
  bodyEnd: number;
}

/** Marker comment that makes the emulator report a compile error at its line. */
export const COMPILE_ERROR_MARKER = 'emulator:compile-error';
/** Marker comment, inside a test method, that makes that test method fail. */
export const TEST_FAIL_MARKER = 'emulator:test-fail';

/** Whether a class is a test class: `@isTest` (any case, with or without arguments) before `class`. */
export function isTestClass(body: string): boolean {
  const code = stripComments(body);
  const classAt = code.search(/\bclass\s+\w+/i);
  return classAt >= 0 && /@istest\b/i.test(code.slice(0, classAt));
}

/** Test methods of a class: methods annotated `@isTest` or declared with the legacy `testMethod` modifier. */
export function testMethodsOf(body: string): TestMethod[] {
  const signature =
    /((?:@\w+(?:\s*\([^)]*\))?\s+)*)((?:(?:public|private|protected|global|static|testmethod|override|virtual)\s+)*)void\s+(\w+)\s*\([^)]*\)\s*\{/gi;
  const methods: TestMethod[] = [];
  for (let match = signature.exec(body); match; match = signature.exec(body)) {
    const [whole, annotations = '', modifiers = '', name = ''] = match;
    const bodyStart = match.index + whole.length - 1;
    const bodyEnd = matchingBrace(body, bodyStart);
    if (/@istest\b/i.test(annotations) || /\btestmethod\b/i.test(modifiers)) {
      methods.push({ name, line: lineAt(body, match.index + annotations.length), bodyStart, bodyEnd });
    }
    signature.lastIndex = bodyEnd;
  }
  return methods;
}

/** Marker comments `// <marker> <message>` within `[from, to)` of the source, with their positions. */
export function markersIn(body: string, marker: string, from = 0, to = body.length): SourceProblem[] {
  const pattern = new RegExp(`//\\s*${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b[ \\t]*(.*)`, 'g');
  const problems: SourceProblem[] = [];
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    if (match.index < from || match.index >= to) continue;
    const lineStart = body.lastIndexOf('\n', match.index) + 1;
    problems.push({
      line: lineAt(body, match.index),
      column: match.index - lineStart + 1,
      message: match[1]!.trim() || 'Compilation failed',
    });
  }
  return problems;
}

/** Lines that hold code: what coverage counts locations in, at least one per unit. */
export function codeLineCount(body: string): number {
  return Math.max(1, stripComments(body).split('\n').filter((line) => line.trim() && line.trim() !== '}').length);
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function matchingBrace(body: string, open: number): number {
  let depth = 0;
  for (let i = open; i < body.length; i++) {
    const c = body[i];
    if (c === "'") {
      for (i++; i < body.length && body[i] !== "'"; i++) if (body[i] === '\\') i++;
    } else if (c === '/' && body[i + 1] === '/') {
      i = body.indexOf('\n', i);
      if (i < 0) return body.length;
    } else if (c === '/' && body[i + 1] === '*') {
      i = body.indexOf('*/', i + 2);
      if (i < 0) return body.length;
      i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return body.length;
}

/** Blanks out comments, keeping newlines so that offsets and lines stay put. */
function stripComments(body: string): string {
  return body.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
}
