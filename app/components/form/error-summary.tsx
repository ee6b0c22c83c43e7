import { useEffect, useRef } from "react";
import type { FieldErrors } from "~/lib/validation";

/** The id of the element an error links to: the field itself, or a group's first option. */
export function fieldId(name: string) {
  return name.replace(/\./g, "-");
}

// GOV.UK error summary: shown at the top, focused when it appears so screen
// reader and keyboard users land on it, each error linking to its field.
export function ErrorSummary({ errors, order }: { errors: FieldErrors; order?: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const keys = Object.keys(errors);
  const sorted = order ? [...keys].sort((a, b) => rank(order, a) - rank(order, b)) : keys;
  const signature = sorted.map((k) => `${k}:${errors[k]}`).join("|");

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (sorted.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {sorted.map((key) => (
              <li key={key}>
                {key === "form" ? (
                  // A problem with the form as a whole has no field to link to.
                  errors[key]
                ) : (
                  <a href={`#${fieldId(key)}`} onClick={(event) => focusField(event, fieldId(key))}>
                    {errors[key]}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function rank(order: readonly string[], key: string) {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

// A plain in-page link scrolls but does not move focus into an input; this
// does both, and keeps the field's label in view as GOV.UK Frontend does.
function focusField(event: React.MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const legendOrLabel = target.closest("fieldset")?.querySelector("legend") ?? document.querySelector(`label[for="${id}"]`);
  (legendOrLabel ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
}
