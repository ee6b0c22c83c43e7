import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { keptList, keptText } from "~/components/admin/kept-values";
import { WarningChecks } from "~/components/admin/warning-checks";
import { ErrorSummary } from "~/components/form/error-summary";
import { Checkboxes, TextArea, TextInput } from "~/components/form/fields";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { SpeakerList } from "~/components/week/session-parts";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { formatUkDate, formatUkTimeRange } from "~/lib/uk-time";
import { parseWith, type FieldErrors } from "~/lib/validation";
import { recordAdminAction } from "~/models/admin-audit.server";
import { getEventSession, listEventSessionTagIds, updateEventSessionListing } from "~/models/event-session.server";
import { listTags } from "~/models/tag.server";
import { recordIdFrom } from "~/schemas/admin-common";
import { sessionListingSchema } from "~/schemas/admin-session";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.session.title ?? "Session"} - Administration - Neighbourhood policing practice bank` },
];

const ORDER = ["checkedWarnings", "title", "summary", "bookingUrl", "recordingUrl", "tagIds"] as const;
const ARRAY_FIELDS = ["tagIds", "checkedWarnings"] as const;

async function findSession(id: number) {
  const session = await getEventSession(getDb(), id);
  if (!session) throw new Response(null, { status: 404 });
  return session;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const session = await findSession(recordIdFrom(params.id));
  const tags = await listTags(getDb(), { activeOnly: true });
  return {
    session: {
      id: session.id,
      slug: session.slug,
      title: session.title,
      summary: session.summary,
      bookingUrl: session.bookingUrl ?? "",
      recordingUrl: session.recordingUrl ?? "",
      tagIds: session.tags.map((t) => String(t.id)),
      dataWarnings: session.dataWarnings,
      speakers: session.speakers,
      date: formatUkDate(session.startsAt),
      time: formatUkTimeRange(session.startsAt, session.endsAt),
    },
    tags: tags.map((t) => ({ value: String(t.id), label: t.label })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const existing = await findSession(recordIdFrom(params.id));
  const values = formToObject(await readForm(request), ARRAY_FIELDS);
  const submission = parseWith(sessionListingSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });

  const db = getDb();
  const input = submission.data;
  const activeTagIds = new Set((await listTags(db, { activeOnly: true })).map((t) => t.id));
  if (input.tagIds.some((id) => !activeTagIds.has(id))) {
    return data({ errors: { tagIds: "Choose topics from the list" } as FieldErrors, values }, { status: 400 });
  }
  // Retired tags are not offered as checkboxes; keep their links so that
  // showing such a tag again brings it back on this session.
  const retired = (await listEventSessionTagIds(db, existing.id)).filter((t) => !t.active).map((t) => t.id);
  const remainingWarnings = existing.dataWarnings.filter((w) => !input.checkedWarnings.includes(w));

  await updateEventSessionListing(db, existing.id, {
    title: input.title,
    summary: input.summary,
    bookingUrl: input.bookingUrl,
    recordingUrl: input.recordingUrl,
    tagIds: [...new Set([...input.tagIds, ...retired])],
    dataWarnings: remainingWarnings,
  });

  const oldTagIds = existing.tags.map((t) => t.id).sort().join(",");
  const cleared = existing.dataWarnings.length - remainingWarnings.length;
  const changes = [
    input.title !== existing.title ? `title (was ${existing.title})` : null,
    input.summary !== existing.summary ? "summary" : null,
    input.bookingUrl !== existing.bookingUrl ? "booking link" : null,
    input.recordingUrl !== existing.recordingUrl ? `recording link: ${input.recordingUrl ?? "removed"}` : null,
    [...input.tagIds].sort().join(",") !== oldTagIds ? "tags" : null,
    cleared ? `cleared ${cleared} data ${cleared === 1 ? "warning" : "warnings"}` : null,
  ].filter(Boolean);
  await recordAdminAction(db, admin.id, "updated session listing", input.title, changes.join("; ") || "no changes");
  return redirect(`/admin/sessions?saved=${existing.id}`);
}

export default function EditSessionRoute() {
  const { session } = useLoaderData<typeof loader>();
  // A fresh form for each session: fields only read their defaults once.
  return <EditSession key={session.id} />;
}

function EditSession() {
  const { session, tags } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sent = actionData?.values;
  const defaults = {
    title: keptText(sent, "title", session.title),
    summary: keptText(sent, "summary", session.summary),
    bookingUrl: keptText(sent, "bookingUrl", session.bookingUrl),
    recordingUrl: keptText(sent, "recordingUrl", session.recordingUrl),
    tagIds: keptList(sent, "tagIds", session.tagIds),
    checkedWarnings: keptList(sent, "checkedWarnings", []),
  };
  const { register, errors, onSubmit } = useSchemaForm(sessionListingSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <AdminBreadcrumbs items={[{ to: "/admin/sessions", label: "Week of Action sessions" }]} />
        <ErrorSummary errors={errors} order={ORDER} />
        <span className="govuk-caption-l">Edit session listing</span>
        <h1 className="govuk-heading-xl">{session.title}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Date</dt>
            <dd className="govuk-summary-list__value">{session.date}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Time (UK time)</dt>
            <dd className="govuk-summary-list__value">{session.time}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Speakers</dt>
            <dd className="govuk-summary-list__value">
              <SpeakerList speakers={session.speakers} />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Public page</dt>
            <dd className="govuk-summary-list__value">
              <Link className="govuk-link" to={`/week-of-action/${session.slug}`}>
                /week-of-action/{session.slug}
              </Link>
            </dd>
          </div>
        </dl>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <WarningChecks
            name="checkedWarnings"
            warnings={session.dataWarnings}
            checked={defaults.checkedWarnings}
            error={errors.checkedWarnings}
            registration={register("checkedWarnings")}
          />
          <TextInput
            name="title"
            label="Title"
            autoComplete="off"
            defaultValue={defaults.title}
            error={errors.title}
            registration={register("title")}
          />
          <TextArea
            name="summary"
            label="Summary (optional)"
            hint="One or two sentences on what the talk covers."
            rows={4}
            defaultValue={defaults.summary}
            error={errors.summary}
            registration={register("summary")}
          />
          <TextInput
            name="bookingUrl"
            label="Booking link (optional)"
            hint="The full web address, starting https://"
            type="url"
            autoComplete="off"
            spellCheck={false}
            defaultValue={defaults.bookingUrl}
            error={errors.bookingUrl}
            registration={register("bookingUrl")}
          />
          <TextInput
            name="recordingUrl"
            label="Recording link (optional)"
            hint="Add this once the recording is published. The full web address, starting https://"
            type="url"
            autoComplete="off"
            spellCheck={false}
            defaultValue={defaults.recordingUrl}
            error={errors.recordingUrl}
            registration={register("recordingUrl")}
          />
          <Checkboxes
            name="tagIds"
            label="Topics"
            legendClass="govuk-fieldset__legend govuk-fieldset__legend--m"
            hint="Select all that apply. Only tags that are shown are listed."
            small
            options={tags}
            defaultValue={defaults.tagIds}
            error={errors.tagIds}
            registration={register("tagIds")}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === "submitting"}>
            Save listing
          </button>
        </Form>
      </div>
    </div>
  );
}
