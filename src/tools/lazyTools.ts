// Registers the commands used now and then (the webhook tools, Export Events, Copy Numbers, Open in Mission Control,
// Rename and Remove Account)
// at activation, since VS Code must know them for menus and the palette, and loads their bundle, dist/tools.js, only
// when one of them first runs: most sessions never use them, and dist/extension.js stays under its size budget.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';
// Puts the extension's modules that the tools share where dist/tools.js finds them (see esbuild.bundles.mjs).
import 'telnyx-porting:shared-modules';
import type { Handler } from './entry';

export const TOOL_COMMANDS = [
  'telnyxPorting.sendToHandler',
  'telnyxPorting.copyPublicKey',
  'telnyxPorting.republishSelected',
  'telnyxPorting.republishRange',
  'telnyxPorting.compareEvents',
  'telnyxPorting.compareWithPrevious',
  'telnyxPorting.copyAsCurl',
  'telnyxPorting.exportEvents',
  'telnyxPorting.copyNumbers',
  'telnyxPorting.openInMissionControl',
  'telnyxPorting.renameAccount',
  'telnyxPorting.removeAccount',
] as const;

export function registerLazyTools(s: Services, extensionPath: string): vscode.Disposable[] {
  let loaded: Record<string, Handler> | undefined;
  const load = (): Record<string, Handler> => {
    // module.require with a computed path, so esbuild leaves it a run-time require instead of inlining the tools.
    loaded ??= (module.require(path.join(extensionPath, 'dist', 'tools.js')) as { handlers(s: Services): Record<string, Handler> }).handlers(s);
    return loaded;
  };
  return TOOL_COMMANDS.map((id) => vscode.commands.registerCommand(id, (...args: never[]) => load()[id]!(...args)));
}
