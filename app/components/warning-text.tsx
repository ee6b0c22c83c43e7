import type { ReactNode } from "react";

/** GOV.UK warning text: an icon, "Warning" for screen readers, then the message. */
export function WarningText({ children, id, className = "" }: { children: ReactNode; id?: string; className?: string }) {
  return (
    <div className={`govuk-warning-text${className ? ` ${className}` : ""}`}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text" id={id}>
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}
