import { describe, expect, it } from "vitest";
import type { EntryStatus, Role } from "../../db/schema";
import { availableActions, canEdit, entryState, transition, WORKFLOW, type Actor, type WorkflowAction } from "../../app/lib/workflow";

const STATUSES: EntryStatus[] = ["draft", "in_review", "changes_requested", "published", "rejected", "withdrawn", "archived"];
const ACTORS: Record<string, Actor> = {
  "own lead": { role: "force_lead", ownsEntry: true },
  "other lead": { role: "force_lead", ownsEntry: false },
  reviewer: { role: "reviewer", ownsEntry: false },
  admin: { role: "admin", ownsEntry: false },
};
const LIVE = { live: true, "not live": false } as const;

const NOT_LIVE = (status: EntryStatus) => ({ status, hasLiveVersion: false });
const WITH_LIVE = (status: EntryStatus) => ({ status, hasLiveVersion: true });

// The whole table, written out by hand: every state x action x role x live
// version that is allowed. "live" means a published version is on the site.
const ALLOWED: Record<string, EntryStatus> = {
  "draft|submit|own lead|not live": "in_review",
  "draft|submit|own lead|live": "in_review",
  "changes_requested|submit|own lead|not live": "in_review",
  "changes_requested|submit|own lead|live": "in_review",
  "withdrawn|submit|own lead|not live": "in_review",
  "withdrawn|submit|own lead|live": "in_review",
  "in_review|withdraw|own lead|not live": "withdrawn",
  "in_review|withdraw|own lead|live": "withdrawn",
  "in_review|request_changes|reviewer|not live": "changes_requested",
  "in_review|request_changes|reviewer|live": "changes_requested",
  "in_review|reject|reviewer|not live": "rejected",
  "in_review|reject|reviewer|live": "rejected",
  "in_review|publish|reviewer|not live": "published",
  "in_review|publish|reviewer|live": "published",
  // Taking down is about the live version, whatever state an update to it is in.
  "published|archive|reviewer|live": "archived",
  "draft|archive|reviewer|live": "archived",
  "in_review|archive|reviewer|live": "archived",
  "changes_requested|archive|reviewer|live": "archived",
  "withdrawn|archive|reviewer|live": "archived",
  "rejected|archive|reviewer|live": "archived",
  // An update starts from the live version, including after an update was rejected.
  "published|start_update|own lead|live": "draft",
  "rejected|start_update|own lead|live": "draft",
};

describe("workflow", () => {
  for (const from of STATUSES) {
    for (const action of Object.keys(WORKFLOW) as WorkflowAction[]) {
      for (const [who, actor] of Object.entries(ACTORS)) {
        for (const [live, hasLiveVersion] of Object.entries(LIVE)) {
          const key = `${from}|${action}|${who}|${live}`;
          it(`${ALLOWED[key] ? "allows" : "refuses"} ${action} from ${from} (${live}) by ${who}`, () => {
            const result = transition({ status: from, hasLiveVersion }, action, actor);
            if (ALLOWED[key]) {
              expect(result).toEqual({ ok: true, to: ALLOWED[key] });
            } else {
              expect(result.ok).toBe(false);
              // Refused because of who they are (403) unless the role could do it from another state (409).
              const roleCanEver = Object.keys(ALLOWED).some((k) => k.split("|")[1] === action && k.split("|")[2] === who);
              expect(result).toMatchObject({ reason: roleCanEver ? "invalid_state" : "forbidden" });
              expect(result.ok === false && result.message).toMatch(/\.$/);
            }
          });
        }
      }
    }
  }

  it("counts a version as live only while it is published and not taken down", () => {
    expect(entryState("draft", null)).toEqual({ status: "draft", hasLiveVersion: false });
    expect(entryState("in_review", 7)).toEqual({ status: "in_review", hasLiveVersion: true });
    expect(entryState("rejected", 7)).toEqual({ status: "rejected", hasLiveVersion: true });
    expect(entryState("archived", 7)).toEqual({ status: "archived", hasLiveVersion: false });
  });

  it("refuses the notorious shortcuts", () => {
    expect(transition(NOT_LIVE("draft"), "publish", ACTORS.reviewer)).toMatchObject({ ok: false, reason: "invalid_state" });
    expect(transition(NOT_LIVE("rejected"), "publish", ACTORS.reviewer)).toMatchObject({ ok: false, reason: "invalid_state" });
    expect(transition(WITH_LIVE("rejected"), "publish", ACTORS.reviewer)).toMatchObject({ ok: false, reason: "invalid_state" });
    expect(transition(NOT_LIVE("in_review"), "publish", ACTORS["own lead"])).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("explains that there is nothing live to take down or update", () => {
    expect(transition(NOT_LIVE("in_review"), "archive", ACTORS.reviewer)).toMatchObject({
      ok: false,
      reason: "invalid_state",
      message: expect.stringContaining("no published version"),
    });
    expect(transition(NOT_LIVE("rejected"), "start_update", ACTORS["own lead"])).toMatchObject({
      ok: false,
      message: expect.stringContaining("no published version"),
    });
  });

  it("lets only the entry's own leads edit, and only while it is with them", () => {
    const editable = STATUSES.filter((s) => canEdit(s, ACTORS["own lead"]));
    expect(editable).toEqual(["draft", "changes_requested", "withdrawn"]);
    for (const who of ["other lead", "reviewer", "admin"]) {
      expect(STATUSES.some((s) => canEdit(s, ACTORS[who]))).toBe(false);
    }
  });

  it("lists the moves a person can make", () => {
    expect(availableActions(NOT_LIVE("in_review"), ACTORS.reviewer)).toEqual(["request_changes", "reject", "publish"]);
    expect(availableActions(WITH_LIVE("in_review"), ACTORS.reviewer)).toEqual(["request_changes", "reject", "publish", "archive"]);
    expect(availableActions(NOT_LIVE("in_review"), ACTORS["own lead"])).toEqual(["withdraw"]);
    expect(availableActions(NOT_LIVE("rejected"), ACTORS.reviewer)).toEqual([]);
    expect(availableActions(WITH_LIVE("rejected"), ACTORS.reviewer)).toEqual(["archive"]);
    expect(availableActions(NOT_LIVE("rejected"), ACTORS["own lead"])).toEqual([]);
    expect(availableActions(WITH_LIVE("rejected"), ACTORS["own lead"])).toEqual(["start_update"]);
    expect(availableActions(WITH_LIVE("draft"), ACTORS["own lead"])).toEqual(["submit"]);
    const roles: Role[] = ["force_lead", "reviewer", "admin"];
    expect(roles.map((role) => availableActions(entryState("archived", 3), { role, ownsEntry: true }))).toEqual([[], [], []]);
  });
});
