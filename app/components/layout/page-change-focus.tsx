import { useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

// A page reached by a link inside the app is drawn without the browser
// loading a new document, so nothing resets focus or reads out the new page.
// As GOV.UK advises for such navigation: focus goes to the top of the page
// (the next Tab reaches the skip link) and the new title is announced.
//
// Focus stays where it is when
// - the navigation asked for it (`state.keepFocus`, search as you type),
// - only the fragment changed (the skip link, links to a heading),
// - the new page moved focus itself (an error summary, the conflict panel).

export interface KeepFocusState {
  keepFocus: true;
}

export const KEEP_FOCUS: KeepFocusState = { keepFocus: true };

function keepsFocus(state: unknown) {
  return typeof state === "object" && state !== null && (state as Partial<KeepFocusState>).keepFocus === true;
}

export function PageChangeFocus() {
  const location = useLocation();
  const navigation = useNavigation();
  const topRef = useRef<HTMLDivElement>(null);
  const focusedAtStart = useRef<Element | null>(null);
  const previous = useRef<{ key: string; pathname: string; search: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (navigation.state !== "idle" && focusedAtStart.current === null) focusedAtStart.current = document.activeElement;
  }, [navigation.state]);

  useEffect(() => {
    const before = previous.current;
    previous.current = { key: location.key, pathname: location.pathname, search: location.search };
    const startedFrom = focusedAtStart.current;
    focusedAtStart.current = null;
    if (!before || before.key === location.key) return;
    if (keepsFocus(location.state)) return;
    if (before.pathname === location.pathname && before.search === location.search) return;
    const active = document.activeElement;
    const movedByPage = active && active !== document.body && active !== startedFrom && document.contains(active);
    if (movedByPage && startedFrom !== null) return;
    topRef.current?.focus({ preventScroll: true });
    // Emptied first, so the same title twice (page 1 to page 1) is still read out.
    setAnnouncement("");
    const timer = setTimeout(() => setAnnouncement(document.title), 100);
    return () => clearTimeout(timer);
  }, [location]);

  return (
    <>
      <div ref={topRef} tabIndex={-1} className="app-page-top" data-testid="page-top" />
      <div className="govuk-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="page-announcer">
        {announcement}
      </div>
    </>
  );
}
