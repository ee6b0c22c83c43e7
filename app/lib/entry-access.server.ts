import type { Params } from "@remix-run/react";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { getEntryForOrganisation } from "~/models/practice.server";

export function parseId(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw new Response(null, { status: 404 });
  return Number(raw);
}

/**
 * The signed-in force lead and an entry of their own organisation. Any other
 * entry is a 404, not a 403, so ids reveal nothing about other forces' work.
 */
export async function requireOwnEntry(request: Request, params: Params) {
  const user = await requireRole(request, "force_lead");
  const entry = await getEntryForOrganisation(getDb(), parseId(params.id), user.organisationId!);
  if (!entry) throw new Response(null, { status: 404 });
  return { user, entry };
}
