// Which base URL a demo account may have. A demo's key is public and nothing is asked before it is used, so a demo
// must be a sandbox on this machine: a URL elsewhere, named by the environment, would be an account nobody chose.
// Plain Node, no vscode, so it is unit-tested.

const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The demo sandbox's API base URL without a trailing slash, or, when it is not one the extension will take as
 * a demo, why not (in English: it goes to the log). Only http(s) to 127.0.0.1, localhost or [::1], no user name
 * or password.
 */
export function checkDemoUrl(raw: string): { url: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: 'it is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `${url.protocol} is neither http: nor https:` };
  if (!LOOPBACK_HOSTNAMES.has(url.hostname)) return { problem: `${url.hostname} is not 127.0.0.1, localhost or [::1]: a demo runs on this machine` };
  if (url.username !== '' || url.password !== '') return { problem: 'it carries a user name or password' };
  url.search = '';
  url.hash = '';
  return { url: url.toString().replace(/\/+$/, '') };
}
