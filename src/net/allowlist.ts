/**
 * Matches a URL against a list of trusted hosts (FLUX_INPAINT_RESULT_HOSTS when the operator sets one). Entries
 * look like `https://delivery-eu1.bfl.ai`, `https://*.bfl.ai` (any subdomain) or `http://127.0.0.1:8788`.
 */
export function isAllowedHost(url: string, allowlist: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  return allowlist.some((entry) => matches(u, entry));
}

function matches(u: URL, entry: string): boolean {
  const m = /^(https?):\/\/(\*\.)?([^:/]+)(?::(\d+))?$/i.exec(entry);
  if (!m) return false;
  const [, scheme, wildcard, host, port] = m;
  if (u.protocol !== `${scheme!.toLowerCase()}:`) return false;
  const hostname = u.hostname.toLowerCase();
  const want = host!.toLowerCase();
  const hostOk = wildcard ? hostname.endsWith(`.${want}`) : hostname === want;
  if (!hostOk) return false;
  if (port) return (u.port || defaultPort(u.protocol)) === port;
  // Without a port in the entry, only the scheme's default port is allowed.
  return u.port === '' || u.port === defaultPort(u.protocol);
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}
