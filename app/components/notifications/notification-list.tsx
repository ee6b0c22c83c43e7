import { Form, Link } from "@remix-run/react";

export interface NotificationView {
  id: number;
  title: string;
  body: string;
  /** A path in the portal, or null when there is nowhere to go. */
  url: string | null;
  unread: boolean;
  at: string;
  when: string;
}

/**
 * A person's notifications, newest first. An unread one opens through a POST
 * (so it is marked read without a GET changing anything); a read one is a
 * plain link.
 */
export function NotificationList({ notifications, busy }: { notifications: NotificationView[]; busy: boolean }) {
  return (
    <ul className="govuk-list app-session-list" data-testid="notification-list">
      {notifications.map((n) => (
        <li key={n.id} data-unread={n.unread ? "true" : undefined}>
          {/* A <div>, not a <p>: the unread one holds a form. */}
          <div className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            {n.unread ? <strong className="govuk-tag govuk-tag--blue govuk-!-margin-right-2">New</strong> : null}
            {n.unread ? (
              <Form method="post" className="app-inline-form">
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" name="intent" value={n.url ? "open" : "read"} className="app-link-button govuk-!-font-weight-bold" disabled={busy}>
                  {n.title}
                  {n.url ? null : <span className="govuk-visually-hidden"> (mark as read)</span>}
                </button>
              </Form>
            ) : n.url ? (
              <Link className="govuk-link" to={n.url}>
                {n.title}
              </Link>
            ) : (
              n.title
            )}
          </div>
          {n.body ? <p className="govuk-body govuk-!-margin-bottom-1 app-prewrap">{n.body}</p> : null}
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            <time dateTime={n.at}>{n.when}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}
