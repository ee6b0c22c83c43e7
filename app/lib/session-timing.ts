// How long a session lasts, shared by the server (which ends it) and the
// browser (which warns before it ends: WCAG 2.2.1 Timing Adjustable).

/** A session ends after this long without a request. Autosave counts as one. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** And in any case this long after signing in. */
export const SESSION_ABSOLUTE_MS = 24 * 60 * 60 * 1000;
/** The server records use at most this often, so its clock may run this far behind the browser's. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
/** The warning comes this long before the session would end. */
export const SESSION_WARNING_MS = 2 * 60 * 1000;
/** Sent on window by anything that reached the server for the signed-in person (autosave), so the timer starts again. */
export const SESSION_ACTIVITY_EVENT = "practice-bank:session-activity";
