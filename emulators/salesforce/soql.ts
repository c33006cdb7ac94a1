/** A SOQL error with the REST API's error code (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE). */
export class SoqlError extends Error {
  constructor(
    readonly code: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE',
    message: string,
  ) {
    super(message);
    this.name = 'SoqlError';
  }
}

type Literal = string | number | boolean | null;

type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; part: Condition }
  | { kind: 'compare'; field: string; op: string; value: Literal | Literal[] };

/** The subset of SOQL the emulator answers: fields, one object, WHERE, ORDER BY, LIMIT, OFFSET. */
export interface SoqlQuery {
  fields: string[];
  object: string;
  where?: Condition;
  orderBy: Array<{ field: string; descending: boolean; nullsLast: boolean }>;
  limit?: number;
  offset?: number;
}

/**
 * A queryable object: canonical field names and its rows. A relationship field (`ApexClass.Name`)
 * is listed and stored flat; `relationships` names each relationship's record (its `attributes`),
 * or null when the row has none, and the answer nests it as the REST API does:
 * `"ApexClass": { "attributes": { "type", "url" }, "Name": … }` (REST API Developer Guide,
 * "Relationship Queries").
 */
export interface SoqlTable {
  name: string;
  fields: readonly string[];
  rows: ReadonlyArray<Record<string, unknown>>;
  relationships?: Readonly<Record<string, (row: Record<string, unknown>) => { type: string; url: string } | null>>;
}

const TOKEN =
  /\s*(?:('(?:[^'\\]|\\.)*')|(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2}))|(-?\d+(?:\.\d+)?)(?![\w])|([A-Za-z_][\w.]*(?:\(\))?)|(!=|<>|<=|>=|=|<|>|\(|\)|,))/y;

function tokenize(soql: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < soql.length) {
    if (!soql.slice(at).trim()) break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(soql);
    if (!match) throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${soql.slice(at).trim().split(/\s/)[0]}'`);
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5]!);
    at = TOKEN.lastIndex;
  }
  return tokens;
}

/** Parses the supported SOQL subset; anything else is MALFORMED_QUERY, as Salesforce answers it. */
export function parseSoql(soql: string): SoqlQuery {
  const tokens = tokenize(soql);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const is = (word: string): boolean => peek()?.toUpperCase() === word;
  const expect = (word: string): void => {
    if (!is(word)) throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${peek() ?? '<EOF>'}'`);
    i++;
  };
  const identifier = (): string => {
    const token = peek();
    if (!token || !/^[A-Za-z_][\w.]*$/.test(token)) throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${token ?? '<EOF>'}'`);
    i++;
    return token;
  };
  const literal = (): Literal => {
    const token = tokens[i++];
    if (token === undefined) throw new SoqlError('MALFORMED_QUERY', "unexpected token: '<EOF>'");
    if (token.startsWith("'")) return token.slice(1, -1).replace(/\\(.)/g, '$1');
    if (/^-?\d/.test(token)) return /T/.test(token) ? token : Number(token);
    const word = token.toLowerCase();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${token}'`);
  };
  const factor = (): Condition => {
    if (is('NOT')) {
      i++;
      return { kind: 'not', part: factor() };
    }
    if (is('(')) {
      i++;
      const inner = or();
      expect(')');
      return inner;
    }
    const field = identifier();
    if (is('NOT') || is('IN')) {
      const negated = is('NOT');
      if (negated) i++;
      expect('IN');
      expect('(');
      const values = [literal()];
      while (is(',')) {
        i++;
        values.push(literal());
      }
      expect(')');
      return { kind: 'compare', field, op: negated ? 'NOT IN' : 'IN', value: values };
    }
    const op = tokens[i++]?.toUpperCase();
    if (!op || !['=', '!=', '<>', '<', '>', '<=', '>=', 'LIKE'].includes(op)) {
      throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${op ?? '<EOF>'}'`);
    }
    return { kind: 'compare', field, op: op === '<>' ? '!=' : op, value: literal() };
  };
  const and = (): Condition => {
    const parts = [factor()];
    while (is('AND')) {
      i++;
      parts.push(factor());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  };
  const or = (): Condition => {
    const parts = [and()];
    while (is('OR')) {
      i++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  };

  expect('SELECT');
  const fields = [identifier()];
  while (is(',')) {
    i++;
    fields.push(identifier());
  }
  expect('FROM');
  const query: SoqlQuery = { fields, object: identifier(), orderBy: [] };
  if (is('WHERE')) {
    i++;
    query.where = or();
  }
  if (is('ORDER')) {
    i++;
    expect('BY');
    do {
      if (is(',')) i++;
      const field = identifier();
      let descending = false;
      if (is('ASC') || is('DESC')) descending = tokens[i++]!.toUpperCase() === 'DESC';
      let nullsLast = descending;
      if (is('NULLS')) {
        i++;
        nullsLast = tokens[i++]?.toUpperCase() === 'LAST';
      }
      query.orderBy.push({ field, descending, nullsLast });
    } while (is(','));
  }
  if (is('LIMIT')) {
    i++;
    query.limit = Number(literal());
  }
  if (is('OFFSET')) {
    i++;
    query.offset = Number(literal());
  }
  if (i < tokens.length) throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${tokens[i]}'`);
  return query;
}

/** Runs a parsed query over a table; field names match case-insensitively and come back canonical. */
export function runSoql(query: SoqlQuery, table: SoqlTable): Array<Record<string, unknown>> {
  const canonical = (field: string): string => {
    const found = table.fields.find((name) => name.toLowerCase() === field.toLowerCase());
    if (!found) {
      throw new SoqlError(
        'INVALID_FIELD',
        `No such column '${field}' on entity '${table.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    return found;
  };
  const fields = query.fields.map(canonical);
  const matches = (row: Record<string, unknown>, condition: Condition): boolean => {
    switch (condition.kind) {
      case 'and':
        return condition.parts.every((part) => matches(row, part));
      case 'or':
        return condition.parts.some((part) => matches(row, part));
      case 'not':
        return !matches(row, condition.part);
      case 'compare':
        return compare(row[canonical(condition.field)], condition.op, condition.value);
    }
  };
  let rows = table.rows.filter((row) => !query.where || matches(row, query.where));
  const order = query.orderBy.map((key) => ({ ...key, field: canonical(key.field) }));
  rows = [...rows].sort((a, b) => {
    for (const key of order) {
      const x = a[key.field];
      const y = b[key.field];
      if (x === y) continue;
      if (x === null || x === undefined) return key.nullsLast ? 1 : -1;
      if (y === null || y === undefined) return key.nullsLast ? -1 : 1;
      const sign = String(x) < String(y) ? -1 : 1;
      return typeof x === 'number' && typeof y === 'number' ? (x - y) * (key.descending ? -1 : 1) : sign * (key.descending ? -1 : 1);
    }
    return 0;
  });
  rows = rows.slice(query.offset ?? 0, query.limit === undefined ? undefined : (query.offset ?? 0) + query.limit);
  return rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const field of fields) {
      const dot = field.indexOf('.');
      if (dot < 0) {
        record[field] = row[field] ?? null;
        continue;
      }
      const relationship = field.slice(0, dot);
      if (!(relationship in record)) {
        const attributes = table.relationships?.[relationship]?.(row) ?? null;
        record[relationship] = attributes ? { attributes } : null;
      }
      const related = record[relationship] as Record<string, unknown> | null;
      if (related) related[field.slice(dot + 1)] = row[field] ?? null;
    }
    return record;
  });
}

function compare(actual: unknown, op: string, expected: Literal | Literal[]): boolean {
  if (op === 'IN' || op === 'NOT IN') {
    const found = (expected as Literal[]).some((value) => equal(actual, value));
    return op === 'IN' ? found : !found;
  }
  const value = expected as Literal;
  if (op === '=') return equal(actual, value);
  if (op === '!=') return !equal(actual, value);
  if (op === 'LIKE') {
    const pattern = new RegExp(`^${String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'i');
    return typeof actual === 'string' && pattern.test(actual);
  }
  if (actual === null || actual === undefined || value === null) return false;
  const [x, y] = typeof value === 'string' && /^\d{4}-/.test(value) ? [Date.parse(String(actual)), Date.parse(value)] : [actual, value];
  if (op === '<') return (x as number) < (y as number);
  if (op === '>') return (x as number) > (y as number);
  if (op === '<=') return (x as number) <= (y as number);
  return (x as number) >= (y as number);
}

/** SOQL string equality is case-insensitive; a 15-character id equals its 18-character form. */
function equal(actual: unknown, expected: Literal): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'boolean' || typeof expected === 'number') return actual === expected;
  if (typeof actual !== 'string') return false;
  if (/^[0-9A-Za-z]{15}$/.test(expected) && /^[0-9A-Za-z]{18}$/.test(actual)) return actual.startsWith(expected);
  return actual.toLowerCase() === expected.toLowerCase();
}
