import { useBlocker } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { ConflictView } from "~/lib/entry-save.server";
import { formatUkClock } from "~/lib/uk-time";
import type { FieldErrors } from "~/lib/validation";
import { SESSION_ACTIVITY_EVENT } from "~/lib/session-timing";

const AUTOSAVE_DELAY_MS = 2500;
const FIRST_RETRY_MS = 5000;
const MAX_RETRY_MS = 60_000;
const REQUEST_TIMEOUT_MS = 20_000;

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; message: string; retryInSeconds: number | null }
  | { kind: "conflict" };

export function describeStatus(status: SaveStatus): string {
  switch (status.kind) {
    case "idle":
      return "";
    case "unsaved":
      return "Unsaved changes";
    case "saving":
      return "Saving...";
    case "saved":
      return `Saved at ${formatUkClock(status.at)}`;
    case "failed":
      return `Not saved: ${status.message}${status.retryInSeconds ? `. Trying again in ${status.retryInSeconds} seconds` : ""}`;
    case "conflict":
      return "Not saved: someone else saved this entry while you were editing";
  }
}

interface Options {
  entryId: number;
  formRef: RefObject<HTMLFormElement | null>;
  onConflict: (conflict: ConflictView) => void;
  onInvalid: (errors: FieldErrors) => void;
  /** The version the next save is based on, for the page to render into its hidden input. */
  onVersion: (version: number) => void;
}

/**
 * Saves the draft a few seconds after the person stops typing. A failed save
 * never touches what is on the page: it says why and tries again, backing off.
 * Each save sends the version it was based on; if someone else saved in
 * between, the server refuses and the page shows both versions.
 */
export function useAutosave({ entryId, formRef, onConflict, onInvalid, onVersion }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const changes = useRef(0);
  const savedChanges = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const retryDelay = useRef(FIRST_RETRY_MS);
  const inFlight = useRef(false);
  const again = useRef(false);
  const halted = useRef(false);
  const leaving = useRef(false);
  const callbacks = useRef({ onConflict, onInvalid, onVersion });
  callbacks.current = { onConflict, onInvalid, onVersion };

  const isDirty = () => changes.current !== savedChanges.current;

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form || halted.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const seq = changes.current;
    const body = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === "string") body.append(key, value);
    body.set("intent", "save");
    inFlight.current = true;
    setStatus({ kind: "saving" });
    let failure: string | null = null;
    try {
      const res = await fetch(`/submissions/${entryId}/autosave`, {
        method: "POST",
        body,
        credentials: "same-origin",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const json = await res.json().catch(() => null);
      if (res.ok && json?.status === "saved") {
        window.dispatchEvent(new Event(SESSION_ACTIVITY_EVENT));
        (form.elements.namedItem("version") as HTMLInputElement).value = String(json.version);
        callbacks.current.onVersion(json.version);
        savedChanges.current = seq;
        retryDelay.current = FIRST_RETRY_MS;
        setStatus(isDirty() ? { kind: "unsaved" } : { kind: "saved", at: json.savedAt });
        if (isDirty()) timer.current = setTimeout(save, AUTOSAVE_DELAY_MS);
      } else if (res.status === 409 && json?.conflict) {
        halted.current = true;
        setStatus({ kind: "conflict" });
        callbacks.current.onConflict(json.conflict);
      } else if (res.status === 400 && json?.errors) {
        const first = Object.values(json.errors as FieldErrors)[0] ?? "check the page for problems";
        setStatus({ kind: "failed", message: first, retryInSeconds: null });
        callbacks.current.onInvalid(json.errors);
      } else {
        failure = typeof json?.message === "string" ? json.message : res.status === 413 ? "the entry is too large" : "the server could not save it";
      }
    } catch {
      failure = "there is a problem with the connection";
    } finally {
      inFlight.current = false;
    }
    if (failure) {
      const delay = retryDelay.current;
      retryDelay.current = Math.min(delay * 2, MAX_RETRY_MS);
      setStatus({ kind: "failed", message: failure, retryInSeconds: Math.round(delay / 1000) });
      timer.current = setTimeout(save, delay);
    } else if (again.current) {
      again.current = false;
      void save();
    }
  }, [entryId, formRef]);

  const markChanged = useCallback(() => {
    changes.current += 1;
    if (halted.current) return;
    setStatus((s) => (s.kind === "saving" || s.kind === "failed" ? s : { kind: "unsaved" }));
    clearTimeout(timer.current);
    timer.current = setTimeout(save, AUTOSAVE_DELAY_MS);
  }, [save]);

  /** After a conflict: the person chose to keep their version over the newer one. */
  const keepMine = useCallback(
    (newerVersion: number) => {
      const form = formRef.current;
      if (!form) return;
      (form.elements.namedItem("version") as HTMLInputElement).value = String(newerVersion);
      callbacks.current.onVersion(newerVersion);
      halted.current = false;
      changes.current += 1;
      void save();
    },
    [formRef, save],
  );

  /** Resolves once no save is in flight, so a submit never races an autosave. */
  const whenIdle = useCallback(async () => {
    while (inFlight.current) await new Promise((resolve) => setTimeout(resolve, 50));
  }, []);

  const allowLeaving = useCallback(() => {
    leaving.current = true;
    clearTimeout(timer.current);
  }, []);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (isDirty() && !leaving.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      clearTimeout(timer.current);
    };
  }, []);

  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    isDirty() && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm("You have changes that have not been saved. Leave this page and lose them?")) blocker.proceed();
    else blocker.reset();
  }, [blocker]);

  return { status, markChanged, saveNow: save, keepMine, allowLeaving, isDirty, whenIdle };
}
