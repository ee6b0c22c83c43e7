import { Form, Link, NavLink } from "@remix-run/react";
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

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const links = [
    { to: "/search", label: "Search practice" },
    { to: "/week-of-action", label: "Week of Action 2026" },
    ...(user ? ROLE_LINKS[user.role] : []),
  ];
  return (
    <>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__content app-header-actions">
            <Link to="/" className="govuk-header__link govuk-header__service-name app-header-service">
              Neighbourhood policing practice bank
            </Link>
          </div>
        </div>
      </header>
      <section aria-label="Service menu" className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {links.map((link) => (
                  <li key={link.to} className="govuk-service-navigation__item">
                    <NavLink
                      to={link.to}
                      className={({ isActive }) =>
                        `govuk-service-navigation__link${isActive ? " govuk-service-navigation__item--active" : ""}`
                      }
                    >
                      {link.label}
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
    </>
  );
}
