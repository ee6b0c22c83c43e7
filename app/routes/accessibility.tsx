import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Accessibility statement - Neighbourhood policing practice bank" }];

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Accessibility statement</h1>
        <p className="govuk-body">
          This service aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. It follows the
          GOV.UK Design System&apos;s patterns for pages, forms and error messages.
        </p>
        <h2 className="govuk-heading-m">What you can do</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>use every page and form with a keyboard alone</li>
          <li>zoom text up to 400% without content being cut off</li>
          <li>use the service with a screen reader</li>
          <li>use forms without JavaScript</li>
        </ul>
        <h2 className="govuk-heading-m">How we test</h2>
        <p className="govuk-body">
          Every page is checked with an automated accessibility scan in a real browser each time the service changes, and
          the main journeys are tested with the keyboard alone.
        </p>
      </div>
    </div>
  );
}
