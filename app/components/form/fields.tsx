import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { fieldId } from "./error-summary";

// GOV.UK form field patterns. Every field works as a plain HTML form field
// (server-rendered values and errors), and takes react-hook-form's register()
// result when JavaScript is running.

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  registration?: UseFormRegisterReturn;
  /** Show the label as the page heading (GOV.UK pattern for one-question pages). */
  labelClass?: string;
}

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

export function TextInput({
  name,
  label,
  hint,
  error,
  registration,
  labelClass = "govuk-label",
  className = "",
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className={labelClass} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <input
        id={id}
        name={name}
        type="text"
        className={`govuk-input${error ? " govuk-input--error" : ""} ${className}`.trim()}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
        {...registration}
      />
    </div>
  );
}

export function TextArea({
  name,
  label,
  hint,
  error,
  registration,
  labelClass = "govuk-label",
  rows = 5,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className={labelClass} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...textarea}
        {...registration}
      />
    </div>
  );
}

export function Select({
  name,
  label,
  hint,
  error,
  registration,
  options,
  defaultValue,
  placeholder,
}: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string; placeholder?: string }) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <select
        id={id}
        name={name}
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...registration}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ChoiceProps extends FieldProps {
  options: { value: string; label: string; hint?: string }[];
  legendClass?: string;
  small?: boolean;
}

function ChoiceGroup({
  kind,
  name,
  label,
  hint,
  error,
  registration,
  options,
  checked,
  legendClass = "govuk-fieldset__legend govuk-fieldset__legend--s",
  small,
}: ChoiceProps & { kind: "checkboxes" | "radios"; checked: (value: string) => boolean }) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={legendClass}>{label}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div className={`govuk-${kind}${small ? ` govuk-${kind}--small` : ""}`} data-module={`govuk-${kind}`}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div key={o.value} className={`govuk-${kind}__item`}>
                <input
                  className={`govuk-${kind}__input`}
                  id={optionId}
                  name={name}
                  type={kind === "checkboxes" ? "checkbox" : "radio"}
                  value={o.value}
                  defaultChecked={checked(o.value)}
                  aria-describedby={o.hint ? `${optionId}-item-hint` : undefined}
                  {...registration}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={optionId}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div id={`${optionId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkboxes(props: ChoiceProps & { defaultValue?: readonly string[] }) {
  const selected = new Set(props.defaultValue ?? []);
  return <ChoiceGroup {...props} kind="checkboxes" checked={(v) => selected.has(v)} />;
}

export function Radios(props: ChoiceProps & { defaultValue?: string }) {
  return <ChoiceGroup {...props} kind="radios" checked={(v) => v === props.defaultValue} />;
}

/** A single yes/no checkbox, e.g. a declaration. */
export function SingleCheckbox({
  name,
  label,
  hint,
  error,
  registration,
  defaultChecked,
}: FieldProps & { defaultChecked?: boolean }) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <ErrorMessage id={id} error={error} />
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={name}
            type="checkbox"
            value="on"
            defaultChecked={defaultChecked}
            aria-describedby={describedBy(id, hint, error)}
            {...registration}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          <Hint id={id} hint={hint} />
        </div>
      </div>
    </div>
  );
}
