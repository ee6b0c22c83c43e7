import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { formToObject } from "~/lib/form-values";
import { fieldErrorsFrom } from "~/lib/validation";

/**
 * A react-hook-form resolver that validates what the form element itself
 * would send, with the same zod schema and the same parsing as the server.
 * Used where fields are not plain inputs (the rich-text editors keep their
 * value in hidden inputs), so the browser's verdict is exactly the server's.
 */
export function formDataResolver(
  getForm: () => HTMLFormElement | null,
  getSchema: () => z.ZodType,
  arrayFields: readonly string[],
): Resolver<FieldValues> {
  return async () => {
    const form = getForm();
    if (!form) return { values: {}, errors: {} };
    const result = getSchema().safeParse(formToObject(new FormData(form), arrayFields));
    if (result.success) return { values: result.data as FieldValues, errors: {} };
    const errors = Object.fromEntries(
      Object.entries(fieldErrorsFrom(result.error)).map(([field, message]) => [field, { type: "validation", message }]),
    );
    return { values: {}, errors };
  };
}
