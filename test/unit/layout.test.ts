import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

// The rules of src/'s layout that the compiler cannot see: what differs between directions is asked of the
// direction table, never decided by comparing ids or casting records elsewhere; the wire and presentation
// stay plain Node, tested without VS Code.

/** The checkout: tests run from out/ or a private build dir, so look up from both the bundle and the cwd. */
function repoRoot(): string {
  for (const start of [process.cwd(), __dirname]) {
    for (let d = start; ; d = dirname(d)) {
      if (existsSync(join(d, 'src', 'api', 'directions.ts'))) return d;
      if (dirname(d) === d) break;
    }
  }
  throw new Error('src/api/directions.ts not found above the working directory or the test bundle');
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('source layout', () => {
  const root = repoRoot();
  const files = tsFiles(join(root, 'src')).map((p) => ({ path: relative(root, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }));
  const TABLE = 'src/api/directions.ts';

  function offending(pattern: RegExp, where: (path: string) => boolean): string[] {
    const out: string[] = [];
    for (const f of files.filter((f) => where(f.path))) {
      f.text.split('\n').forEach((line, i) => {
        if (pattern.test(line)) out.push(`${f.path}:${i + 1}: ${line.trim()}`);
      });
    }
    return out;
  }

  it('reads the source it checks', () => {
    assert.ok(files.some((f) => f.path === TABLE));
    assert.ok(files.length > 20, `${files.length} files`);
  });

  it('compares no direction id outside the direction table', () => {
    assert.deepEqual(offending(/\.id\s*[!=]==?\s*['"](portin|portout)['"]|['"](portin|portout)['"]\s*[!=]==?\s*[\w.]*\.id\b/, (p) => p !== TABLE), []);
  });

  it('casts to no direction record shape outside the direction table', () => {
    assert.deepEqual(offending(/\bas\s+(PortingOrder|PortoutDetails)\b/, (p) => p !== TABLE), []);
  });

  it('keeps the wire and presentation free of vscode', () => {
    assert.deepEqual(offending(/from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/, (p) => /^src\/(api|presentation)\//.test(p)), []);
  });

  it('keeps the tree storage format free of vscode', () => {
    assert.deepEqual(offending(/from\s+['"]vscode['"]/, (p) => p === 'src/tree/slimEvent.ts'), []);
  });
});
