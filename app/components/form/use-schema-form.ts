import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "~/lib/validation";

/**
 * One zod schema, two places: react-hook-form checks it in the browser before
 * anything is sent, and the route's action checks the same schema on the
 * server, which has the final say. Errors from either place come out in one
 * shape for the error summary and the fields.
 */
export function useSchemaForm<S extends z.ZodType<any, any>>(
  schema: S,
  { defaultValues, serverErrors }: { defaultValues: Record<string, unknown>; serverErrors?: FieldErrors },
) {
  const submit = useSubmit();
  const form = useForm<FieldValues>({
    // The schema is generic here; each form's values are checked at run time.
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues,
    shouldFocusError: false,
  });

  const clientErrors: FieldErrors = {};
  for (const [key, value] of Object.entries(form.formState.errors)) {
    const message = value?.message;
    if (typeof message === "string") clientErrors[key] = message;
  }
  // The server's errors stand until the person submits again; a new answer
  // from the server (a new errors object) brings its errors back.
  const [serverErrorsStale, setServerErrorsStale] = useState(false);
  useEffect(() => setServerErrorsStale(false), [serverErrors]);
  const errors = serverErrorsStale ? clientErrors : { ...(serverErrors ?? {}), ...clientErrors };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    setServerErrorsStale(true);
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(() => submit(submitter ?? formElement, { method: "post" }))(event);
  }

  return { register: form.register, errors, onSubmit, form };
}
