import { Form } from "@remix-run/react";
import type { FormEvent } from "react";
import type { UseFormRegister, FieldValues } from "react-hook-form";
import { Radios, SingleCheckbox, TextInput } from "~/components/form/fields";
import type { FieldErrors } from "~/lib/validation";

export const ORGANISATION_FIELD_ORDER = ["name", "kind", "region", "active"] as const;

export interface OrganisationFormDefaults {
  name: string;
  kind: string;
  region: string;
  active: boolean;
}

/** The fields of the new and edit organisation pages. */
export function OrganisationForm({
  defaults,
  errors,
  register,
  onSubmit,
  kinds,
  regions,
  submitLabel,
  submitting,
}: {
  defaults: OrganisationFormDefaults;
  errors: FieldErrors;
  register: UseFormRegister<FieldValues>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  kinds: { value: string; label: string }[];
  regions: string[];
  submitLabel: string;
  submitting: boolean;
}) {
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <TextInput
        name="name"
        label="Name"
        hint="The organisation's full name, as people would search for it, for example Sussex Police."
        autoComplete="off"
        defaultValue={defaults.name}
        error={errors.name}
        registration={register("name")}
      />
      <Radios
        name="kind"
        label="Kind of organisation"
        legendClass="govuk-fieldset__legend govuk-fieldset__legend--m"
        options={kinds}
        defaultValue={defaults.kind}
        error={errors.kind}
        registration={register("kind")}
      />
      <TextInput
        name="region"
        label="Region"
        hint={
          regions.length
            ? `Used to filter practice by region. Use one already in use where you can: ${regions.join(", ")}.`
            : "Used to filter practice by region, for example South East or Wales."
        }
        autoComplete="off"
        className="govuk-!-width-two-thirds"
        defaultValue={defaults.region}
        error={errors.region}
        registration={register("region")}
      />
      <SingleCheckbox
        name="active"
        label="Accepting new entries"
        hint="Untick to stop new accounts and entries for this organisation. Organisations are never deleted."
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
