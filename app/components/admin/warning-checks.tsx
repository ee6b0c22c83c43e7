import type { UseFormRegisterReturn } from "react-hook-form";
import { fieldId } from "~/components/form/error-summary";
import { WarningText } from "~/components/warning-text";

/**
 * The data warnings of a session listing, each in GOV.UK warning text with its
 * own "I have checked this" checkbox. Each checkbox carries the warning's
 * text, so saving clears exactly the ones ticked, even if the list changed.
 */
export function WarningChecks({
  name,
  warnings,
  checked,
  error,
  registration,
}: {
  name: string;
  warnings: string[];
  checked: readonly string[];
  error?: string;
  registration?: UseFormRegisterReturn;
}) {
  if (warnings.length === 0) return null;
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`} data-testid="session-warnings">
      <fieldset className="govuk-fieldset" aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Facts to check</legend>
        <div id={`${id}-hint`} className="govuk-hint">
          These problems were found in the source facts for this listing. Check each one with the organisers and correct the
          listing if needed, then tick it. Ticked warnings are cleared when you save; unticked ones stay.
        </div>
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {warnings.map((warning, i) => {
          const optionId = i === 0 ? id : `${id}-${i + 1}`;
          return (
            <div key={warning} className="govuk-!-margin-bottom-6">
              <WarningText className="govuk-!-margin-bottom-2" id={`${optionId}-warning`}>
                {warning}
              </WarningText>
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={optionId}
                    name={name}
                    type="checkbox"
                    value={warning}
                    defaultChecked={checked.includes(warning)}
                    aria-describedby={`${optionId}-warning`}
                    {...registration}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={optionId}>
                    I have checked this
                  </label>
                </div>
              </div>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
