import { Link, useLocation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { SESSION_ACTIVITY_EVENT, SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS, SESSION_WARNING_MS } from "~/lib/session-timing";

// WCAG 2.2.1 (Timing Adjustable): before an idle session ends, a modal
// dialog says so and offers to extend it. It is a native <dialog> opened with
// showModal(), so focus moves into it and stays there, Escape closes it (and
// counts as staying), and screen readers announce it as a dialog by its title.
//
// The browser cannot see the server's clock; it counts from its own last
// request, less the minute by which the server may lag (it records use at
// most once a minute), so the warning never comes late.

const WARN_AFTER_MS = SESSION_IDLE_MS - SESSION_WARNING_MS - SESSION_TOUCH_INTERVAL_MS;

type State = "quiet" | "warning" | "ended";

export function SessionTimeout() {
  const dialog = useRef<HTMLDialogElement>(null);
  const location = useLocation();
  const [state, setState] = useState<State>("quiet");
  const [lastActivity, setLastActivity] = useState(() => Date.now());

  // Each page the person opens reached the server, and so did each autosave.
  useEffect(() => setLastActivity(Date.now()), [location.key]);
  useEffect(() => {
    const onActivity = () => setLastActivity(Date.now());
    window.addEventListener(SESSION_ACTIVITY_EVENT, onActivity);
    return () => window.removeEventListener(SESSION_ACTIVITY_EVENT, onActivity);
  }, []);

  useEffect(() => {
    if (state === "ended") return;
    setState("quiet");
    const warn = setTimeout(() => setState("warning"), Math.max(0, lastActivity + WARN_AFTER_MS - Date.now()));
    const end = setTimeout(() => setState("ended"), Math.max(0, lastActivity + SESSION_IDLE_MS - SESSION_TOUCH_INTERVAL_MS - Date.now()));
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastActivity]);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (state !== "quiet" && !el.open) el.showModal();
    if (state === "quiet" && el.open) el.close();
  }, [state]);

  const staySignedIn = useCallback(async () => {
    try {
      const res = await fetch("/session/keepalive", { method: "POST", credentials: "same-origin", headers: { Accept: "application/json" } });
      if (res.ok) {
        setLastActivity(Date.now());
        setState("quiet");
        return;
      }
    } catch {
      // Offline: say the session may have ended rather than pretend.
    }
    setState("ended");
  }, []);

  const returnTo = `${location.pathname}${location.search}`;
  return (
    <dialog
      ref={dialog}
      className="app-session-dialog"
      aria-labelledby="session-dialog-title"
      aria-describedby="session-dialog-text"
      data-testid="session-dialog"
      onCancel={(event) => {
        // Escape: the person is here, so keep them signed in.
        event.preventDefault();
        if (state === "warning") void staySignedIn();
      }}
    >
      {state === "ended" ? (
        <>
          <h2 className="govuk-heading-m" id="session-dialog-title">
            You have been signed out
          </h2>
          <p className="govuk-body" id="session-dialog-text">
            You were signed out because you had not done anything for 2 hours. Anything you typed on this page is still here:
            if it has not been saved, copy it before you leave, or sign in again in a new tab.
          </p>
          <Link className="govuk-button" to={`/login?redirectTo=${encodeURIComponent(returnTo)}`} target="_blank" rel="noopener">
            Sign in again (opens in new tab)
          </Link>{" "}
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </>
      ) : (
        <>
          <h2 className="govuk-heading-m" id="session-dialog-title">
            You will be signed out soon
          </h2>
          <p className="govuk-body" id="session-dialog-text">
            You have not done anything for a while. To protect your account, you will be signed out in 2 minutes unless you choose to stay signed in.
            Anything you have not saved would be lost.
          </p>
          <button type="button" className="govuk-button" data-module="govuk-button" autoFocus onClick={() => void staySignedIn()}>
            Stay signed in
          </button>
        </>
      )}
    </dialog>
  );
}
