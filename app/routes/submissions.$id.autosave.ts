import type { ActionFunctionArgs } from "@remix-run/node";
import { requireOwnEntry } from "~/lib/entry-access.server";
import { saveEntryFromForm } from "~/lib/entry-save.server";
import { readForm } from "~/lib/form-data.server";

// The browser's autosave posts here and reads JSON, so a failed save can be
// reported and retried without leaving the page or touching what is on it.
export async function loader() {
  return Response.json({ status: "error", message: "Use POST to save." }, { status: 405 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  let access;
  try {
    access = await requireOwnEntry(request, params);
  } catch (thrown) {
    if (thrown instanceof Response) {
      const signedOut = thrown.status === 302;
      return Response.json(
        { status: "error", message: signedOut ? "you have been signed out. Sign in again in another tab, then keep going" : "this entry cannot be saved by you" },
        { status: signedOut ? 401 : thrown.status },
      );
    }
    throw thrown;
  }
  const outcome = await saveEntryFromForm(await readForm(request), access.user, access.entry.id, "save");
  switch (outcome.kind) {
    case "saved":
      return Response.json({ status: "saved", version: outcome.version, savedAt: outcome.savedAt });
    case "invalid":
      return Response.json({ status: "invalid", errors: outcome.errors }, { status: 400 });
    case "conflict":
      return Response.json({ status: "conflict", conflict: outcome.conflict }, { status: 409 });
    case "refused":
      return Response.json({ status: "error", message: outcome.message }, { status: outcome.status });
    case "submitted":
      throw new Error("autosave never submits");
  }
}
