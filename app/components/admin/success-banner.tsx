import type { ReactNode } from "react";

// GOV.UK success notification banner, shown after a POST/redirect/GET when the
// loader finds a `?saved=` flag. Goes immediately before the page's h1.
export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
      data-module="govuk-notification-banner"
      data-testid="success-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
