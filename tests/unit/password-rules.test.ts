import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { weakPasswordReason } from "../../app/lib/password-rules.server";
import { describeUserAgent } from "../../app/lib/user-agent";
import { newPassword, passwordLength } from "../../app/schemas/password";

describe("password rules", () => {
  it("count characters as people see them: an emoji is one", () => {
    expect(passwordLength("🦊".repeat(12))).toBe(12);
    expect(newPassword.safeParse("🦊".repeat(12)).success).toBe(true);
    expect(newPassword.safeParse("🦊".repeat(11)).success).toBe(false);
  });

  it("accept any characters from 12 to 128, with no composition rules", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", minLength: 12, maxLength: 128 }), (password) => {
        fc.pre(passwordLength(password) >= 12 && passwordLength(password) <= 128);
        expect(newPassword.safeParse(password).success).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(newPassword.safeParse("a".repeat(129)).success).toBe(false);
  });

  it("refuse common passwords whatever their case or spacing, and say why", () => {
    for (const common of ["qwerty123456", "QWERTY123456", "qwerty 123456", "1q2w3e4r5t6y"]) {
      expect(weakPasswordReason(common)).toMatch(/on a list of passwords that are used often or have been leaked/);
    }
    expect(weakPasswordReason("Sam.Patel@force.example", { email: "sam.patel@force.example" })).toMatch(/must not be your name, your email address/);
    expect(weakPasswordReason("practice bank 2026")).toMatch(/name of this service/);
    expect(weakPasswordReason("aaaaaaaaaaaaaa")).toMatch(/simple pattern/);
    expect(weakPasswordReason("correct horse battery staple")).toBeNull();
    expect(weakPasswordReason("lantern orchard cobalt 42")).toBeNull();
  });
});

describe("signed-in browsers", () => {
  it("are described in words people recognise", () => {
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0")).toBe("Edge on Windows");
    expect(describeUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")).toBe("Safari on iOS");
    expect(describeUserAgent("curl/8.5.0")).toBe("Unknown browser");
    expect(describeUserAgent(null)).toBe("Unknown browser");
  });
});
