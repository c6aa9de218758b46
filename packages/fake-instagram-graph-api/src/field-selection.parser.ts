/**
 * The `fields` parameter: `id,caption,comments.limit(50){id,replies{id}},insights.metric(reach,views)`.
 * Modifiers (`.limit(n)`, `.metric(a,b)`, `.since(t)`…) and a sub-selection `{…}` may follow
 * a name in either order, as the Graph API accepts both.
 */
import { syntaxError } from './graph-errors.js';

export interface FieldSelection {
  name: string;
  /** Modifiers, e.g. { limit: '50', metric: 'reach,views' }. */
  params: Record<string, string>;
  /** Sub-selection of an edge or object field; undefined when none was given. */
  fields?: FieldSelection[];
}

class Parser {
  private pos = 0;

  constructor(private readonly input: string) {}

  parse(): FieldSelection[] {
    const list = this.list();
    if (this.pos < this.input.length) this.fail('end of string');
    return list;
  }

  private list(): FieldSelection[] {
    const out: FieldSelection[] = [];
    for (;;) {
      out.push(this.field());
      this.skipSpace();
      if (this.input[this.pos] !== ',') return out;
      this.pos += 1;
    }
  }

  private field(): FieldSelection {
    this.skipSpace();
    const name = this.word();
    const field: FieldSelection = { name, params: {} };
    for (;;) {
      this.skipSpace();
      const c = this.input[this.pos];
      if (c === '.') {
        this.pos += 1;
        const key = this.word();
        field.params[key] = this.args();
      } else if (c === '{' && !field.fields) {
        this.pos += 1;
        field.fields = this.list();
        this.skipSpace();
        if (this.input[this.pos] !== '}') this.fail('"}"');
        this.pos += 1;
      } else {
        return field;
      }
    }
  }

  private args(): string {
    if (this.input[this.pos] !== '(') this.fail('"("');
    const close = this.input.indexOf(')', this.pos);
    if (close < 0) this.fail('")"');
    const value = this.input.slice(this.pos + 1, close).trim();
    this.pos = close + 1;
    return value;
  }

  private word(): string {
    const match = /^[A-Za-z0-9_]+/.exec(this.input.slice(this.pos));
    if (!match) this.fail('a field name');
    this.pos += match[0].length;
    return match[0];
  }

  private skipSpace(): void {
    while (/\s/.test(this.input[this.pos] ?? '')) this.pos += 1;
  }

  private fail(expected: string): never {
    throw syntaxError(expected, this.pos, this.input);
  }
}

/** Parses a `fields` value; throws the API's code-2500 syntax error when malformed. */
export function parseFields(input: string): FieldSelection[] {
  return new Parser(input).parse();
}

/** The inverse of parseFields, used to build nested `paging.next` URLs. */
export function serializeFields(fields: FieldSelection[]): string {
  return fields
    .map((f) => {
      const params = Object.entries(f.params)
        .map(([k, v]) => `.${k}(${v})`)
        .join('');
      const sub = f.fields ? `{${serializeFields(f.fields)}}` : '';
      return `${f.name}${params}${sub}`;
    })
    .join(',');
}

/** Fields as given, or the node's defaults when the request named none. */
export function fieldsOrDefault(raw: string | undefined, defaults: string): FieldSelection[] {
  return parseFields(raw && raw.trim() !== '' ? raw : defaults);
}
