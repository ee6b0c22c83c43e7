import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { SuccessBanner } from "~/components/admin/success-banner";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { TextArea } from "~/components/form/fields";
import { ErrorSummary } from "~/components/form/error-summary";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { StatusTag } from "~/components/practice/status-tag";
import { CommentGroups } from "~/components/timeline/comment-groups";
import { commentGroups } from "~/components/timeline/comments-view";
import { Timeline } from "~/components/timeline/timeline";
import { timelineView } from "~/components/timeline/timeline-view";
import { getDb } from "~/db.server";
import { requireOwnEntry } from "~/lib/entry-access.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { formatUkDateTime } from "~/lib/uk-time";
import { parseWith, type FieldErrors } from "~/lib/validation";
import { availableActions, canEdit, entryState, reviewIsOpen, type Actor } from "~/lib/workflow";
import { addComment, applyTransition, type ActingUser } from "~/models/entry-workflow.server";
import { isUnsubmittedDraft } from "~/models/draft-deletion.server";
import { listComments, listTimeline } from "~/models/review.server";
import { leadActionSchema, leadCommentSchema } from "~/schemas/lead-actions";
import { WarningText } from "~/components/warning-text";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title || "Entry"} - Neighbourhood policing practice bank` },
];

// The page a force lead sees for one of their organisation's entries: where
// it is in review, what the practice team said, and the moves open to them.
// Every move is checked again on the server (applyTransition) against the
// entry's state and the state_version this page was showing.

const LEAD: Actor = { role: "force_lead", ownsEntry: true };

/** Why the entry is where it is, when a reviewer put it there. */
const DECISIONS = {
  changes_requested: { action: "request_changes", heading: (by: string) => `${by} asked for changes` },
  rejected: { action: "reject", heading: (by: string) => `${by} did not accept this entry` },
  archived: { action: "archive", heading: (by: string) => `${by} took this entry down` },
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await requireOwnEntry(request, params);
  const db = getDb();
  const [events, comments] = await Promise.all([listTimeline(db, entry.id), listComments(db, entry.id)]);

  const decisionRule = entry.status in DECISIONS ? DECISIONS[entry.status as keyof typeof DECISIONS] : null;
  const decisionEvent = decisionRule ? events.filter((e) => e.action === decisionRule.action).at(-1) : undefined;
  const live = entry.publishedRevisionId !== null && entry.status !== "archived" && entry.slug !== null;
  const params_ = new URL(request.url).searchParams;
  const done = params_.get("done");

  return {
    id: entry.id,
    title: entry.revision.title,
    status: entry.status,
    stateVersion: entry.stateVersion,
    organisationName: entry.organisationName,
    editable: canEdit(entry.status, LEAD),
    deletable: isUnsubmittedDraft(entry),
    actions: availableActions(entryState(entry.status, entry.publishedRevisionId), LEAD),
    lastSaved: `${formatUkDateTime(entry.revision.updatedAt)} by ${entry.revision.updatedByName}`,
    submittedAt: entry.submittedAt ? formatUkDateTime(entry.submittedAt) : null,
    /** The public address of the live version, while there is one. */
    publicPath: live ? `/practice/${entry.slug}` : null,
    /** An update to a published entry is being drafted or reviewed; the published version stays live. */
    updatingLive: live && entry.status !== "published" && entry.status !== "rejected",
    decision:
      decisionRule && decisionEvent
        ? {
            heading: decisionRule.heading(decisionEvent.actorName),
            when: formatUkDateTime(decisionEvent.createdAt),
            message: decisionEvent.reason,
          }
        : null,
    commentGroups: commentGroups(comments),
    commentCount: comments.length,
    /** Comments belong to an open review (the model refuses them otherwise). */
    commentsOpen: reviewIsOpen(entry.status),
    timeline: timelineView(events),
    justSubmitted: params_.get("submitted") === "1",
    done: done === "withdrawn" || done === "commented" ? done : null,
  };
}

type ActionResult = { errors: FieldErrors; values: { body: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, entry } = await requireOwnEntry(request, params);
  const values = formToObject(await readForm(request));
  const body = typeof values.body === "string" ? values.body : "";
  const parsed = parseWith(leadActionSchema, values);
  if (!parsed.ok) {
    // Only the comment has a field to point at; anything else is a problem with the page itself.
    const errors: FieldErrors = parsed.errors.body ? { body: parsed.errors.body } : { form: Object.values(parsed.errors)[0] };
    return data<ActionResult>({ errors, values: { body } }, { status: 400 });
  }
  const db = getDb();
  const actor: ActingUser = { id: user.id, name: user.name, role: user.role, organisationId: user.organisationId };
  const move = parsed.data;

  if (move.intent === "comment") {
    const added = await addComment(db, entry.id, actor, move.body, null);
    if (!added.ok && added.status === 404) throw new Response(null, { status: 404 });
    if (!added.ok) return data<ActionResult>({ errors: { form: added.message }, values: { body } }, { status: added.status });
    return redirect(`/submissions/${entry.id}?done=commented`);
  }

  const outcome = await applyTransition(db, { entryId: entry.id, action: move.intent, actor, expectedStateVersion: move.stateVersion });
  if (!outcome.ok) {
    if (outcome.status === 404) throw new Response(null, { status: 404 });
    return data<ActionResult>({ errors: { form: outcome.message }, values: { body } }, { status: outcome.status });
  }
  // A new working copy of the published version: straight to editing it.
  if (move.intent === "start_update") return redirect(`/submissions/${entry.id}/edit`);
  return redirect(`/submissions/${entry.id}?done=withdrawn`);
}

export default function EntryOverview() {
  const e = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const comment = useSchemaForm(leadCommentSchema, { defaultValues: { body: actionData?.values.body ?? "" }, serverErrors: actionData?.errors });
  // Once a comment has been added the box is emptied for the next one.
  const { reset } = comment.form;
  const seenComments = useRef(e.commentCount);
  useEffect(() => {
    if (seenComments.current === e.commentCount) return;
    seenComments.current = e.commentCount;
    reset({ body: "" });
  }, [e.commentCount, reset]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={comment.errors} order={["form", "body"]} />
        {e.done === "withdrawn" && !actionData ? (
          <SuccessBanner>This entry has been withdrawn from review. You can change it and submit it again.</SuccessBanner>
        ) : null}
        {e.done === "commented" && !actionData ? <SuccessBanner>Your comment has been added.</SuccessBanner> : null}
        {e.justSubmitted ? (
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Entry submitted for review</h1>
            <div className="govuk-panel__body">The College&apos;s practice team will review it.</div>
          </div>
        ) : null}
        {e.decision ? (
          <NotificationBanner id="decision" heading={`${e.decision.heading} on ${e.decision.when}`} testId="reviewer-decision">
            {e.decision.message ? <p className="govuk-body app-prewrap">{e.decision.message}</p> : null}
            {e.status === "changes_requested" ? (
              <p className="govuk-body">
                Make the changes, then submit the entry again.
                {e.commentCount ? (
                  <>
                    {" "}
                    <a className="govuk-notification-banner__link" href="#comments-heading">
                      See the comments on each section
                    </a>
                    .
                  </>
                ) : null}
              </p>
            ) : null}
            {e.status === "rejected" ? (
              <p className="govuk-body">
                {e.actions.includes("start_update")
                  ? "This update cannot be submitted again. The published version stays live, and you can start a new update from it."
                  : "This entry cannot be submitted again."}
              </p>
            ) : null}
          </NotificationBanner>
        ) : null}

        <span className="govuk-caption-l">{e.organisationName}</span>
        {e.justSubmitted ? (
          <h2 className="govuk-heading-l">{e.title || "Untitled draft"}</h2>
        ) : (
          <h1 className="govuk-heading-xl">{e.title || "Untitled draft"}</h1>
        )}
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">
              <StatusTag status={e.status} />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Last saved</dt>
            <dd className="govuk-summary-list__value">{e.lastSaved}</dd>
          </div>
          {e.submittedAt ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Submitted</dt>
              <dd className="govuk-summary-list__value">{e.submittedAt}</dd>
            </div>
          ) : null}
          {e.publicPath ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Published version</dt>
              <dd className="govuk-summary-list__value">
                <Link className="govuk-link" to={e.publicPath}>
                  View it on the practice bank
                </Link>
              </dd>
            </div>
          ) : null}
        </dl>

        {e.updatingLive ? (
          <div className="govuk-inset-text" data-testid="update-in-progress">
            This is an update to a published entry. The published version stays on the practice bank, unchanged, until the
            practice team publishes this update.
          </div>
        ) : null}

        <div className="govuk-button-group">
          {e.editable ? (
            <Link className="govuk-button" data-module="govuk-button" to={`/submissions/${e.id}/edit`}>
              Continue editing
            </Link>
          ) : null}
          <Link className="govuk-link" to={`/submissions/${e.id}/preview`}>
            Preview
          </Link>
          <Link className="govuk-link" to="/submissions">
            All your organisation&apos;s entries
          </Link>
        </div>
        {e.deletable ? (
          <p className="govuk-body govuk-!-margin-bottom-8">
            <Link className="govuk-link" to={`/submissions/${e.id}/delete`}>
              Delete this draft
            </Link>
          </p>
        ) : null}

        {e.actions.includes("start_update") ? (
          <section aria-labelledby="update-heading" className="govuk-!-margin-bottom-8">
            <h2 className="govuk-heading-m" id="update-heading">
              Update this entry
            </h2>
            <p className="govuk-body">
              {e.status === "rejected"
                ? "You can start a new update from the published version. The update that was not accepted stays in the history. "
                : "You can change a published entry. "}
              Your changes are a new draft that goes through review again. The published version stays live until the
              practice team publishes your update.
            </p>
            <Form method="post">
              <input type="hidden" name="stateVersion" value={e.stateVersion} />
              <button type="submit" name="intent" value="start_update" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={busy}>
                Update this entry
              </button>
            </Form>
          </section>
        ) : null}

        {e.actions.includes("withdraw") ? (
          <section aria-labelledby="withdraw-heading" className="govuk-!-margin-bottom-8">
            <h2 className="govuk-heading-m" id="withdraw-heading">
              Withdraw from review
            </h2>
            <WarningText>
              If you withdraw this entry, the practice team will stop reviewing it. You can then change it and submit it
              again, when it joins the back of the review queue.
            </WarningText>
            <Form method="post">
              <input type="hidden" name="stateVersion" value={e.stateVersion} />
              <button type="submit" name="intent" value="withdraw" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={busy}>
                Withdraw from review
              </button>
            </Form>
          </section>
        ) : null}

        <CommentGroups
          groups={e.commentGroups}
          heading="Comments"
          empty={e.submittedAt ? "The practice team has not commented on this entry." : "Comments from the practice team will appear here once you submit the entry."}
        />
        {e.commentsOpen ? (
          <Form method="post" noValidate onSubmit={comment.onSubmit} className="govuk-!-margin-bottom-8">
            <input type="hidden" name="intent" value="comment" />
            <TextArea
              name="body"
              label="Add a comment for the practice team"
              labelClass="govuk-label govuk-label--s"
              hint="For example, to answer a question or explain a change. The practice team sees it with the entry."
              defaultValue={actionData?.values.body ?? ""}
              error={comment.errors.body}
              registration={comment.register("body")}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={busy}>
              Add comment
            </button>
          </Form>
        ) : null}

        <Timeline events={e.timeline} />
      </div>
    </div>
  );
}
