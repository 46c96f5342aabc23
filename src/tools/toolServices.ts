// What the webhook tools work with: the extension's services, plus the stores only they use, made when the tools
// bundle is first loaded (so neither they nor what they import weigh on activation).

import type { Services } from '../services';
import type { ReplayLedgers } from '../webhooks/replayLedgers';
import type { SigningKeyStore } from '../webhooks/signingKeyStore';

export interface ToolServices extends Services {
  /** The development key that signs what is sent to a local handler. */
  signingKeys: SigningKeyStore;
  /** Per account, what each event's republish came to, across runs. */
  ledgers: ReplayLedgers;
}
