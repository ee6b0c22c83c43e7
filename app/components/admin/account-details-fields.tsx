import type { FieldValues, UseFormRegister } from "react-hook-form";
import { Radios, Select, TextInput } from "~/components/form/fields";
import { ROLE_LABELS } from "~/lib/permissions";
import type { FieldErrors } from "~/lib/validation";
import { ROLES } from "~/schemas/admin-account";

const ROLE_HINTS: Record<(typeof ROLES)[number], string> = {
  force_lead: "Writes up and submits practice for one organisation.",
  reviewer: "Reviews and publishes submitted practice.",
  admin: "Manages accounts, organisations, tags and the Week of Action listings.",
};

export const ACCOUNT_FIELD_ORDER = ["name", "email", "role", "organisationId"] as const;

export interface AccountFieldValues {
  name: string;
  email: string;
  role: string;
  organisationId: string;
}

/** Name, email, role and organisation, as the invitation and the change-details forms ask them. */
export function AccountDetailsFields({
  defaults,
  organisations,
  errors,
  register,
}: {
  defaults: AccountFieldValues;
  organisations: { value: string; label: string }[];
  errors: FieldErrors;
  register: UseFormRegister<FieldValues>;
}) {
  return (
    <>
      <TextInput name="name" label="Full name" autoComplete="off" spellCheck={false} defaultValue={defaults.name} error={errors.name} registration={register("name")} />
      <TextInput
        name="email"
        label="Email address"
        type="email"
        autoComplete="off"
        spellCheck={false}
        defaultValue={defaults.email}
        error={errors.email}
        registration={register("email")}
      />
      <Radios
        name="role"
        label="Role"
        legendClass="govuk-fieldset__legend govuk-fieldset__legend--m"
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], hint: ROLE_HINTS[r] }))}
        defaultValue={defaults.role}
        error={errors.role}
        registration={register("role")}
      />
      <Select
        name="organisationId"
        label="Organisation"
        hint="Needed for force leads only: the organisation they write for. Leave it blank for reviewers and administrators."
        options={organisations}
        placeholder="Choose an organisation"
        defaultValue={defaults.organisationId}
        error={errors.organisationId}
        registration={register("organisationId")}
      />
    </>
  );
}
