import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageText } from "../support/client";
import { startServer, type RunningServer } from "../support/server";

// What the W3C Nu HTML checker reported on every page: Remix's data scripts
// after </html>, and a second <title> on error pages.

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

describe("every page's document", () => {
  it("ends with </body></html>, with Remix's data scripts inside the body", async () => {
    for (const path of ["/", "/search?q=asb", "/no-such-page"]) {
      const html = await pageText(await fetch(server.url + path));
      expect(html.endsWith("</body></html>"), path).toBe(true);
      expect(html.indexOf("streamController.close()"), path).toBeLessThan(html.indexOf("</body>"));
    }
  });

  it("has one <title>, an error page's own", async () => {
    const res = await fetch(`${server.url}/no-such-page`);
    expect(res.status).toBe(404);
    const titles = Array.from((await pageText(res)).matchAll(/<title>([^<]*)<\/title>/g), (m) => m[1]);
    expect(titles).toEqual(["Page not found - Neighbourhood policing practice bank"]);
    const home = Array.from((await pageText(await fetch(`${server.url}/`))).matchAll(/<title>/g));
    expect(home).toHaveLength(1);
  });
});
