import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { Role } from "../../../db/schema";
import { ROLE_LABELS } from "~/lib/permissions";

interface HeaderUser {
  name: string;
  role: Role;
  organisationName: string | null;
}

const ROLE_LINKS: Record<Role, { to: string; label: string }[]> = {
  force_lead: [{ to: "/submissions", label: "Your organisation's entries" }],
  reviewer: [{ to: "/review", label: "Review queue" }],
  admin: [{ to: "/admin", label: "Administration" }],
};

export function SiteHeader({ user, unreadCount = 0 }: { user: HeaderUser | null; unreadCount?: number }) {
  const { pathname } = useLocation();
  const isCurrent = (to: string) => pathname === to || pathname.startsWith(`${to}/`);
  const links = [
    { to: "/search", label: "Search practice" },
    { to: "/week-of-action", label: "Week of Action 2026" },
    ...(user ? ROLE_LINKS[user.role] : []),
    // The same words on screen and for screen readers.
    ...(user ? [{ to: "/notifications", label: unreadCount > 0 ? `Notifications (${unreadCount} unread)` : "Notifications" }] : []),
    ...(user ? [{ to: "/account", label: "Your account" }] : []),
  ];
  return (
    <>
      <header className="app-header">
        <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <span className="govuk-service-navigation__service-name">
                <Link to="/" className="govuk-service-navigation__link">
                  Neighbourhood policing practice bank
                </Link>
              </span>
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  {links.map((link) => (
                    <li
                      key={link.to}
                      className={`govuk-service-navigation__item${isCurrent(link.to) ? " govuk-service-navigation__item--active" : ""}`}
                    >
                      <NavLink to={link.to} className="govuk-service-navigation__link" aria-current={isCurrent(link.to) ? "page" : undefined}>
                        {isCurrent(link.to) ? <strong className="govuk-service-navigation__active-fallback">{link.label}</strong> : link.label}
                      </NavLink>
                    </li>
                  ))}
                  {user ? (
                    <li className="govuk-service-navigation__item">
                      <Form method="post" action="/logout" className="app-inline-form">
                        <button type="submit" className="app-link-button govuk-service-navigation__link">
                          Sign out<span className="govuk-visually-hidden"> ({user.name})</span>
                        </button>
                      </Form>
                    </li>
                  ) : (
                    <li className="govuk-service-navigation__item">
                      <NavLink to="/login" className="govuk-service-navigation__link">
                        Sign in
                      </NavLink>
                    </li>
                  )}
                </ul>
              </nav>
            </div>
          </div>
        </section>
        {user ? (
          <div className="govuk-width-container">
            <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" data-testid="signed-in-as">
              Signed in as <strong>{user.name}</strong>, {ROLE_LABELS[user.role].toLowerCase()}
              {user.organisationName ? `, ${user.organisationName}` : ""}
            </p>
          </div>
        ) : null}
      </header>
    </>
  );
}
