/** A GOV.UK tag for yes/no states in admin tables: green when on, grey when off. */
export function StatusTag({ on, onText, offText }: { on: boolean; onText: string; offText: string }) {
  return <strong className={`govuk-tag ${on ? "govuk-tag--green" : "govuk-tag--grey"}`}>{on ? onText : offText}</strong>;
}
