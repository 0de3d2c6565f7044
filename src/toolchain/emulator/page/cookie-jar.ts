// An in-memory `document.cookie` for test pages: writing a Set-Cookie-style string stores or
// deletes one cookie (keyed by name, domain and path); reading returns every live cookie as
// "a=1; b=2". Reads are not scoped by path or domain: a test page is one document.

interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires?: number;
}

/** Browsers ignore an unparseable expiry; so does the jar. */
const validTime = (time: number): number | undefined => (Number.isNaN(time) ? undefined : time);

export class CookieJar {
  private readonly cookies: StoredCookie[] = [];

  constructor(private readonly now: () => number, private readonly hostname: string) {}

  read(): string {
    const time = this.now();
    return this.cookies
      .filter((c) => c.expires === undefined || c.expires > time)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  write(cookieString: string): void {
    const [pair, ...attributes] = cookieString.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0) return;
    const cookie: StoredCookie = {
      name: pair.slice(0, eq).trim(),
      value: pair.slice(eq + 1).trim(),
      domain: this.hostname,
      path: '/',
    };
    for (const attribute of attributes) this.applyAttribute(cookie, attribute);
    const at = this.cookies.findIndex((c) => c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path);
    if (at >= 0) this.cookies.splice(at, 1);
    if (cookie.expires === undefined || cookie.expires > this.now()) this.cookies.push(cookie);
  }

  private applyAttribute(cookie: StoredCookie, attribute: string): void {
    const eq = attribute.indexOf('=');
    const key = (eq < 0 ? attribute : attribute.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : attribute.slice(eq + 1).trim();
    if (key === 'domain') cookie.domain = value.replace(/^\./, '');
    else if (key === 'path') cookie.path = value;
    else if (key === 'max-age') cookie.expires = validTime(this.now() + Number(value) * 1000) ?? cookie.expires;
    else if (key === 'expires' && cookie.expires === undefined) cookie.expires = validTime(Date.parse(value));
  }
}
