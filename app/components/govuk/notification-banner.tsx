import type { ReactNode } from "react";

/**
 * GOV.UK notification banner. `success` banners report what just happened
 * (role "alert", or "status" where focus must stay put); the others hold
 * information the person needs now (role "region", labelled by its title).
 * `heading` is the banner's bold first line; `children` follow it.
 */
export function NotificationBanner({
  id,
  title = "Important",
  heading,
  success = false,
  role = success ? "alert" : "region",
  testId,
  children,
}: {
  id: string;
  title?: string;
  heading: ReactNode;
  success?: boolean;
  role?: "alert" | "status" | "region";
  testId?: string;
  children?: ReactNode;
}) {
  const titleId = `${id}-title`;
  return (
    <div
      className={`govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`}
      role={role}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      data-testid={testId}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
