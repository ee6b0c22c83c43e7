import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FIELD_BYTES, MAX_FORM_FIELDS, MAX_QUERY_PARAMS } from "../../app/lib/request-limits";
import { Client } from "../support/client";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { addUser, TEST_PASSWORD } from "../support/users";

// What an attack test of the portal found: requests that froze it, gave 500s
// or internals, or sent a signed-in user to another site.

let server: RunningServer;
const SITE = "https://practice-bank.example.org";

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  await addUser(db, "lead@sussex.test", "force_lead", "sussex-police");
  await db.destroy();
  server = await startServer({ databasePath: file, env: { APP_URL: SITE } });
});

afterAll(async () => server?.stop());

function post(path: string, body: string | Uint8Array, headers: Record<string, string> = {}) {
  return fetch(server.url + path, {
    method: "POST",
    body: body as BodyInit,
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin", Origin: server.url, ...headers },
  });
}

/**
 * A raw request, for headers fetch will not send as given (Host) and answers
 * it would decompress (Content-Encoding).
 */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, headers }, (res) => {
        let body = "";
        res.setEncoding("latin1");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      })
      .on("error", reject);
  });
}

const rawGetHeaders = async (path: string, headers: Record<string, string>) => (await rawGet(path, headers)).headers;

async function loginAttempts() {
  return server.withDb(async (db) => Number((await db.selectFrom("login_attempts").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n));
}

function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\bat [\w$.<>]+ \(?[^)]*:\d+:\d+\)?/);
  expect(text).not.toMatch(/node_modules|\/build\/index\.js|\/work\/|\/tmp\//);
  expect(text).not.toMatch(/Sqlite|SQLITE_|TypeError|SyntaxError|URIError/);
}

describe("a request body no form could send is refused before any other work", () => {
  it("refuses a sign-in with tens of thousands of fields with 413, recording no sign-in attempt", async () => {
    const before = await loginAttempts();
    const body = Array.from({ length: 40_000 }, (_, i) => `f${i}=`).join("&") + `&email=lead@sussex.test&password=wrong`;
    const res = await post("/login", body);
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain("What you sent is too large");
    expect(html).toContain("govuk-heading-l");
    expect(await loginAttempts()).toBe(before);
  });

  it("accepts a form with as many fields as the cap, and refuses one more", async () => {
    const fields = (n: number) => Array.from({ length: n - 2 }, (_, i) => `x${i}=1`).concat("email=nobody@sussex.test", "password=wrong").join("&");
    expect((await post("/login", fields(MAX_FORM_FIELDS))).status).toBe(401);
    expect((await post("/login", fields(MAX_FORM_FIELDS + 1))).status).toBe(413);
  });

  it("refuses 2 MB of tiny fields, a single oversized field and a body over the size limit", async () => {
    expect((await post("/login", "a&".repeat(1024 * 1024 - 1))).status).toBe(413);
    expect((await post("/login", `email=${"a".repeat(MAX_FIELD_BYTES + 10)}`)).status).toBe(413);
    expect((await post("/login", new Uint8Array(3 * 1024 * 1024))).status).toBe(413);
  });

  it("answers a script's request (autosave, .data) in JSON", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const body = Array.from({ length: 5000 }, () => "tagIds=1").join("&");
    const res = await post("/submissions/1/autosave", body, { Cookie: lead.cookieHeader() });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: "error", message: expect.stringContaining("too large") });
    const data = await post("/login.data", Array.from({ length: 2000 }, (_, i) => `k${i}=`).join("&"));
    expect(data.status).toBe(413);
  });

  it("refuses body types no form sends with 415", async () => {
    expect((await post("/login", "--x\r\n", { "Content-Type": "multipart/form-data; boundary=x" })).status).toBe(415);
    expect((await post("/login", JSON.stringify({ email: "a" }), { "Content-Type": "application/json" })).status).toBe(415);
  });

  it("refuses an address with more query parameters than any page reads with 400, not a 500", async () => {
    const query = Array.from({ length: MAX_QUERY_PARAMS + 1 }, (_, i) => `t=${i}`).join("&");
    const res = await fetch(`${server.url}/search?${query}`);
    expect(res.status).toBe(400);
    expectNoInternals(await res.text());
  });

  it("caps the lists a form carries: thousands of tag ids are a clear 400 from the entry form, not a 500", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const created = await lead.post("/submissions/new", {});
    const editPath = created.headers.get("location") ?? "";
    expect(editPath).toMatch(/^\/submissions\/\d+\/edit$/);
    const id = editPath.split("/")[2];
    const body = new URLSearchParams({ richTextFormat: "json", title: "Many tags", version: "1", intent: "save" });
    for (let i = 0; i < 900; i++) body.append("tagIds", String(i + 1));
    const res = await post(`/submissions/${id}/autosave`, body.toString(), { Cookie: lead.cookieHeader() });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("Choose fewer");
  });
});

describe("redirects after sign-in stay on the site", () => {
  it("sends a signed-in user to their home page, not to another site", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    for (const target of ["%2F%09%2Fevil.example%2Ffake-login", "%2F%2Fevil.example", "%2F%5Cevil.example", "https%3A%2F%2Fevil.example", "%2F.%2F%2Fevil.example"]) {
      const res = await lead.get(`/login?redirectTo=${target}`);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/submissions");
    }
  });

  it("ignores a redirect holding control or space characters, in the page and in the sign-in", async () => {
    for (const target of ["%0A", "%00", "%E3%80%80", "%2F%0D%0ASet-Cookie:x=1"]) {
      const page = await fetch(`${server.url}/login?redirectTo=${target}`);
      expect(page.status).toBe(200);
      const client = new Client(server.url);
      const res = await client.post("/login", { email: "lead@sussex.test", password: TEST_PASSWORD, redirectTo: decodeURIComponent(target) });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/submissions");
    }
  });
});

describe("cross-site and malformed requests get a 4xx, never a 500", () => {
  it("refuses a same-origin claim whose Origin or forwarded host names another site, and an origin with the wrong scheme", async () => {
    const form = "email=lead@sussex.test&password=x";
    expect((await post("/login", form, { Origin: "http://evil.example" })).status).toBe(403);
    expect((await post("/login", form, { "X-Forwarded-Host": "evil.example" })).status).toBe(403);
    expect((await post("/login", form, { Origin: server.url.replace("http:", "https:") })).status).toBe(403);
    expect((await post("/login", form, { Origin: "null" })).status).toBe(403);
    expect((await post("/login", form, { Origin: "not a url" })).status).toBe(403);
  });

  it("answers a badly encoded address with the service's own 400 page", async () => {
    for (const path of ["/practice/%E0%A4%A", "/practice/%FF", "/week-of-action/%E0%A4%A.ics", "/%FF.data"]) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(400);
      const text = await res.text();
      expectNoInternals(text);
      if (!path.endsWith(".data")) {
        expect(text).toContain("There is a problem with your request");
        expect(text).toContain("The web address could not be read");
        expect(text).toMatch(/quote reference <strong[^>]*>[0-9a-f]{12}</);
      }
    }
  });

  it("shows a reference on a server error that the log holds with the error, and nothing of the error itself", async () => {
    // A corrupt row, as a faulty disk or a bad manual edit would leave it.
    const session = await server.withDb(async (db) => {
      const row = await db.selectFrom("event_sessions").select(["id", "slug", "data_warnings"]).orderBy("id").executeTakeFirstOrThrow();
      await db.updateTable("event_sessions").set({ data_warnings: "{not json" }).where("id", "=", row.id).execute();
      return row;
    });
    const slug = session.slug;
    for (const path of [`/week-of-action/${slug}`, `/week-of-action/${slug}.data`]) {
      const res = await fetch(server.url + path);
      expect(res.status).toBe(500);
      const text = await res.text();
      expectNoInternals(text);
      const id = res.headers.get("x-request-id")!;
      expect(id).toMatch(/^[0-9a-f]{12}$/);
      if (!path.endsWith(".data")) expect(text).toContain(`data-request-id="${id}"`);
      await expect.poll(() => server.output().split("\n").some((line) => line.includes(id) && line.includes("SyntaxError"))).toBe(true);
    }
    await server.withDb((db) => db.updateTable("event_sessions").set({ data_warnings: session.data_warnings }).where("id", "=", session.id).execute());
  });
});

describe("the site's own address", () => {
  it("builds the feed's and exports' links from APP_URL, whatever Host a request names", async () => {
    for (const path of ["/practice/feed.xml", "/practice/export.json", "/week-of-action.ics", "/api/search?q=shop"]) {
      const res = await rawGet(path, { Host: "evil.example" });
      expect(res.status, path).toBe(200);
      expect(res.body).not.toContain("evil.example");
    }
    const feed = await rawGet("/practice/feed.xml", { Host: "evil.example" });
    expect(feed.body).toContain(`href="${SITE}/practice/feed.xml"`);
  });
});

describe("responses are compressed, and fingerprinted assets cached for good", () => {
  it("sends brotli or gzip as the browser accepts, and nothing compressed to a client that does not ask", async () => {
    const br = await rawGetHeaders("/", { "Accept-Encoding": "br, gzip" });
    expect(br["content-encoding"]).toBe("br");
    const gzip = await rawGetHeaders("/", { "Accept-Encoding": "gzip" });
    expect(gzip["content-encoding"]).toBe("gzip");
    const plain = await rawGetHeaders("/", {});
    expect(plain["content-encoding"]).toBeUndefined();

    const html = await (await fetch(server.url + "/")).text();
    const stylesheet = html.match(/href="(\/build\/[^"]+\.css)"/)![1];
    const asset = await rawGetHeaders(stylesheet, { "Accept-Encoding": "br" });
    expect(asset["content-encoding"]).toBe("br");
    expect(asset["cache-control"]).toContain("immutable");
    expect(asset["cache-control"]).toContain("max-age=31536000");
  });
});

describe("the request log", () => {
  it("writes one JSON line per request with its id, status, time and user, and never a password, token, cookie or query", async () => {
    const client = new Client(server.url);
    await client.signIn("lead@sussex.test", TEST_PASSWORD);
    const cookieValue = client.cookieHeader().split("=").slice(1).join("=");
    const res = await client.get("/submissions?token=secret-token-123&q=private");
    const id = res.headers.get("x-request-id")!;
    await expect.poll(() => server.output().includes(id)).toBe(true);

    const lines = server
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const line = lines.find((l) => (l.req as { id?: string } | undefined)?.id === id)!;
    expect(line).toMatchObject({ req: { method: "GET", path: "/submissions" }, res: { status: 200 } });
    expect(typeof line.responseTime).toBe("number");
    expect(typeof line.userId).toBe("number");

    const all = server.output();
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain(encodeURIComponent(TEST_PASSWORD));
    expect(all).not.toContain("secret-token-123");
    expect(all).not.toContain(cookieValue);
  });
});
