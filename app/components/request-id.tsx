import { createContext, useContext, useState } from "react";

// The request's id reaches an error page rendered on the server through this
// context. In the browser, hydration reads it back from the page the server
// sent, so both render the same; an error met while navigating in the
// browser has no id of its own and the page says only what happened.
const RequestIdContext = createContext<string | undefined>(undefined);
export const RequestIdProvider = RequestIdContext.Provider;

export function useRequestId(): string | undefined {
  const fromServer = useContext(RequestIdContext);
  const [id] = useState(
    () => fromServer ?? (typeof document === "undefined" ? undefined : document.querySelector("[data-request-id]")?.getAttribute("data-request-id") ?? undefined),
  );
  return id;
}

export function RequestIdNote() {
  const id = useRequestId();
  if (!id) return null;
  return (
    <p className="govuk-body">
      If you contact us about this, quote reference{" "}
      <strong className="app-request-id" data-request-id={id}>
        {id}
      </strong>
      .
    </p>
  );
}
