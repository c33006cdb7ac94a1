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

/** A method or constructor of a class, with the lines of its body that hold code. */
export interface ApexMethod {
  name: string;
  /** Lowercase name; a constructor is named after its class. */
  key: string;
  isConstructor: boolean;
  isStatic: boolean;
  /** Body text (braces included), for finding what the method calls. */
  body: string;
  /** Executable lines: 1-based lines inside the body that hold a statement. */
  lines: number[];
}

const NOT_METHODS = new Set(['if', 'for', 'while', 'catch', 'switch', 'return', 'new', 'else', 'do', 'try', 'when', 'throw']);

/**
 * Methods and constructors of a class (inner classes' included, as Salesforce counts an inner
 * class's lines in its outer class). A trigger is one body: every line of it.
 */
export function methodsOf(unit: Pick<ApexUnit, 'type' | 'name' | 'body'>): ApexMethod[] {
  const code = stripComments(unit.body);
  if (unit.type === 'ApexTrigger') {
    const open = code.indexOf('{');
    if (open < 0) return [];
    const end = matchingBrace(code, open);
    return [{ name: unit.name, key: unit.name.toLowerCase(), isConstructor: false, isStatic: true, body: code.slice(open, end), lines: executableLines(code, open, end) }];
  }
  const signature = /(\bstatic\s+)?(?:[\w.]+(?:<[\w\s,.<>]*>)?(?:\[\])?\s+)?(\w+)\s*\(([^()]*)\)\s*(?:throws\s+[\w.,\s]+)?\{/g;
  const methods: ApexMethod[] = [];
  for (let match = signature.exec(code); match; match = signature.exec(code)) {
    const name = match[2]!;
    const open = match.index + match[0].length - 1;
    if (NOT_METHODS.has(name.toLowerCase())) continue;
    const before = code.slice(Math.max(0, match.index - 12), match.index);
    if (/\bnew\s*$/.test(before)) continue; // `new Foo() {` is not a declaration
    const end = matchingBrace(code, open);
    const declaration = code.slice(code.lastIndexOf('\n', match.index) + 1, open);
    const isConstructor = !/\b(void|[\w.]+(?:<[\w\s,.<>]*>)?(?:\[\])?)\s+\w+\s*\(/.test(declaration.replace(/\b(public|private|protected|global|static|override|virtual|abstract|webservice|testmethod)\b/gi, ''));
    methods.push({
      name,
      key: name.toLowerCase(),
      isConstructor,
      isStatic: Boolean(match[1]) || /\bstatic\b/i.test(declaration),
      body: code.slice(open, end),
      lines: executableLines(code, open, end),
    });
    signature.lastIndex = end;
  }
  return methods;
}

/** Lines strictly inside `[open, end)` that hold a statement (not blank, not only braces or `else`). */
function executableLines(code: string, open: number, end: number): number[] {
  const firstLine = lineAt(code, open);
  const lines = code.slice(open + 1, Math.max(open + 1, end - 1)).split('\n');
  const result: number[] = [];
  lines.forEach((text, index) => {
    const trimmed = text.trim();
    if (!trimmed || /^[{}\s]*(?:else|try|finally)?[{}\s]*$/i.test(trimmed)) return;
    result.push(firstLine + index);
  });
  return result;
}

/**
 * Names Apex and the platform provide, which a class may use without the org holding a class of
 * that name (Apex Reference Guide: System, Database, Schema, … namespaces and classes).
 */
const BUILT_IN_TYPES = new Set(
  (
    'System Database Schema Test Assert Math String Integer Long Decimal Double Boolean Date Datetime Time Blob Id Object JSON JSONGenerator JSONParser ' +
    'Limits UserInfo Messaging ApexPages PageReference SelectOption Http HttpRequest HttpResponse Crypto EncodingUtil Url Type Trigger Label Site Network ' +
    'Auth Approval Search Cache Pattern Matcher Exception DmlException QueryException NullPointerException List Map Set Continuation Savepoint ConnectApi ' +
    'Flow Process EventBus Queueable Schedulable Batchable Metadata Dom XmlStreamReader XmlStreamWriter Canvas Reports QuickAction SObject SObjectType ' +
    'SObjectField Callable Comparable DescribeFieldResult DescribeSObjectResult Formula FeatureManagement Security AccessLevel DataWeave Iterator Iterable ' +
    'Address Location TimeZone Version Component Logginglevel LoggingLevel StaticResourceCalloutMock HttpCalloutMock WebServiceMock Territory2 ' +
    'AsyncException CalloutException TypeException MathException StringException ListException SecurityException JSONException HandledException ' +
    'Organization User Profile Group RecordType Network Document Attachment ContentVersion ContentDocument ContentDocumentLink Note FeedItem ' +
    'AggregateResult Database Queueable Finalizer FinalizerContext QueueableContext SchedulableContext BatchableContext Request Quiddity Domain DomainParser ' +
    'CronTrigger AsyncApexJob ApexClass ApexTrigger PermissionSet PermissionSetAssignment UserRole Period Event Task EmailTemplate OrgWideEmailAddress ' +
    'RestContext RestRequest RestResponse Environment Currency Cookie Component IdeaStandardController StandardController StandardSetController ' +
    // System enums and utility classes of the Apex Reference Guide (System namespace).
    'RoundingMode LoggingLevel Pattern Matcher Crypto EncodingUtil Limits Schema Type UserInfo Url JSONToken Trigger System Test Math'
  )
    .split(/\s+/)
    .map((name) => name.toLowerCase()),
);

/**
 * Classes a class or trigger refers to by `new X(` or `X.member`, that are neither built in, nor
 * SObjects (standard or `__c`, `__mdt`, `__e`), nor declared in the same file. What the Apex
 * compiler would look up in the org, and report `Invalid type: X` for when it is missing.
 */
export function referencedClasses(body: string, isSObject: (name: string) => boolean): Array<{ name: string; line: number; column: number }> {
  const code = stripComments(body).replace(/'(?:\\.|[^'\\])*'/g, (literal) => literal.replace(/[^\n]/g, ' '));
  const declared = new Set([...code.matchAll(/\b(?:class|interface|enum)\s+(\w+)/gi)].map((m) => m[1]!.toLowerCase()));
  const variables = new Set([...code.matchAll(/\b[\w.<>,\s[\]]+?\s+(\w+)\s*(?:=|;|,|\)|:)/g)].map((m) => m[1]!.toLowerCase()));
  const found = new Map<string, { name: string; line: number; column: number }>();
  for (const match of code.matchAll(/\bnew\s+([A-Za-z]\w*)\s*[([]|(?<![.\w])([A-Z]\w*)\s*\.\s*[A-Za-z]\w*/g)) {
    const name = match[1] ?? match[2]!;
    const lower = name.toLowerCase();
    if (BUILT_IN_TYPES.has(lower) || declared.has(lower) || isSObject(name) || /__(c|mdt|e|x|b|kav)$/i.test(name)) continue;
    if (match[2] && variables.has(lower)) continue;
    if (!found.has(lower)) {
      const offset = match.index + match[0].indexOf(name);
      const lineStart = code.lastIndexOf('\n', offset) + 1;
      found.set(lower, { name, line: lineAt(code, offset), column: offset - lineStart + 1 });
    }
  }
  return [...found.values()];
}

/** Whether Apex code (comments and string literals aside) names an identifier, in any case. */
export function mentions(body: string, name: string): boolean {
  const code = stripComments(body).replace(/'(?:\\.|[^'\\])*'/g, "''");
  return new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, '')}\\b`, 'i').test(code);
}
