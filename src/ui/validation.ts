// An input box's validateInput from a check that throws: its message under the box, nothing when it passes.

import { TelnyxError } from '../api/errors';

export function problemOf(check: (value: string) => unknown): (value: string) => string | undefined {
  return (value) => {
    try {
      check(value);
      return undefined;
    } catch (e) {
      return TelnyxError.from(e).message;
    }
  };
}
