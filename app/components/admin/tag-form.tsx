import { Form } from "@remix-run/react";
import type { FormEvent } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { Checkboxes, SingleCheckbox, TextArea, TextInput } from "~/components/form/fields";
import type { FieldErrors } from "~/lib/validation";
import { MAX_SYNONYM_LENGTH } from "~/schemas/admin-tag";

export const TAG_FIELD_ORDER = ["label", "description", "synonyms", "broader", "narrower", "related", "active"] as const;

export interface TagFormDefaults {
  label: string;
  description: string;
  synonyms: string;
  active: boolean;
  /** Tag ids, as form values. */
  broader: string[];
  narrower: string[];
  related: string[];
}

/** The other tags, to choose this one's broader, narrower and related topics from. */
export type TopicChoices = { value: string; label: string }[];

const TOPIC_FIELDS = [
  { name: "broader", label: "Broader topics (optional)", hint: "Topics this one is a kind of. A search for this topic also shows results about them, below its own, for example knife crime is a kind of serious violence." },
  { name: "narrower", label: "Narrower topics (optional)", hint: "Topics that are a kind of this one. A search for them also shows results about this topic." },
  { name: "related", label: "Related topics (optional)", hint: "Topics on a neighbouring subject." },
] as const;

/** The fields of the new and edit tag pages. */
export function TagForm({
  defaults,
  errors,
  register,
  onSubmit,
  submitLabel,
  submitting,
  topics,
}: {
  defaults: TagFormDefaults;
  topics: TopicChoices;
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
      {topics.length
        ? TOPIC_FIELDS.map((f) => (
            <Checkboxes
              key={f.name}
              name={f.name}
              label={f.label}
              hint={f.hint}
              options={topics}
              small
              defaultValue={defaults[f.name]}
              error={errors[f.name]}
              registration={register(f.name)}
            />
          ))
        : null}
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
