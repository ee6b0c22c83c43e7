import { fieldId } from "./error-summary";

// GOV.UK date input with month and year only. Errors link to the month, the first box.
export function MonthYearInput({
  prefix,
  legend,
  hint,
  error,
  month,
  year,
}: {
  prefix: "start" | "end";
  legend: string;
  hint?: string;
  error?: string;
  month: string;
  year: string;
}) {
  const id = `${prefix}-date`;
  const monthId = fieldId(`${prefix}Month`);
  const yearId = fieldId(`${prefix}Year`);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset
        className="govuk-fieldset"
        role="group"
        aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input">
          <div className="govuk-date-input__item">
            <div className="govuk-form-group">
              <label className="govuk-label govuk-date-input__label" htmlFor={monthId}>
                Month
              </label>
              <input
                className={`govuk-input govuk-date-input__input govuk-input--width-2${error ? " govuk-input--error" : ""}`}
                id={monthId}
                name={`${prefix}Month`}
                type="text"
                inputMode="numeric"
                maxLength={2}
                defaultValue={month}
              />
            </div>
          </div>
          <div className="govuk-date-input__item">
            <div className="govuk-form-group">
              <label className="govuk-label govuk-date-input__label" htmlFor={yearId}>
                Year
              </label>
              <input
                className={`govuk-input govuk-date-input__input govuk-input--width-4${error ? " govuk-input--error" : ""}`}
                id={yearId}
                name={`${prefix}Year`}
                type="text"
                inputMode="numeric"
                maxLength={4}
                defaultValue={year}
              />
            </div>
          </div>
        </div>
      </fieldset>
    </div>
  );
}
