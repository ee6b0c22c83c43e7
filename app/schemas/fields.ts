import { z } from "zod";
import { MAX_LIST_ITEMS } from "~/lib/request-limits";

// Building blocks shared by every form schema. Form values arrive as strings
// (server) or as react-hook-form values (browser: booleans for a lone
// checkbox, arrays or false for checkbox groups); these accept both.

export const requiredText = (message: string, max: number, tooLong: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, tooLong);

export const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => v ?? "");

export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const checkboxGroup = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (v) => (v === false || v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(MAX_LIST_ITEMS, "Choose fewer items from the list"),
  );

export const idList = checkboxGroup(z.string().regex(/^\d{1,9}$/, "Choose from the list")).transform((ids) =>
  [...new Set(ids.map(Number))],
);

/** An absolute http(s) address, or nothing. */
export const optionalWebAddress = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `${label} must be 2,000 characters or fewer`)
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), {
      message: `Enter ${label.toLowerCase()} in the correct format, like https://www.example.org/page`,
    });

export const emailAddress = z
  .string({ error: "Enter an email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(254, "Email address must be 254 characters or fewer")
  .email("Enter an email address in the correct format, like name@example.police.uk")
  .transform((v) => v.toLowerCase());
