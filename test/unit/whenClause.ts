// VS Code's when-clause grammar (src/vs/platform/contextkey/common/scanner.ts and contextkey.ts, Parser), rewritten
// for tests: a clause VS Code cannot parse is dropped by the workbench, and the menu item then shows everywhere.
// So the manifest's clauses are parsed as VS Code parses them, and evaluated against the context a row really has.
//
// expression := or;  or := and ('||' and)*;  and := unary ('&&' unary)*;  unary := '!' (key | '(' or ')') | primary
// primary := 'true' | 'false' | '(' or ')' | key [ ('=='|'!=') value | '=~' /regex/flags | ('<'|'<='|'>'|'>=') value
//            | 'in' key | 'not' 'in' key ]

type Token =
  | { t: '(' | ')' | '!' | '==' | '!=' | '=~' | '<' | '<=' | '>' | '>=' | '&&' | '||' | 'EOF' }
  | { t: 'str'; v: string }
  | { t: 'regex'; source: string; flags: string };

export type Context = Record<string, unknown>;
export type When = (ctx: Context) => boolean;

/** The scanner's idea of a word: anything up to whitespace or one of its operator characters. */
const WORD = /^[^\s()!=<>&|'"]+/;

function scan(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new SyntaxError(`${why} at ${i} in ${JSON.stringify(text)}`);
  };
  while (i < text.length) {
    const rest = text.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) {
      i += ws[0].length;
      continue;
    }
    const op = ['&&', '||', '==', '!=', '=~', '<=', '>=', '(', ')', '!', '<', '>'].find((o) => rest.startsWith(o));
    if (op) {
      out.push({ t: op as Exclude<Token['t'], 'str' | 'regex'> });
      i += op.length;
      if (op === '=~') {
        // A regex literal follows: /…/ with escapes, then flags.
        const m = /^\s*\/((?:\\.|[^\\/])*)\/([a-z]*)/.exec(text.slice(i));
        if (!m) fail('expected a regex after =~');
        out.push({ t: 'regex', source: m![1]!, flags: m![2]! });
        i += m![0].length;
      }
      continue;
    }
    if (rest[0] === "'" || rest[0] === '"') {
      const end = rest.indexOf(rest[0], 1);
      if (end < 0) fail('unterminated string');
      out.push({ t: 'str', v: rest.slice(1, end) });
      i += end + 1;
      continue;
    }
    const w = WORD.exec(rest);
    // `=` alone, `&` alone, `|` alone: VS Code reports these as errors too.
    if (!w) fail(`unexpected ${JSON.stringify(rest[0])}`);
    out.push({ t: 'str', v: w![0] });
    i += w![0].length;
  }
  out.push({ t: 'EOF' });
  return out;
}

/** Parses a clause as VS Code does; throws a SyntaxError where VS Code would drop it. */
export function parseWhen(text: string): When {
  const tokens = scan(text);
  let at = 0;
  const peek = (): Token => tokens[at]!;
  const take = (): Token => tokens[at++]!;
  const fail = (why: string): never => {
    throw new SyntaxError(`${why} (token ${at}) in ${JSON.stringify(text)}`);
  };
  const word = (): string => {
    const tok = take();
    if (tok.t !== 'str') fail(`expected a key or value, got ${tok.t}`);
    return (tok as { v: string }).v;
  };

  /** `next (op next)*`, left to right: the shape of both binary levels. */
  const chain = (op: '||' | '&&', next: () => When, join: (l: boolean, r: () => boolean) => boolean): When => {
    let left = next();
    while (peek().t === op) {
      take();
      const l = left;
      const r = next();
      left = (c) => join(l(c), () => r(c));
    }
    return left;
  };
  const or = (): When => chain('||', and, (l, r) => l || r());
  const and = (): When => chain('&&', unary, (l, r) => l && r());
  const unary = (): When => {
    if (peek().t === '!') {
      take();
      // VS Code takes only a key, true, false or a parenthesised clause after `!` (so `!!a` is refused).
      if (peek().t === '(') {
        const inner = primary();
        return (c) => !inner(c);
      }
      const key = word();
      return key === 'true' ? () => false : key === 'false' ? () => true : (c) => !c[key];
    }
    return primary();
  };
  const primary = (): When => {
    const tok = peek();
    if (tok.t === '(') {
      take();
      const inner = or();
      if (take().t !== ')') fail('expected )');
      return inner;
    }
    const key = word();
    if (key === 'true') return () => true;
    if (key === 'false') return () => false;
    const next = peek();
    switch (next.t) {
      case '==':
      case '!=': {
        take();
        const value = word();
        const eq = (c: Context): boolean => String(c[key]) === value || (value === 'true' && c[key] === true) || (value === 'false' && c[key] === false);
        return next.t === '==' ? eq : (c) => !eq(c);
      }
      case '=~': {
        take();
        const re = take() as { t: 'regex'; source: string; flags: string };
        const regex = new RegExp(re.source, re.flags);
        return (c) => typeof c[key] === 'string' && regex.test(c[key] as string);
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        take();
        const n = Number(word());
        return (c) => {
          const v = Number(c[key]);
          return next.t === '<' ? v < n : next.t === '<=' ? v <= n : next.t === '>' ? v > n : v >= n;
        };
      }
      case 'str':
        if ((next as { v: string }).v === 'in') {
          take();
          const list = word();
          return (c) => inList(c[list], c[key]);
        }
        if ((next as { v: string }).v === 'not') {
          take();
          if (word() !== 'in') fail('expected in after not');
          const list = word();
          return (c) => !inList(c[list], c[key]);
        }
        return fail(`unexpected ${JSON.stringify((next as { v: string }).v)} after ${key}`);
      default:
        return (c) => !!c[key];
    }
  };

  const expr = or();
  if (peek().t !== 'EOF') fail(`unexpected ${peek().t}`);
  return expr;
}

function inList(list: unknown, value: unknown): boolean {
  if (Array.isArray(list)) return list.includes(value);
  return typeof list === 'object' && list !== null && typeof value === 'string' && value in list;
}
