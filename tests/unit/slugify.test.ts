import { describe, expect, it } from "vitest";
import { slugify } from "../../app/models/entry-workflow.server";

describe("slugify", () => {
  it("turns a title into lower-case words joined by hyphens, accents dropped", () => {
    expect(slugify("Café patrols: Brighton & Hove's seafront")).toBe("cafe-patrols-brighton-hove-s-seafront");
  });

  it("cuts a long title at a word boundary, never in the middle of a word", () => {
    const title = "Operation Quiet Streets: youth workers and PCSOs in the town-centre park on Friday evenings through the summer";
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe("operation-quiet-streets-youth-workers-and-pcsos-in-the-town-centre-park-on");
    expect(slugify("a".repeat(100))).toBe("a".repeat(80));
  });

  it("keeps a title of exactly 80 characters whole", () => {
    const words = "abcdefghi-".repeat(8).slice(0, 80);
    expect(slugify(words)).toBe(words.replace(/-+$/, ""));
  });

  it("falls back to 'practice' when nothing is left", () => {
    expect(slugify("!!! ???")).toBe("practice");
  });
});
