import type { ReactNode } from "react";
import { NotificationBanner } from "~/components/govuk/notification-banner";

// GOV.UK success notification banner, shown after a POST/redirect/GET when the
// loader finds a `?saved=` flag. Goes immediately before the page's h1.
export function SuccessBanner({ children }: { children: ReactNode }) {
  return <NotificationBanner id="success-banner" title="Success" heading={children} success testId="success-banner" />;
}
