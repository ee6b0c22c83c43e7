import { z } from "zod";

// NIST SP 800-63B and OWASP ASVS 5.0: long enough, any characters at all
// (spaces, emoji, any script), no rules about kinds of character. A character
// is a Unicode code point, so an emoji counts once. The list of common
// passwords is checked on the server only (app/lib/password-rules.server.ts):
// it is too large to send to every browser.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export function passwordLength(password: string) {
  return [...password.normalize("NFKC")].length;
}

export const newPassword = z
  .string({ error: "Enter a new password" })
  .min(1, "Enter a new password")
  .refine((v) => passwordLength(v) >= MIN_PASSWORD_LENGTH, `Your password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .refine((v) => passwordLength(v) <= MAX_PASSWORD_LENGTH, `Your password must be ${MAX_PASSWORD_LENGTH} characters or fewer`);

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. Any characters you like, including spaces: a few unrelated words make a good password. A password manager can make and remember one for you.`;

/** Choosing a password from a one-time link: typed twice, so a slip of the finger does not lock the person out. */
export const setPasswordSchema = z
  .object({
    password: newPassword,
    confirmPassword: z.string({ error: "Enter the password again" }).min(1, "Enter the password again"),
  })
  .superRefine((v, ctx) => {
    if (v.confirmPassword && v.password !== v.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match. Enter the same password twice" });
    }
  });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1000, "Enter your current password"),
    password: newPassword,
    confirmPassword: z.string({ error: "Enter the new password again" }).min(1, "Enter the new password again"),
  })
  .superRefine((v, ctx) => {
    if (v.confirmPassword && v.password !== v.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The new passwords do not match. Enter the same password twice" });
    }
  });
