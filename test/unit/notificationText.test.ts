// Text of the API's as notifications get it: links broken, hidden characters shown as spaces.

import * as assert from 'node:assert/strict';
import { inertText, plainText } from '../../src/presentation/plainText';

// VS Code's own link grammar for notifications (src/vs/base/common/linkedText.ts), and any `](` at all.
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const LINK = /\]\(/;

const hostile = [
  '[Run](command:workbench.action.terminal.new)',
  'see [docs](https://evil.example) now',
  '[a]\t(command:x)',
  '[a]\n(command:x)',
  '[[nested]](command:x)',
  'bidi \u202e[x](file:///etc/passwd)\u202c',
  '[x]\u2028(command:y)',
];

describe('notification text', () => {
  for (const text of hostile) {
    it(`makes ${JSON.stringify(text)} inert, in one line and in several`, () => {
      // Whitespace between `]` and `(` is what a renderer may collapse: neither form may keep a link.
      for (const out of [inertText(text), plainText(text)]) {
        assert.doesNotMatch(out, LINK, out);
        assert.doesNotMatch(out, VSCODE_LINK, out);
        assert.ok(!/[\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(out), `hidden characters kept: ${JSON.stringify(out)}`);
      }
    });
  }

  it('keeps line breaks in inertText and makes one line in plainText', () => {
    assert.equal(inertText('first\nsecond'), 'first\nsecond');
    assert.equal(plainText('first\n\n second'), 'first second');
  });

  it('leaves ordinary text as it was', () => {
    const text = 'LOA must be signed with a wet signature (see section 3) [required]';
    assert.equal(inertText(text), text);
    assert.equal(plainText(text), text);
  });

  it('cuts a long line with an ellipsis at the limit', () => {
    const out = plainText('x'.repeat(500), 100);
    assert.equal([...out].length, 100);
    assert.ok(out.endsWith('…'));
  });
});
