import { describe, expect, it } from "vitest";
import type { EntryStatus, Role } from "../../db/schema";
import { availableActions, canEdit, transition, WORKFLOW, type Actor, type WorkflowAction } from "../../app/lib/workflow";

const STATUSES: EntryStatus[] = ["draft", "in_review", "changes_requested", "published", "rejected", "withdrawn", "archived"];
const ACTORS: Record<string, Actor> = {
  "own lead": { role: "force_lead", ownsEntry: true },
  "other lead": { role: "force_lead", ownsEntry: false },
  reviewer: { role: "reviewer", ownsEntry: false },
  admin: { role: "admin", ownsEntry: false },
};

// The whole table, written out by hand: every state x action x role that is allowed.
const ALLOWED: Record<string, EntryStatus> = {
  "draft|submit|own lead": "in_review",
  "changes_requested|submit|own lead": "in_review",
  "withdrawn|submit|own lead": "in_review",
  "in_review|withdraw|own lead": "withdrawn",
  "in_review|request_changes|reviewer": "changes_requested",
  "in_review|reject|reviewer": "rejected",
  "in_review|publish|reviewer": "published",
  "published|archive|reviewer": "archived",
  "published|start_update|own lead": "draft",
};

describe("workflow", () => {
  for (const from of STATUSES) {
    for (const action of Object.keys(WORKFLOW) as WorkflowAction[]) {
      for (const [who, actor] of Object.entries(ACTORS)) {
        const key = `${from}|${action}|${who}`;
        it(`${ALLOWED[key] ? "allows" : "refuses"} ${action} from ${from} by ${who}`, () => {
          const result = transition(from, action, actor);
          if (ALLOWED[key]) {
            expect(result).toEqual({ ok: true, to: ALLOWED[key] });
          } else {
            expect(result.ok).toBe(false);
            // Refused because of who they are (403) unless the role could do it from another state (409).
            const roleCanEver = STATUSES.some((s) => ALLOWED[`${s}|${action}|${who}`]);
            expect(result).toMatchObject({ reason: roleCanEver ? "invalid_state" : "forbidden" });
          }
        });
      }
    }
  }

  it("refuses the notorious shortcuts", () => {
    expect(transition("draft", "publish", ACTORS.reviewer)).toMatchObject({ ok: false, reason: "invalid_state" });
    expect(transition("rejected", "publish", ACTORS.reviewer)).toMatchObject({ ok: false, reason: "invalid_state" });
    expect(transition("in_review", "publish", ACTORS["own lead"])).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("lets only the entry's own leads edit, and only while it is with them", () => {
    const editable = STATUSES.filter((s) => canEdit(s, ACTORS["own lead"]));
    expect(editable).toEqual(["draft", "changes_requested", "withdrawn"]);
    for (const who of ["other lead", "reviewer", "admin"]) {
      expect(STATUSES.some((s) => canEdit(s, ACTORS[who]))).toBe(false);
    }
  });

  it("lists the moves a person can make", () => {
    expect(availableActions("in_review", ACTORS.reviewer)).toEqual(["request_changes", "reject", "publish"]);
    expect(availableActions("in_review", ACTORS["own lead"])).toEqual(["withdraw"]);
    expect(availableActions("rejected", ACTORS.reviewer)).toEqual([]);
    const roles: Role[] = ["force_lead", "reviewer", "admin"];
    expect(roles.map((role) => availableActions("archived", { role, ownsEntry: true }))).toEqual([[], [], []]);
  });
});
