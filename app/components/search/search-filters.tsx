import { useEffect, useRef, type ReactNode } from "react";
import { useNonce } from "~/components/nonce";

// The search filters in a <details>: closed on small screens, so the results
// come straight after the search box, and a "Show filters" control opens them
// (without JavaScript too: it is the browser's own disclosure). On wider
// screens the filters sit beside the results, so they are opened and their
// toggle is hidden (in CSS, only while open). React never sets `open`, so a
// person's choice survives re-renders as results update.

const WIDE = "(min-width: 40.0625em)";

export function SearchFilters({ applied, children }: { applied: number; children: ReactNode }) {
  const nonce = useNonce();
  const ref = useRef<HTMLDetailsElement>(null);
  // After a client-side navigation to /search the inline script below does not run.
  useEffect(() => {
    if (ref.current && window.matchMedia(WIDE).matches) ref.current.open = true;
  }, []);
  return (
    <>
      <details ref={ref} className="govuk-details app-filters" id="search-filters">
        <summary className="govuk-details__summary app-filters__toggle">
          <span className="govuk-details__summary-text">
            Show filters{applied > 0 ? ` (${applied} applied)` : ""}
          </span>
        </summary>
        {children}
      </details>
      {/* Runs as the page is parsed, before it is first drawn, so wide screens never see the filters jump open. */}
      <script
        nonce={nonce}
        suppressHydrationWarning
        dangerouslySetInnerHTML={{
          __html: `if(matchMedia(${JSON.stringify(WIDE)}).matches)document.getElementById("search-filters").open=true;`,
        }}
      />
    </>
  );
}
