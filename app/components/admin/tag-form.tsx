import { Form } from "@remix-run/react";
import type { FormEvent } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { SingleCheckbox, TextArea, TextInput } from "~/components/form/fields";
import type { FieldErrors } from "~/lib/validation";
import { MAX_SYNONYM_LENGTH } from "~/schemas/admin-tag";

export const TAG_FIELD_ORDER = ["label", "description", "synonyms", "active"] as const;

export interface TagFormDefaults {
  label: string;
  description: string;
  synonyms: string;
  active: boolean;
}

/** The fields of the new and edit tag pages. */
export function TagForm({
  defaults,
  errors,
  register,
  onSubmit,
  submitLabel,
  submitting,
}: {
  defaults: TagFormDefaults;
  errors: FieldErrors;
  register: UseFormRegister<FieldValues>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  submitting: boolean;
}) {
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <TextInput
        name="label"
        label="Label"
        hint="What people see on entries and in search filters, for example Shop theft (retail crime)."
        autoComplete="off"
        defaultValue={defaults.label}
        error={errors.label}
        registration={register("label")}
      />
      <TextArea
        name="description"
        label="Description (optional)"
        hint="A sentence on what the tag covers, to help reviewers choose it."
        rows={3}
        defaultValue={defaults.description}
        error={errors.description}
        registration={register("description")}
      />
      <TextArea
        name="synonyms"
        label="Other words for this tag (optional)"
        hint={`Words people search for that mean this tag, one per line or separated by commas, for example shoplifting. Each can be up to ${MAX_SYNONYM_LENGTH} characters and can only belong to one tag. Capital letters and repeats are removed when you save.`}
        rows={6}
        spellCheck={false}
        defaultValue={defaults.synonyms}
        error={errors.synonyms}
        registration={register("synonyms")}
      />
      <SingleCheckbox
        name="active"
        label="Show this tag"
        hint="Untick to retire the tag: it is hidden from entries, sessions and search but not deleted."
        defaultChecked={defaults.active}
        error={errors.active}
        registration={register("active")}
      />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={submitting}>
        {submitLabel}
      </button>
    </Form>
  );
}
