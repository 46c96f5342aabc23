// Phone numbers as people read them: "+1 312 555 0100", "+44 207 946 0000". Only for reading: whatever is copied
// (Copy Id, cURL, payloads) keeps the API's E.164.
//
// Not libphonenumber-js: its smallest metadata ("min") adds 121 KB minified to dist/extension.js, which is at
// 148 KB of its 150 KB activation budget (test/unit/bundles.test.ts). So the grouping here is the country calling
// code (ITU E.164 assignments) and the North American plan's 3-3-4; other national numbers are grouped in threes,
// which reads more easily than 11 digits in a row without claiming their country's own grouping.

/** Two-digit calling codes; 1 and 7 are one digit, and every other code is three (ITU-T E.164 list). */
const TWO_DIGIT = new Set('20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '));

function callingCodeLength(digits: string): number {
  if (digits[0] === '1' || digits[0] === '7') return 1;
  return TWO_DIGIT.has(digits.slice(0, 2)) ? 2 : 3;
}

/** Threes from the front until at most five digits are left, which stay together (a subscriber number's end). */
function groups(national: string): string[] {
  const out: string[] = [];
  let rest = national;
  while (rest.length > 5) {
    out.push(rest.slice(0, 3));
    rest = rest.slice(3);
  }
  return rest ? [...out, rest] : out;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const read = new Map<string, string>();

/** An E.164 number grouped for reading; anything else (a partial number, text) as given. */
export function readableNumber(number: string): string {
  let text = read.get(number);
  if (text !== undefined) return text;
  if (!E164.test(number)) return number;
  const digits = number.slice(1);
  const cc = digits.slice(0, callingCodeLength(digits));
  const national = digits.slice(cc.length);
  const parts = cc === '1' && national.length === 10 ? [national.slice(0, 3), national.slice(3, 6), national.slice(6)] : groups(national);
  text = `+${cc} ${parts.join(' ')}`;
  // Rows are rendered by the thousand and name a few hundred numbers.
  if (read.size > 10_000) read.clear();
  read.set(number, text);
  return text;
}
