import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useState } from "react";
import { SuccessBanner } from "~/components/admin/success-banner";
import { ErrorSummary } from "~/components/form/error-summary";
import { StatusTag } from "~/components/practice/status-tag";
import { CommentList, Timeline } from "~/components/review/history";
import { ReviewParts } from "~/components/review/review-parts";
import {
  AssignForm,
  ClaimForm,
  CommentForm,
  PublishForm,
  RejectForm,
  RequestChangesForm,
  TakeDownForm,
} from "~/components/review/review-forms";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { parseId } from "~/lib/entry-access.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { EVIDENCE_LABELS, labelOf, RICH_TEXT_SECTIONS } from "~/lib/practice-options";
import { reviewParts, type TagNames } from "~/lib/review-parts.server";
import { formatUkDateTime } from "~/lib/uk-time";
import type { FieldErrors } from "~/lib/validation";
import { parseWith } from "~/lib/validation";
import { availableActions, entryState, reviewIsOpen, STATUS_LABELS, type WorkflowAction } from "~/lib/workflow";
import { actorFor, addComment, applyTransition, assignEntry, claimEntry } from "~/models/entry-workflow.server";
import { unknownTagIds } from "~/models/practice.server";
import { getReviewEntry, listComments, listReviewers, listTimeline, type TimelineItem } from "~/models/review.server";
import { listTags } from "~/models/tag.server";
import {
  DONE_MESSAGES,
  isReviewIntent,
  REVIEW_ARRAY_FIELDS,
  REVIEW_FIELD_ORDER,
  reviewActionSchema,
  type ReviewIntent,
} from "~/schemas/review-actions";
import type { EntryStatus } from "../../db/schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ? `Review: ${data.title}` : "Review entry"} - Neighbourhood policing practice bank` },
];

// After "someone else acted first" (409) the page reloads its data, so the
// person sees the entry as it now is, not as it was.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

const TIMELINE_LABELS: Record<string, string> = {
  create: "Started",
  submit: "Submitted for review",
  withdraw: "Withdrawn from review",
  request_changes: "Changes requested",
  reject: "Rejected",
  publish: "Approved and published",
  archive: "Taken down",
  start_update: "Update started",
  assign: "Assigned",
  comment: "Commented",
};

const SECTION_LABELS: Record<string, string> = Object.fromEntries(RICH_TEXT_SECTIONS.map((s) => [s.key, s.label]));

function timelineEntry(item: TimelineItem) {
  const change =
    item.fromStatus && item.toStatus && item.fromStatus !== item.toStatus
      ? `${STATUS_LABELS[item.fromStatus]} to ${STATUS_LABELS[item.toStatus]}`
      : null;
  return {
    id: item.id,
    label: TIMELINE_LABELS[item.action] ?? item.action.replace(/_/g, " "),
    actor: item.actorName,
    at: formatUkDateTime(item.createdAt),
    change,
    // A comment's text is listed under Comments; assignments say who took the entry.
    reason: item.action === "comment" ? null : item.reason,
  };
}

const DECISIONS: readonly WorkflowAction[] = ["request_changes", "reject", "publish", "archive"];

/** Why there is no decision on the submission itself (taking down a live version may still be open). */
function waitingNote(status: EntryStatus, actions: WorkflowAction[]): string | null {
  if (actions.includes("publish") || status === "published") return null;
  if (status === "changes_requested" || status === "draft" || status === "withdrawn") {
    return "The entry is with the force. You can decide once they send it back for review.";
  }
  const live = actions.includes("archive") ? " The published version is still live." : "";
  return `This entry is ${STATUS_LABELS[status].toLowerCase()}. There is nothing to decide.${live}`;
}

async function findEntry(id: number) {
  const entry = await getReviewEntry(getDb(), id);
  // Drafts never submitted, and ids that do not exist, are not the reviewers' to see.
  if (!entry || !entry.underReview) throw new Response(null, { status: 404 });
  return { ...entry, underReview: entry.underReview };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "reviewer");
  const entry = await findEntry(parseId(params.id));
  const db = getDb();
  const [allTags, reviewers, comments, timeline] = await Promise.all([
    listTags(db),
    listReviewers(db),
    listComments(db, entry.id),
    listTimeline(db, entry.id),
  ]);
  const names: TagNames = new Map(allTags.map((t) => [t.id, { slug: t.slug, label: t.label }]));
  const actions = availableActions(entryState(entry.status, entry.publishedRevisionId), actorFor(user, entry.organisationId)).filter((a) => DECISIONS.includes(a));
  const done = new URL(request.url).searchParams.get("done");
  const current = entry.underReview;
  // Topics a reviewer can choose: the active ones (a retired tag is never shown on a published entry).
  const activeTags = allTags.filter((t) => t.active === 1);
  const tagOptions = activeTags.map((t) => ({ value: String(t.id), label: t.label }));
  return {
    id: entry.id,
    title: current.title,
    status: entry.status,
    stateVersion: entry.stateVersion,
    organisationName: entry.organisationName,
    region: entry.region,
    slug: entry.slug,
    evidenceLabel: entry.evidenceLabel ? labelOf(EVIDENCE_LABELS, entry.evidenceLabel) : null,
    submitted: entry.submittedAt ? formatUkDateTime(entry.submittedAt) : null,
    submissionNumber: current.number,
    previousNumber: entry.previousSubmission?.number ?? null,
    previousIsPublished: entry.previousIsPublished,
    isUpdate: entry.published !== null,
    assigned: entry.assignedReviewerId
      ? { id: entry.assignedReviewerId, name: entry.assignedReviewerName ?? "", isMe: entry.assignedReviewerId === user.id }
      : null,
    /** Assignment and comments belong to an open review (the model refuses them otherwise). */
    reviewOpen: reviewIsOpen(entry.status),
    reviewers: reviewers.map((r) => ({ value: String(r.id), label: r.id === user.id ? `${r.name} (you)` : r.name })),
    // When the last submission is the published version, one comparison says it all.
    parts: reviewParts(current, entry.previousIsPublished ? null : entry.previousSubmission, entry.published, entry.organisationName, names),
    comments: comments.map((c) => ({
      id: c.id,
      body: c.body,
      about: c.section_key ? (SECTION_LABELS[c.section_key] ?? c.section_key) : "the entry as a whole",
      author: c.author_name,
      at: formatUkDateTime(c.created_at),
    })),
    timeline: timeline.map(timelineEntry),
    actions,
    waitingNote: waitingNote(entry.status, actions),
    tagOptions,
    publishDefaults: {
      tagIds: current.tagIds.filter((id) => activeTags.some((t) => t.id === id)).map(String),
      evidenceLabel: entry.evidenceLabel ?? "",
    },
    done: isReviewIntent(done) ? done : null,
  };
}

/** The 409 message: someone else moved the entry first, and what they did. */
async function whatHappened(entryId: number) {
  const db = getDb();
  const [now, timeline] = await Promise.all([getReviewEntry(db, entryId), listTimeline(db, entryId)]);
  const last = [...timeline].reverse().find((e) => e.fromStatus !== e.toStatus);
  const latest = last ? ` Latest change: ${timelineEntry(last).label.toLowerCase()} by ${last.actorName} on ${formatUkDateTime(last.createdAt)}.` : "";
  const status = now ? ` The entry is now ${STATUS_LABELS[now.status].toLowerCase()}.` : "";
  return `Someone else acted on this entry while you had it open, so your decision was not saved.${latest}${status}`;
}

type ActionData = { intent: ReviewIntent | null; errors: FieldErrors; values: Record<string, unknown> };

function refused(intent: ReviewIntent | null, status: 400 | 409, errors: FieldErrors, values: Record<string, unknown>) {
  return data<ActionData>({ intent, errors, values }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "reviewer");
  const entry = await findEntry(parseId(params.id));
  const values = formToObject(await readForm(request), REVIEW_ARRAY_FIELDS);
  const intent = isReviewIntent(values.intent) ? values.intent : null;
  if (!intent) return refused(null, 400, { form: "This form could not be read. Reload the page and try again." }, {});
  const submission = parseWith(reviewActionSchema, values);
  if (!submission.ok) return refused(intent, 400, submission.errors, values);
  const input = submission.data;
  const db = getDb();
  const done = () => redirect(`/review/${entry.id}?done=${input.intent}`);

  switch (input.intent) {
    case "claim":
    case "assign": {
      // The model checks the state and who has the entry in the same UPDATE that assigns it.
      const outcome =
        input.intent === "claim"
          ? await claimEntry(db, entry.id, user)
          : await assignEntry(db, entry.id, user, input.reviewerId, entry.assignedReviewerId);
      if (!outcome.ok) {
        if (outcome.status === 400) return refused(intent, 400, { reviewerId: outcome.message }, values);
        if (outcome.status === 409) return refused(intent, 409, { form: outcome.message }, values);
        throw new Response(outcome.message, { status: outcome.status });
      }
      return done();
    }
    case "comment": {
      const outcome = await addComment(db, entry.id, user, input.comment, input.sectionKey);
      if (!outcome.ok) {
        if (outcome.status === 409) return refused(intent, 409, { form: outcome.message }, values);
        throw new Response(outcome.message, { status: outcome.status });
      }
      return done();
    }
    case "publish": {
      if ((await unknownTagIds(db, input.tagIds)).length) return refused(intent, 400, { tagIds: "Choose topics from the list" }, values);
      break;
    }
  }

  const reason =
    input.intent === "request_changes" ? input.message : input.intent === "reject" ? input.rejectReason : input.intent === "archive" ? input.takeDownReason : undefined;
  const outcome = await applyTransition(db, {
    entryId: entry.id,
    action: input.intent,
    actor: user,
    expectedStateVersion: input.stateVersion,
    reason,
    evidenceLabel: input.intent === "publish" ? input.evidenceLabel : undefined,
    tagIds: input.intent === "publish" ? input.tagIds : undefined,
  });
  if (!outcome.ok) {
    if (outcome.status === 409) return refused(intent, 409, { form: await whatHappened(entry.id) }, values);
    throw new Response(outcome.status === 403 ? outcome.message : null, { status: outcome.status });
  }
  return done();
}

export default function ReviewEntry() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";

  // One error summary for the page, listing the errors of the form used last.
  const [summary, setSummary] = useState<{ intent: ReviewIntent | null; errors: FieldErrors }>(() => ({
    intent: actionData?.intent ?? null,
    errors: actionData?.errors ?? {},
  }));
  const onErrors = useCallback((intent: ReviewIntent, errors: FieldErrors) => {
    setSummary((prev) => {
      const empty = Object.keys(errors).length === 0;
      if (empty && prev.intent !== intent) return prev;
      if (prev.intent === intent && JSON.stringify(prev.errors) === JSON.stringify(errors)) return prev;
      return { intent, errors };
    });
  }, []);
  // A refusal of the form as a whole (409) stands even once that form has gone from the page.
  const summaryErrors = actionData?.errors.form && !summary.errors.form ? { ...summary.errors, form: actionData.errors.form } : summary.errors;

  const feedback = (intent: ReviewIntent) => ({
    serverErrors: actionData?.intent === intent ? actionData.errors : undefined,
    kept: actionData?.intent === intent ? actionData.values : undefined,
    onErrors,
    submitting,
  });
  const can = (a: WorkflowAction) => page.actions.includes(a);
  const doneMessage = page.done && !actionData ? DONE_MESSAGES[page.done] : null;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
          <ol className="govuk-breadcrumbs__list">
            <li className="govuk-breadcrumbs__list-item">
              <Link className="govuk-breadcrumbs__link" to="/review">
                Review queue
              </Link>
            </li>
          </ol>
        </nav>
        <ErrorSummary errors={summaryErrors} order={REVIEW_FIELD_ORDER} />
        {doneMessage ? (
          <SuccessBanner>
            {doneMessage}
            {page.done === "publish" && page.slug ? (
              <>
                {" "}
                <Link className="govuk-notification-banner__link" to={`/practice/${page.slug}`}>
                  View the published entry
                </Link>
              </>
            ) : null}
          </SuccessBanner>
        ) : null}
        <span className="govuk-caption-l">
          {`Review${page.isUpdate ? " of an update" : ""}: ${page.organisationName}`}
        </span>
        <h1 className="govuk-heading-xl">{page.title || "Untitled entry"}</h1>

        <dl className="govuk-summary-list" data-testid="entry-status">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">
              <StatusTag status={page.status} />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Organisation</dt>
            <dd className="govuk-summary-list__value">
              {page.organisationName} ({page.region})
            </dd>
          </div>
          {page.submitted ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Submitted</dt>
              <dd className="govuk-summary-list__value">
                {page.submitted} (submission {page.submissionNumber})
              </dd>
            </div>
          ) : null}
          {page.evidenceLabel ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Evidence label</dt>
              <dd className="govuk-summary-list__value">{page.evidenceLabel}</dd>
            </div>
          ) : null}
          {page.slug && (page.status === "published" || page.isUpdate) ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Published page</dt>
              <dd className="govuk-summary-list__value">
                <Link className="govuk-link" to={`/practice/${page.slug}`}>
                  /practice/{page.slug}
                </Link>
              </dd>
            </div>
          ) : null}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Assigned to</dt>
            <dd className="govuk-summary-list__value" data-testid="assigned-to">
              {page.assigned ? (page.assigned.isMe ? "You" : page.assigned.name) : "No one"}
            </dd>
          </div>
        </dl>

        {page.reviewOpen ? (
          <section aria-labelledby="assignment-heading" className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m" id="assignment-heading">
              Who is reviewing this
            </h2>
            {page.assigned?.isMe ? null : <ClaimForm submitting={submitting} />}
            <AssignForm
              key={page.assigned?.id ?? 0}
              reviewers={page.reviewers} current={page.assigned ? String(page.assigned.id) : ""} {...feedback("assign")} />
          </section>
        ) : null}
      </div>

      <div className="govuk-grid-column-two-thirds">
        <section aria-labelledby="submission-heading">
          <h2 className="govuk-heading-l" id="submission-heading">
            The submission
          </h2>
          <p className="govuk-body">
            {page.previousIsPublished
              ? `This is an update to a published entry. Each part shows what changed from the published version, which is also the last submission (submission ${page.previousNumber}).`
              : page.previousNumber
                ? `Each part shows what changed since the last submission (submission ${page.previousNumber}).${page.isUpdate ? " It is an update to a published entry: each part also shows what changed from the published version." : ""}`
                : "This is the first submission of this entry, so there is nothing to compare it with."}
          </p>
          <p className="govuk-body">Added words are underlined; removed words are struck through.</p>
          <ReviewParts parts={page.parts} publishedIsLastSubmission={page.previousIsPublished} />
        </section>

        <section aria-labelledby="comments-heading" className="govuk-!-margin-top-8">
          <h2 className="govuk-heading-l" id="comments-heading">
            Comments
          </h2>
          <CommentList comments={page.comments} />
          {page.reviewOpen ? (
            <CommentForm key={page.comments.length} {...feedback("comment")} />
          ) : (
            <p className="govuk-body" data-testid="comments-closed">
              {`Comments are closed: the entry is ${STATUS_LABELS[page.status].toLowerCase()}.`}
            </p>
          )}
        </section>

        {page.actions.length ? (
          <section aria-labelledby="decision-heading" className="govuk-!-margin-top-8" key={page.stateVersion}>
            <h2 className="govuk-heading-l" id="decision-heading">
              Your decision
            </h2>
            {page.waitingNote ? (
              <p className="govuk-body" data-testid="no-decision">
                {page.waitingNote}
              </p>
            ) : null}
            {can("publish") ? (
              <PublishForm
                stateVersion={page.stateVersion}
                tagOptions={page.tagOptions}
                defaultTagIds={page.publishDefaults.tagIds}
                defaultEvidenceLabel={page.publishDefaults.evidenceLabel}
                {...feedback("publish")}
              />
            ) : null}
            {can("request_changes") ? <RequestChangesForm stateVersion={page.stateVersion} {...feedback("request_changes")} /> : null}
            {can("reject") ? <RejectForm stateVersion={page.stateVersion} {...feedback("reject")} /> : null}
            {can("archive") ? (
              <TakeDownForm stateVersion={page.stateVersion} updateInProgress={page.status !== "published"} {...feedback("archive")} />
            ) : null}
          </section>
        ) : (
          <section aria-labelledby="decision-heading" className="govuk-!-margin-top-8">
            <h2 className="govuk-heading-l" id="decision-heading">
              Your decision
            </h2>
            <p className="govuk-body" data-testid="no-decision">
              {page.waitingNote}
            </p>
          </section>
        )}
      </div>

      <div className="govuk-grid-column-one-third">
        <section aria-labelledby="history-heading">
          <h2 className="govuk-heading-m" id="history-heading">
            History
          </h2>
          <Timeline items={page.timeline} />
        </section>
      </div>
    </div>
  );
}
