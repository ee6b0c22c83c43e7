import { useEffect, useState } from "react";

/** "Copy link": only where the browser can copy (it needs JavaScript), saying when it has. */
export function CopyLink({ url }: { url: string }) {
  const [canCopy, setCanCopy] = useState(false);
  const [message, setMessage] = useState("");
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  return (
    <p className="govuk-body app-no-print">
      {canCopy ? (
        <button
          type="button"
          className="app-link-button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setMessage("Link copied");
            } catch {
              setMessage("The link could not be copied. Copy it from the address bar instead.");
            }
          }}
        >
          Copy link<span className="govuk-visually-hidden"> to this page</span>
        </button>
      ) : null}
      <span className="govuk-!-margin-left-2" aria-live="polite" data-testid="copy-link-status">
        {message}
      </span>
    </p>
  );
}
