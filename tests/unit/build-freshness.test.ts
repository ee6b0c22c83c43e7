import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILD_SOURCES, staleBuildReason } from "../support/build-freshness";

function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-build-"));
  const write = (file: string, secondsAgo: number) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, "x");
    const at = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(full, at, at);
  };
  return { root, write };
}

describe("the build freshness check of the test setup", () => {
  it("asks for a build when build/index.js is missing", () => {
    const { root, write } = project();
    write("app/root.tsx", 100);
    expect(staleBuildReason(root)).toBe("build/index.js is missing");
  });

  it("finds the build fresh when it is newer than every source", () => {
    const { root, write } = project();
    for (const file of ["app/routes/deep/page.tsx", "server/index.ts", "db/data/tags.json", "remix.config.js", "package.json"]) write(file, 100);
    write("build/index.js", 10);
    // Files that are not sources do not count.
    write("tests/unit/x.test.ts", 1);
    write("README.md", 1);
    expect(staleBuildReason(root)).toBeNull();
  });

  it("names the source that is newer than the build, in any of the source folders or files", () => {
    for (const source of ["app/lib/deep/nested/word-diff.ts", "server/index.ts", "db/migrations/003.ts", "remix.config.js", "package.json"]) {
      const { root, write } = project();
      write("app/root.tsx", 100);
      write("build/index.js", 50);
      write(source, 1);
      expect(staleBuildReason(root), source).toBe(`${source} is newer than build/index.js`);
    }
    expect(BUILD_SOURCES).toEqual(expect.arrayContaining(["app", "server", "db", "remix.config.js", "package.json"]));
  });
});
