import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.vscode-test-web/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The API layer runs in plain Node and is tested there: it must not depend on VS Code.
    files: ['src/api/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode'] }] },
  },
  {
    // Notifications turn `[text](command:…)` into a link; src/ui/messages.ts is the one way to show them,
    // so text quoted from Telnyx is made inert before VS Code reads it.
    files: ['src/**/*.ts'],
    ignores: ['src/ui/messages.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^show(Information|Warning|Error)Message$/]',
          message: 'Use showInfo/showWarning/showError from src/ui/messages.ts: they make API text inert.',
        },
      ],
    },
  },
  {
    // Node scripts (build, test runners); the screenshot script also runs callbacks in the page.
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Tests, the sandbox and the bench print to the terminal on purpose.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'test/**/*.mjs', 'bench/**/*.mjs'],
    rules: { 'no-console': 'off' },
    languageOptions: { globals: { ...globals.node } },
  },
);
