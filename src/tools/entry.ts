// The webhook developer tools, built into their own bundle (dist/tools.js) and loaded the first time one of their
// commands runs. Every module they share with the extension (errors, directions, the tree's nodes, l10n…) is the
// extension's own instance, handed over at run time (esbuild.bundles.mjs), so classes and state are one.

import type { Services } from '../services';
import { compareEvents, compareWithPrevious } from '../commands/compareEvents';
import { copyAsCurl } from '../commands/copyAsCurl';
import { copyPublicKey } from '../commands/copyPublicKey';
import { copyNumbers } from '../commands/copyNumbers';
import { exportEvents } from '../commands/exportEvents';
import { openInMissionControl } from '../commands/openInMissionControl';
import { renameAccount } from '../commands/renameAccount';
import { removeAccount } from '../commands/removeAccount';
import { republishRange } from '../commands/republishRange';
import { republishSelected } from '../commands/republishSelected';
import { sendToHandler } from '../commands/sendToHandler';
import { ReplayLedgers } from '../webhooks/replayLedgers';
import { SigningKeyStore } from '../webhooks/signingKeyStore';
import type { ToolServices } from './toolServices';

export type Handler = (...args: never[]) => unknown;

/** Each tool command's handler, by command id. */
export function handlers(services: Services): Record<string, Handler> {
  // Over the extension's services, not a copy of them: what is swapped there later (a test's openExternal) holds here too.
  const s: ToolServices = Object.assign(Object.create(services) as Services, { signingKeys: new SigningKeyStore(services.secrets), ledgers: new ReplayLedgers(services.globalState) });
  return {
    'telnyxPorting.sendToHandler': sendToHandler(s),
    'telnyxPorting.copyPublicKey': copyPublicKey(s),
    'telnyxPorting.republishSelected': republishSelected(s),
    'telnyxPorting.republishRange': republishRange(s),
    'telnyxPorting.compareEvents': compareEvents(),
    'telnyxPorting.compareWithPrevious': compareWithPrevious(s),
    'telnyxPorting.copyAsCurl': copyAsCurl(s),
    'telnyxPorting.exportEvents': exportEvents(s),
    'telnyxPorting.copyNumbers': copyNumbers(s),
    'telnyxPorting.openInMissionControl': openInMissionControl(s),
    'telnyxPorting.renameAccount': renameAccount(s),
    'telnyxPorting.removeAccount': removeAccount(s),
  };
}
