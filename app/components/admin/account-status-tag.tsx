/** An account's state for admins: disabled, invited (no password chosen yet) or active. */
export function AccountStatusTag({ disabled, invited }: { disabled: boolean; invited: boolean }) {
  if (disabled) return <strong className="govuk-tag govuk-tag--grey">Disabled</strong>;
  if (invited) return <strong className="govuk-tag govuk-tag--blue">Invited</strong>;
  return <strong className="govuk-tag govuk-tag--green">Active</strong>;
}
