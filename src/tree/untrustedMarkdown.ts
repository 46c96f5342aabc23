// Markdown for text that comes from the API: no command links, HTML or theme icons, whatever it contains.

import * as vscode from 'vscode';

export function untrustedMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
