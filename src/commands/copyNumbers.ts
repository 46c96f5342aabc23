// Copy Numbers (order menu): every number of the order in E.164, one per line, as the carrier forms and the
// API take them. Rows read by a scan may carry none or some of them: the order is then read whole first.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { OrderNode } from '../tree/orderNode';
import { reportError } from '../ui/notify';

/** The handler of telnyxPorting.copyNumbers (registered lazily: src/tools/lazyTools.ts). */
export function copyNumbers(s: Services) {
  const copy = async (node?: unknown): Promise<string[] | undefined> => {
    if (!(node instanceof OrderNode) || !node.order.id) return undefined;
    const dir = node.direction;
    let numbers = dir.numbersOf(node.order);
    const count = dir.numberCountOf(node.order);
    try {
      if (numbers.length === 0 || (count !== undefined && count > numbers.length)) {
        numbers = dir.numbersOf(await (await s.session.get()).getOrder(dir, node.order.id));
      }
    } catch (e) {
      await reportError(e, s.log, () => copy(node));
      return undefined;
    }
    if (numbers.length === 0) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('This order lists no numbers'), 3000);
      return [];
    }
    await vscode.env.clipboard.writeText(numbers.join('\n'));
    vscode.window.setStatusBarMessage(numbers.length === 1 ? vscode.l10n.t('Copied {0}', numbers[0]!) : vscode.l10n.t('Copied {0} numbers', numbers.length), 3000);
    return numbers;
  };
  return copy;
}
