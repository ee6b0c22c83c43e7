/**
 * A small HTTP client for tests that keeps cookies like a browser and sends
 * forms the way a same-origin page does (Sec-Fetch-Site: same-origin).
 */
export class Client {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private store(res: Response) {
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  setCookieHeader(header: string) {
    this.cookies.clear();
    for (const part of header.split(";").filter(Boolean)) {
      const [k, ...v] = part.trim().split("=");
      this.cookies.set(k, v.join("="));
    }
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(this.baseUrl + path, {
      redirect: "manual",
      headers: { Cookie: this.cookieHeader(), ...headers },
    });
    this.store(res);
    return res;
  }

  async post(path: string, form: Record<string, string | string[]> | URLSearchParams, headers: Record<string, string> = {}) {
    const body = form instanceof URLSearchParams ? form : new URLSearchParams();
    if (!(form instanceof URLSearchParams)) {
      for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    }
    const res = await fetch(this.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      body,
      headers: {
        Cookie: this.cookieHeader(),
        "Content-Type": "application/x-www-form-urlencoded",
        "Sec-Fetch-Site": "same-origin",
        Origin: this.baseUrl,
        ...headers,
      },
    });
    this.store(res);
    return res;
  }

  async signIn(email: string, password: string) {
    const res = await this.post("/login", { email, password });
    if (res.status !== 302) throw new Error(`sign-in as ${email} failed with ${res.status}`);
    return res;
  }
}

/** A client already signed in as `email` with the tests' shared password. */
export async function signedInClient(baseUrl: string, email: string, password = "correct horse battery staple") {
  const client = new Client(baseUrl);
  await client.signIn(email, password);
  return client;
}

/** A page's HTML without the markers React puts between adjacent text parts. */
export async function pageText(res: Response) {
  return (await res.text()).replace(/<!-- -->/g, "");
}
