import { z } from "zod";
import type { Role } from "../../db/schema";
import { emailAddress, requiredText } from "./fields";

export const ROLES = ["force_lead", "reviewer", "admin"] as const satisfies readonly Role[];

// Name, email, role and organisation: what an admin chooses when inviting
// someone and may change later. There is no password: the person chooses it
// from the invitation's link, and no admin ever sees or sets it. Organisation
// is only asked of force leads, who write for exactly one organisation.
export const accountDetailsSchema = z
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
  })
  .superRefine((value, ctx) => {
    if (value.role === "force_lead" && value.organisationId === null) {
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Choose the force lead's organisation" });
    }
  });

export type AccountDetailsValues = z.infer<typeof accountDetailsSchema>;

export const ACCOUNT_CHANGES = ["disable", "enable", "resend-invitation", "cancel-invitation", "send-reset"] as const;
export type AccountChange = (typeof ACCOUNT_CHANGES)[number];

/** The buttons on an account's page. */
export const accountStatusSchema = z.object({
  change: z.enum(ACCOUNT_CHANGES, { error: "Choose what to do with the account" }),
});
