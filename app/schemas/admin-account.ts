import { z } from "zod";
import type { Role } from "../../db/schema";
import { emailAddress, requiredText } from "./fields";

export const ROLES = ["force_lead", "reviewer", "admin"] as const satisfies readonly Role[];

export const MIN_PASSWORD_LENGTH = 12;

// Organisation is only asked of force leads: a force lead writes for exactly
// one organisation, reviewers and administrators for none.
export const newAccountSchema = z
  .object({
    name: requiredText("Enter the person's full name", 200, "Name must be 200 characters or fewer"),
    email: emailAddress,
    role: z.enum(ROLES, { error: "Choose a role" }),
    organisationId: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || /^\d{1,9}$/.test(v), "Choose an organisation from the list")
      .transform((v) => (v ? Number(v) : null)),
    password: z
      .string({ error: "Enter an initial password" })
      .min(1, "Enter an initial password")
      .min(MIN_PASSWORD_LENGTH, `The password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "The password must be 200 characters or fewer"),
  })
  .superRefine((value, ctx) => {
    if (value.role === "force_lead" && value.organisationId === null) {
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Choose the force lead's organisation" });
    }
  });

export type NewAccountValues = z.infer<typeof newAccountSchema>;

/** The one button on an account's page. */
export const accountStatusSchema = z.object({
  change: z.enum(["disable", "enable"], { error: "Choose whether to disable or enable the account" }),
});
