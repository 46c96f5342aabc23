// Localisation: a translation is a file, not a code change. Everything package.json shows goes through
// package.nls.json; every message the code shows goes through vscode.l10n.t (VS Code side) or @vscode/l10n's
// l10n.t (the plain-Node layers), with a plain string literal that l10n/bundle.l10n.json has (`npm run l10n`
// writes it; @vscode/l10n-dev finds only literals, so anything else would silently never be translated).
// The sources are read with the TypeScript compiler, not regular expressions, so a template literal or a
// concatenation handed to t() is caught, as is English text written inline where VS Code shows it.

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import * as l10n from '@vscode/l10n';
import * as ts from 'typescript';
import { PORT_IN, PORT_OUT } from '../../src/api/directions';
import { errorFromStatus } from '../../src/api/errors';
import { apiKeyProblem, checkBaseUrl } from '../../src/api/validate';
import { commentView, conversationLabel } from '../../src/presentation/commentView';
import { errorView } from '../../src/presentation/errorView';
import { eventView } from '../../src/presentation/eventView';
import { dateText, dateTimeText, displayLocale, setDisplayLocale, setDisplayTimeZone } from '../../src/presentation/locale';
import { escapeMarkdown } from '../../src/presentation/markdown';
import { notificationLine, summarize } from '../../src/presentation/needsAction';
import { orderIdName } from '../../src/presentation/orderName';
import { orderView } from '../../src/presentation/orderView';
import { relativeTime, span, spokenRelativeTime, spokenSpan } from '../../src/presentation/relativeTime';
import { renderReport } from '../../src/presentation/replayReport';
import { spokenAttention, spokenError, spokenEvent, spokenLoadMore, spokenOrder, spokenRecentEvents, spokenRoot, spokenWatched } from '../../src/presentation/spokenLabels';

/** The checkout: tests run from out/, so look up from both the bundle and the cwd. */
function repoRoot(): string {
  for (const start of [process.cwd(), __dirname]) {
    for (let d = start; ; d = dirname(d)) {
      if (existsSync(join(d, 'l10n', 'bundle.l10n.json')) && existsSync(join(d, 'src'))) return d;
      if (dirname(d) === d) break;
    }
  }
  throw new Error('l10n/bundle.l10n.json not found above the working directory or the test bundle');
}

const root = repoRoot();
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const sources = tsFiles(join(root, 'src')).map((p) => {
  const path = relative(root, p).split(sep).join('/');
  return { path, file: ts.createSourceFile(path, readFileSync(p, 'utf8'), ts.ScriptTarget.Latest, true) };
});

function where(file: ts.SourceFile, node: ts.Node): string {
  return `${file.fileName}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** `l10n.t` or `vscode.l10n.t`: the two spellings @vscode/l10n-dev extracts. */
function isT(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const owner = callee.expression;
  return (ts.isIdentifier(owner) && owner.text === 'l10n') || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n' && ts.isIdentifier(owner.expression) && owner.expression.text === 'vscode');
}

function literalText(node: ts.Expression | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

interface TCall {
  at: string;
  /** The bundle key: the message, or `message/comment` when a comment is given (as @vscode/l10n-dev writes it). */
  key: string | undefined;
  message: string | undefined;
  args: number | undefined;
  node: ts.CallExpression;
  file: ts.SourceFile;
}

const calls: TCall[] = [];
for (const { file } of sources) {
  walk(file, (n) => {
    if (!ts.isCallExpression(n) || !isT(n.expression)) return;
    const first = n.arguments[0];
    let message = literalText(first);
    let key = message;
    let args: number | undefined = n.arguments.length - 1;
    if (first && ts.isObjectLiteralExpression(first)) {
      const prop = (name: string): ts.Expression | undefined =>
        first.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)?.initializer;
      message = literalText(prop('message'));
      const comment = prop('comment');
      const comments = comment && ts.isArrayLiteralExpression(comment) ? comment.elements.map((e) => literalText(e)) : [literalText(comment)];
      key = message !== undefined && comments.every((c) => c !== undefined) ? (comment ? `${message}/${comments.join('')}` : message) : undefined;
      const a = prop('args');
      args = a && ts.isArrayLiteralExpression(a) ? a.elements.length : undefined;
    }
    calls.push({ at: where(file, n), key, message, args, node: n, file });
  });
}

describe('localisation', () => {
  // Times are shown in the user's zone: the machine's must not decide what a test expects.
  before(() => setDisplayTimeZone('UTC'));

  describe('package.json and package.nls.json', () => {
    const manifest = readJson('package.json') as Record<string, unknown> & { contributes: Record<string, unknown> };
    const nls = readJson('package.nls.json') as Record<string, string>;

    /** Every string in the manifest with where it is, e.g. `contributes.commands[3].title`. */
    function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
      if (typeof value === 'string') out.push([path, value]);
      else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
      else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
      return out;
    }
    const all = strings(manifest, '');
    const refs = all.filter(([, v]) => /^%[^%]+%$/.test(v)).map(([p, v]) => [p, v.slice(1, -1)] as const);

    it('every %key% in package.json has an English text in package.nls.json', () => {
      assert.ok(refs.length > 80, `${refs.length} references`);
      assert.deepEqual(refs.filter(([, key]) => !(key in nls)).map(([p, key]) => `${p}: %${key}%`), []);
    });

    it('every package.nls.json key is used, and none is empty', () => {
      const used = new Set(refs.map(([, key]) => key));
      assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
      assert.deepEqual(Object.entries(nls).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k), []);
    });

    it('every string package.json shows a person is a %key%, not inline English', () => {
      // What VS Code and the Marketplace show: titles, names, descriptions, welcome and walkthrough text.
      const shown = /(^|\.)(displayName|description|markdownDescription|title|category|name|contextualTitle|contents|altText|enumDescriptions\[\d+\]|label)$/;
      // `name` at the top is the package id, and a view's `name` is shown but a configuration's is not there.
      const inline = all.filter(([p, v]) => shown.test(p) && p !== 'name' && !/^%[^%]+%$/.test(v));
      assert.deepEqual(inline.map(([p, v]) => `${p}: ${v}`), []);
    });

    it('the bundle directory is declared, and shipped with package.nls.json', () => {
      assert.equal(manifest.l10n, './l10n');
      const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
      assert.ok(ignore.includes('!package.nls*.json'), '.vscodeignore lets package.nls*.json in');
      assert.ok(ignore.includes('!l10n/*.json'), '.vscodeignore lets l10n/*.json in');
    });
  });

  describe('l10n.t calls and l10n/bundle.l10n.json', () => {
    const bundle = readJson('l10n/bundle.l10n.json') as Record<string, unknown>;

    it('finds the calls it checks, on both sides', () => {
      assert.ok(calls.length > 300, `${calls.length} calls`);
      assert.ok(calls.some((c) => c.file.fileName.startsWith('src/api/')), 'plain-Node calls (@vscode/l10n)');
      assert.ok(calls.some((c) => c.node.expression.getText(c.file) === 'vscode.l10n.t'), 'VS Code calls');
    });

    it('every call gets a plain string literal (no template with ${…}, no concatenation, no variable)', () => {
      const bad = calls.filter((c) => c.message === undefined).map((c) => `${c.at}: ${c.node.arguments[0]?.getText(c.file).slice(0, 80)}`);
      assert.deepEqual(bad, [], 'pass arguments as {0}, {1}…: l10n.t(\'Loaded {0}\', n)');
    });

    it('every message has an entry in the bundle (run `npm run l10n` after changing one)', () => {
      assert.deepEqual(calls.filter((c) => c.key !== undefined && !(c.key in bundle)).map((c) => `${c.at}: ${c.key}`), []);
    });

    it('every bundle entry is still used', () => {
      const keys = new Set(calls.map((c) => c.key));
      assert.deepEqual(Object.keys(bundle).filter((k) => !keys.has(k)), []);
    });

    it('placeholders and arguments match: {0}…{n} each given, every argument used', () => {
      const bad: string[] = [];
      for (const c of calls) {
        if (c.message === undefined || c.args === undefined) continue;
        const used = new Set([...c.message.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])));
        for (let i = 0; i < c.args; i++) if (!used.has(i)) bad.push(`${c.at}: argument ${i} is not in "${c.message}"`);
        for (const i of used) if (i >= c.args) bad.push(`${c.at}: "${c.message}" has {${i}} but ${c.args} arguments`);
      }
      assert.deepEqual(bad, []);
    });

    it('@vscode/l10n is imported only as `* as l10n`, so every use is spelt l10n.t(…) where the extractor sees it', () => {
      const bad: string[] = [];
      for (const { file } of sources) {
        walk(file, (n) => {
          if (ts.isImportDeclaration(n) && literalText(n.moduleSpecifier as ts.Expression) === '@vscode/l10n') {
            const b = n.importClause?.namedBindings;
            if (!b || !ts.isNamespaceImport(b) || b.name.text !== 'l10n' || n.importClause?.name) bad.push(`${where(file, n)}: ${n.getText(file)}`);
          }
          // l10n.t handed on as a value (`const t = l10n.t`) is called where nobody extracts it.
          if (ts.isPropertyAccessExpression(n) && isT(n) && !(ts.isCallExpression(n.parent) && n.parent.expression === n)) bad.push(`${where(file, n)}: ${n.parent.getText(file)}`);
        });
      }
      assert.deepEqual(bad, []);
    });

    it('the plain-Node layers call l10n.t only when a message is made, never while their module loads', () => {
      // @vscode/l10n is given the bundle at activation (extension.ts), after every module has loaded: a message
      // made at load would stay English whatever the language. Tables of words hold functions or getters instead.
      const bad: string[] = [];
      for (const c of calls.filter((x) => !x.node.expression.getText(x.file).startsWith('vscode.'))) {
        let n: ts.Node = c.node;
        let deferred = false;
        for (; n.parent && !ts.isSourceFile(n.parent); n = n.parent) {
          if (ts.isFunctionLike(n.parent) || ts.isClassElement(n.parent) || ts.isGetAccessor(n.parent)) {
            deferred = true;
            break;
          }
        }
        if (!deferred) bad.push(c.at);
      }
      assert.deepEqual(bad, []);
    });
  });

  describe('no English written inline where VS Code shows it', () => {
    // Best effort, from the syntax alone: an argument or property VS Code shows may not be a string literal or a
    // template whose own text has letters. A variable declared in the same file is followed to its value; a
    // parameter, a property, or another function's result is trusted (those functions' own strings are what the
    // checks above and the rendered views below cover). Deliberate exceptions are listed with their reason.
    const ALLOWED = new Map<string, string>([
      ['Telnyx', 'the product, as the first account and the API choice are named'],
      ['GET', 'an HTTP method, as in the curl command it describes'],
      ['deadline', 'an abort reason, never shown: the message is worded from the kind of failure'],
      ['eef3340b-8903-4466-b445-89b697315a3a', 'a sample event id as the input box placeholder: typed, not read'],
    ]);

    function constInitializer(file: ts.SourceFile, name: ts.Identifier): ts.Expression | undefined {
      let found: ts.Expression | undefined;
      walk(file, (n) => {
        if (!found && ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name.text && n.initializer) found = n.initializer;
      });
      return found;
    }

    /** Where `node`, a value VS Code shows, carries English text of its own. */
    function inlineEnglish(file: ts.SourceFile, node: ts.Expression | undefined, seen = new Set<ts.Node>()): string[] {
      if (!node || seen.has(node)) return [];
      seen.add(node);
      const words = (text: string): boolean => /[A-Za-z]{2,}/.test(text.replace(/\$\([\w~-]+\)/g, ''));
      if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return inlineEnglish(file, node.expression, seen);
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return words(node.text) && !ALLOWED.has(node.text) ? [`${where(file, node)}: ${node.getText(file)}`] : [];
      if (ts.isTemplateExpression(node)) {
        const own = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
        return [...(words(own) ? [`${where(file, node)}: ${node.getText(file).slice(0, 100)}`] : []), ...node.templateSpans.flatMap((s) => inlineEnglish(file, s.expression, seen))];
      }
      if (ts.isConditionalExpression(node)) return [...inlineEnglish(file, node.whenTrue, seen), ...inlineEnglish(file, node.whenFalse, seen)];
      if (ts.isBinaryExpression(node) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
        return [...inlineEnglish(file, node.left, seen), ...inlineEnglish(file, node.right, seen)];
      }
      if (ts.isIdentifier(node)) return inlineEnglish(file, constInitializer(file, node), seen);
      if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
        const out: string[] = [];
        if (!ts.isBlock(node.body)) return inlineEnglish(file, node.body, seen);
        walk(node.body, (n) => {
          if (ts.isReturnStatement(n)) out.push(...inlineEnglish(file, n.expression, seen));
        });
        return out;
      }
      return [];
    }

    const prop = (obj: ts.Expression | undefined, names: readonly string[]): ts.Expression[] =>
      obj && ts.isObjectLiteralExpression(obj)
        ? obj.properties.flatMap((p) => (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && names.includes(p.name.text) ? [p.initializer] : []))
        : [];

    /** Object literals in an array literal (quick pick items), directly or through a `.map(… => ({…}))`. */
    function items(node: ts.Expression | undefined): ts.Expression[] {
      if (!node) return [];
      if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => (ts.isSpreadElement(e) ? items(e.expression) : [e]));
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'map') {
        const f = node.arguments[0];
        if (f && ts.isArrowFunction(f) && !ts.isBlock(f.body)) return [ts.isParenthesizedExpression(f.body) ? f.body.expression : f.body];
      }
      return [];
    }

    const SHOWN_PROPERTIES = ['description', 'tooltip', 'label', 'title', 'prompt', 'placeholder', 'placeHolder', 'validationMessage', 'detail', 'message', 'badge'];

    const problems: string[] = [];
    let sites = 0;
    for (const { file } of sources) {
      walk(file, (n) => {
        const check = (e: ts.Expression | undefined): void => {
          sites++;
          problems.push(...inlineEnglish(file, e));
        };
        if (ts.isCallExpression(n)) {
          const callee = n.expression.getText(file);
          const method = ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : '';
          if (/^vscode\.window\.show(Information|Warning|Error)Message$/.test(callee)) {
            for (const a of n.arguments) {
              if (ts.isObjectLiteralExpression(a)) prop(a, ['detail']).forEach(check);
              else check(a);
            }
          } else if (callee === 'vscode.window.showInputBox') {
            prop(n.arguments[0], ['title', 'prompt', 'placeHolder', 'validateInput']).forEach(check);
          } else if (callee === 'vscode.window.showQuickPick') {
            for (const item of items(n.arguments[0])) prop(item, ['label', 'description', 'detail']).forEach(check);
            prop(n.arguments[1], ['title', 'placeHolder']).forEach(check);
          } else if (callee === 'vscode.window.withProgress') {
            prop(n.arguments[0], ['title']).forEach(check);
          } else if (callee === 'vscode.window.setStatusBarMessage') {
            check(n.arguments[0]);
          } else if (method === 'report' || method === 'createCommentController') {
            if (method === 'report') prop(n.arguments[0], ['message']).forEach(check);
            else check(n.arguments[1]);
          }
        }
        if (ts.isNewExpression(n)) {
          const made = n.expression.getText(file);
          if (made === 'vscode.TreeItem' || made === 'Error' || made === 'vscode.MarkdownString') check(n.arguments?.[0]);
          if (made === 'TelnyxError') check(n.arguments?.[1]);
        }
        // item.description = …, box.validationMessage = …, c.thread.label = …
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) && SHOWN_PROPERTIES.includes(n.left.name.text)) {
          check(n.right);
        }
        // accessibilityInformation: { label }, a command's title, a comment's author name
        if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && ['title', 'label', 'name', 'prompt', 'placeHolder', 'note'].includes(n.name.text) && file.fileName !== 'src/api/directions.ts') {
          const owner = n.parent.parent;
          const inVsCodeCall = ts.isCallExpression(owner) || ts.isBinaryExpression(owner) || ts.isPropertyAssignment(owner) || ts.isObjectLiteralExpression(owner) || ts.isReturnStatement(owner);
          if (inVsCodeCall && (file.fileName.startsWith('src/') && !/^src\/(api|presentation|watch)\//.test(file.fileName))) check(n.initializer);
        }
        // readonly label = 'Draft' and the like, on classes VS Code reads (comments, tree items)
        if (ts.isPropertyDeclaration(n) && ts.isIdentifier(n.name) && ['label', 'author'].includes(n.name.text)) {
          check(n.initializer && ts.isObjectLiteralExpression(n.initializer) ? prop(n.initializer, ['name'])[0] : n.initializer);
        }
      });
    }

    it('looks at the places VS Code shows text', () => {
      assert.ok(sites > 200, `${sites} sites`);
    });

    it('messages, buttons, input boxes, pickers, progress, status bar, tree rows, comments and errors', () => {
      assert.deepEqual([...new Set(problems)], []);
    });
  });

  describe('dates and times in the display language', () => {
    const NOW = Date.parse('2026-11-25T12:00:00Z');
    afterEach(() => {
      setDisplayLocale('en');
      setDisplayTimeZone('UTC');
    });

    it('says times and durations in the language VS Code shows, with its plurals (Intl)', () => {
      setDisplayLocale('de');
      assert.equal(spokenRelativeTime('2026-11-25T09:00:00Z', NOW), 'vor 3 Stunden');
      assert.equal(spokenRelativeTime('2026-11-25T11:59:00Z', NOW), 'vor 1 Minute');
      assert.equal(spokenSpan(36 * 3_600_000), '36 Stunden');
      // The compact row form is the bundle's phrase (English here: no bundle), with the number in the language.
      assert.equal(relativeTime('2026-11-25T09:00:00Z', NOW), '3 h ago');
    });

    it('writes times for people in the display language and the user\'s zone, never raw ISO (issue 19)', () => {
      const foc = { event_type: 'portout.foc_date_changed', payload: { foc_date: '2026-12-01T23:30:00Z' } };
      // Old code: "FOC date changed → 2026-12-01" in English, and the tooltip's times as sent.
      setDisplayLocale('en');
      setDisplayTimeZone('America/Chicago');
      assert.equal(eventView(PORT_OUT, foc, NOW).label, 'FOC date changed → Tue, Dec 1, 2026, 5:30 PM CST');
      assert.match(orderView(PORT_IN, { id: 'x', created_at: '2026-11-20T09:00:00.123Z' }, NOW).tooltip, /\*\*Created:\*\* Fri, Nov 20, 2026, 3:00 AM CST/);
      assert.equal(dateText('2026-12-01'), 'Tue, Dec 1, 2026', 'a day alone is that day, in no zone');
      setDisplayLocale('de');
      setDisplayTimeZone('UTC');
      assert.equal(eventView(PORT_OUT, foc, NOW).label, 'FOC date changed → Di., 1. Dez. 2026, 23:30 UTC');
      assert.match(orderView(PORT_IN, { id: 'x', created_at: '2026-11-20T09:00:00Z' }, NOW).tooltip, /Fr\., 20\. Nov\. 2026, 09:00 UTC/);
      setDisplayLocale('en-GB');
      setDisplayTimeZone('Europe/London');
      assert.equal(eventView(PORT_OUT, foc, NOW).label, 'FOC date changed → Tue, 1 Dec 2026, 23:30 GMT');
      assert.equal(dateTimeText('not a time'), 'not a time', 'unreadable text as given');
    });

    it('takes VS Code\'s tags as they come, and anything unusable as English', () => {
      setDisplayLocale('zh-cn');
      assert.equal(displayLocale(), 'zh-CN');
      setDisplayLocale('not a language tag');
      assert.equal(displayLocale(), 'en');
      setDisplayLocale(undefined);
      assert.equal(displayLocale(), 'en');
    });
  });

  describe('the plain-Node layers in another language', () => {
    // Every phrase "translated" by wrapping its own words in «», placeholders left outside so what is put into them
    // is checked too: whatever is left outside the brackets, once the data the test gave is taken out, is English
    // that did not go through l10n.t. Data here is digits and punctuation, so any letters left are words.
    const NOW = Date.parse('2026-11-25T12:00:00Z');
    const pseudo = (message: string): string =>
      message
        .split(/(\{[^}]+\})/)
        .map((part) => (part === '' || /^\{[^}]+\}$/.test(part) ? part : `«${part}»`))
        .join('');
    const bundle = Object.fromEntries(Object.keys(readJson('l10n/bundle.l10n.json') as Record<string, unknown>).map((k) => [k, pseudo(k)]));
    const untranslated = (text: string, data: readonly string[] = []): string => {
      let rest = text;
      for (let before = ''; before !== rest; ) {
        before = rest;
        rest = rest.replace(/«[^«»]*»/g, ' ');
      }
      // As given, and as a tooltip escapes it for Markdown; longest first, so no datum is cut by a shorter one.
      for (const d of [...data, ...data.map(escapeMarkdown)].sort((a, b) => b.length - a.length)) rest = rest.split(d).join(' ');
      return rest.replace(/\$\([\w~-]+\)/g, ' ');
    };
    const english = (text: string, data: readonly string[] = []): void => {
      const left = untranslated(text, data);
      assert.doesNotMatch(left, /[A-Za-z]{2,}/, `English outside l10n.t in: ${text}`);
    };

    let locale = 'en';
    before(() => {
      locale = displayLocale();
      l10n.config({ contents: bundle });
      // Words worked out in English by earlier tests are remembered per language: start this one afresh, as
      // activation does (extension.ts sets the language after configuring l10n).
      setDisplayLocale(locale);
    });
    after(() => {
      l10n.config({ contents: {} });
      setDisplayLocale(locale);
    });

    const order = {
      id: '12345678-0000-4000-8000-000000000000',
      status: { value: 'exception', details: [{ code: '42', description: '4711' }] },
      customer_reference: '100-234',
      porting_phone_numbers_count: 3,
      phone_numbers: [{ phone_number: '+13125550100' }],
      activation_settings: { foc_datetime_actual: '2026-11-26T12:00:00Z' },
      created_at: '2026-11-20T09:00:00Z',
      updated_at: '2026-11-25T09:00:00Z',
    };
    // What Intl says in the display language (English in tests): words, but not the bundle's.
    const times = ['2026-11-20T09:00:00Z', '2026-11-25T09:00:00Z', '2026-11-25T11:00:00Z', '2026-11-26T12:00:00Z'];
    const intl = [...times.map(dateTimeText), dateText('2026-12-01'), spokenSpan(3 * 3_600_000), spokenSpan(20 * 3_600_000), spokenSpan(24 * 3_600_000), spokenRelativeTime('2026-11-25T09:00:00Z', NOW), spokenRelativeTime('2026-11-25T11:00:00Z', NOW)];
    const ids = ['12345678-0000-4000-8000-000000000000', '12345678', '2026-11-20T09:00:00Z', '2026-11-25T09:00:00Z', '2026-11-26T12:00:00Z', ...intl];

    it('order rows, tooltips and what a screen reader says', () => {
      const v = orderView(PORT_IN, order, NOW);
      english(v.label, ids);
      english(v.description, ids);
      english(v.spokenDescription, ids);
      english(v.tooltip, ids);
      english(spokenOrder(v, { watched: true, matched: ['1'] }), ids);
      english(orderView(PORT_OUT, { status: 'pending', created_at: '2026-11-24T16:00:00Z' }, NOW).description);
      english(orderView(PORT_IN, { id: null, status: null }, NOW).label);
    });

    it('event rows and tooltips', () => {
      const foc = { id: ids[0], event_type: 'portout.foc_date_changed', payload_status: 'completed', created_at: '2026-11-25T09:00:00Z', payload: { foc_date: '2026-12-01' } };
      const comment = { id: ids[0], event_type: 'portout.new_comment', payload_status: 'created', created_at: '2026-11-25T11:00:00Z', payload: null };
      const data = [...ids, 'portout.foc_date_changed', 'portout.new_comment', 'completed', 'created', '2026-12-01'];
      for (const e of [foc, comment]) {
        const v = eventView(PORT_OUT, e, NOW);
        english(v.label, data);
        english(v.description, data);
        english(v.tooltip, data);
        english(spokenEvent(v, { isNew: true, order: orderIdName(PORT_OUT, ids[0]) }), data);
      }
    });

    it('group rows, Load more, errors and times', () => {
      for (const text of [
        spokenRoot(PORT_IN, 24, '1'),
        spokenRecentEvents(PORT_OUT),
        spokenAttention(3),
        spokenWatched(1),
        spokenLoadMore(4, 24, true),
        relativeTime('2026-11-25T09:00:00Z', NOW),
        relativeTime('2026-11-27T12:00:00Z', NOW),
        relativeTime(null, NOW),
        span(36 * 3_600_000),
        ...(['auth', 'config', 'server'] as const).flatMap((kind) => {
          const v = errorView(kind, '1');
          return [v.label, v.tooltip, spokenError(v)];
        }),
      ]) {
        english(text);
      }
      // Intl says these in the display language (English here): proof they do not come from the bundle.
      assert.equal(spokenRelativeTime('2026-11-25T09:00:00Z', NOW), '3 hours ago');
      assert.equal(spokenSpan(36 * 3_600_000), '36 hours');
    });

    it('comments, notifications and reports', () => {
      const c = { id: '1', body: '1', created_at: '2026-11-25T09:00:00Z', user_type: 'admin' };
      english(commentView(PORT_IN, c).author);
      english(conversationLabel(PORT_IN, [c, c]));
      const event = { id: ids[0], event_type: 'porting_order.new_comment', porting_order_id: ids[0], payload: { comment: { body: '1', user_type: 'admin' } } };
      english(notificationLine(PORT_IN, event), ids);
      english(summarize([{ direction: PORT_IN, event }, { direction: PORT_OUT, event }]));
      const report = renderReport({ items: [{ id: '1', direction: 'portin', outcome: 'unknown', detail: '1', orderId: '2' }], counts: { unknown: 1, failed: 0, 'not-started': 0, sent: 0, 'skipped-unknown': 0, 'skipped-sent': 0 }, concurrency: 2, ms: 1000, cancelled: true });
      english(report);
    });

    it('errors the wire makes', () => {
      english(errorFromStatus(401, '{"errors":[{"title":"1"}]}', '1').message);
      english(errorFromStatus(503, '', '1').message);
      english(apiKeyProblem(' ') ?? '');
      assert.throws(() => checkBaseUrl('http://192.0.2.1'), (e: Error) => {
        english(e.message, ['192.0.2.1', 'http', 'https', '127.0.0.1/localhost']);
        return true;
      });
    });
  });
});
