import { z } from "zod";
import type { OrganisationKind } from "../../db/schema";
import { checkbox, requiredText } from "./fields";

// The same keys as ORGANISATION_KINDS (a server module, so not importable in
// the browser). The check below stops this list drifting from the database type.
export const ORGANISATION_KIND_VALUES = [
  "territorial_force",
  "special_force",
  "regional_unit",
  "national_unit",
  "partner",
] as const satisfies readonly OrganisationKind[];
type MissingKind = Exclude<OrganisationKind, (typeof ORGANISATION_KIND_VALUES)[number]>;
const allKindsListed: [MissingKind] extends [never] ? true : MissingKind = true;
void allKindsListed;

export const organisationSchema = z.object({
  name: requiredText("Enter the organisation's name", 120, "Name must be 120 characters or fewer").refine(
    (v) => /[\p{L}\p{N}]/u.test(v),
    "The name must include at least one letter or number",
  ),
  kind: z.enum(ORGANISATION_KIND_VALUES, { error: "Choose what kind of organisation it is" }),
  region: requiredText("Enter the region", 60, "Region must be 60 characters or fewer"),
  active: checkbox,
});

export type OrganisationValues = z.infer<typeof organisationSchema>;
