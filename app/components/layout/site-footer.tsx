import { Link } from "@remix-run/react";

export function SiteFooter() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/week-of-action">
                  Week of Action 2026
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/open-data">
                  Open data
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/accessibility">
                  Accessibility statement
                </Link>
              </li>
            </ul>
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              A practice bank for neighbourhood policing in England and Wales. Share what works in your force.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
