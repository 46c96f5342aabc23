// Reads deepObject query parameters (`filter[type]=…`, `page[size]=…`) and collects every invalid one,
// so a bad request gets all its problems back in one 422, each naming its parameter.

import type { TelnyxError } from './errors';
import { invalidParameter } from './errors';
import { UUID_RE } from './prng';

/** The query parameters an endpoint documents (API.md §2, §4–§7). */
export interface QuerySpec {
  /** Single-valued parameters: each may appear at most once. */
  single: readonly string[];
  /** Array parameters: comma-separated, or repeated as `name` or `name[]` (what listOf reads). */
  arrays?: readonly string[];
}

export const PAGE_PARAMS = ['page[number]', 'page[size]'] as const;

/** For endpoints that document no query parameter at all (show by id, republish). */
export const NO_PARAMS: QuerySpec = { single: [] };

export class QueryReader {
  readonly errors: TelnyxError[] = [];
  /** Parameters already reported as repeated: their values are not judged on top of that. */
  private readonly reported = new Set<string>();

  /**
   * With `strict`, every parameter the spec does not list, and every single-valued one given more than once,
   * is an error up front: a client that misspells a filter (or sends one the endpoint lacks) must hear about it
   * instead of getting an unfiltered list that looks right. Without `strict` they are ignored, last value wins.
   */
  constructor(
    private readonly params: URLSearchParams,
    spec: QuerySpec,
    strict: boolean,
  ) {
    if (!strict) return;
    const counts = new Map<string, number>();
    for (const name of params.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
    const arrays = spec.arrays ?? [];
    for (const [name, count] of counts) {
      if (spec.single.includes(name)) {
        if (count === 1) continue;
        this.reported.add(name);
        this.errors.push(invalidParameter(name, `${name} was given ${count} times; it takes one value.`));
      } else if (!arrays.includes(name) && !(name.endsWith('[]') && arrays.includes(name.slice(0, -2)))) {
        this.errors.push(invalidParameter(name, `${name} is not a parameter of this endpoint.`));
      }
    }
  }

  /** Last value wins when a parameter is repeated (only possible when not strict); absent → undefined. */
  raw(name: string): string | undefined {
    if (this.reported.has(name)) return undefined;
    const all = this.params.getAll(name);
    return all.length === 0 ? undefined : all[all.length - 1];
  }

  /** Free-text filters: an empty value means "no filter". */
  text(name: string): string | undefined {
    const v = this.raw(name);
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.errors.push(invalidParameter(name, `${name} must be one of: ${allowed.join(', ')}.`));
    return undefined;
  }

  /** Comma-separated (the SDK's arrayFormat) plus repeated `name` / `name[]` keys. */
  listOf<T extends string>(name: string, allowed: readonly T[]): T[] | undefined {
    const values = this.arrayValues(name);
    if (values.length === 0) return undefined;
    const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
    if (bad.length > 0) {
      this.errors.push(invalidParameter(name, `${name} contains invalid values (${bad.join(', ')}); allowed: ${allowed.join(', ')}.`));
      return undefined;
    }
    return values as T[];
  }

  /** A free-text array in the forms listOf accepts; empty items are dropped, none left means no filter. */
  textList(name: string): string[] | undefined {
    const values = this.arrayValues(name).map((v) => v.trim()).filter((v) => v !== '');
    return values.length === 0 ? undefined : values;
  }

  private arrayValues(name: string): string[] {
    return [...this.params.getAll(name), ...this.params.getAll(`${name}[]`)].flatMap((v) => v.split(','));
  }

  uuid(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (UUID_RE.test(v)) return v.toLowerCase();
    this.errors.push(invalidParameter(name, `${name} must be a UUID.`));
    return undefined;
  }

  /** Epoch milliseconds of an ISO 8601 date or date-time. */
  dateTime(name: string): number | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    const ms = /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : NaN;
    if (!Number.isNaN(ms)) return ms;
    this.errors.push(invalidParameter(name, `${name} must be an ISO 8601 date-time.`));
    return undefined;
  }

  boolean(name: string): boolean | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (v === 'true' || v === 'false') return v === 'true';
    this.errors.push(invalidParameter(name, `${name} must be true or false.`));
    return undefined;
  }

  /** Digits only: "1.5", "-1", "" and "1e2" are all rejected, like a strict integer schema. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const n = /^\d{1,15}$/.test(v) ? Number(v) : NaN;
    if (n >= min && n <= max) return n;
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`;
    this.errors.push(invalidParameter(name, `${name} must be an integer ${range}.`));
    return fallback;
  }
}
