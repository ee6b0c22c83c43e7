import { Form } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import type { z } from "zod";
import { Checkboxes, Radios, Select, TextArea } from "~/components/form/fields";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { WarningText } from "~/components/warning-text";
import { EVIDENCE_LABELS } from "~/lib/practice-options";
import type { FieldErrors } from "~/lib/validation";
import {
  archiveSchema,
  assignSchema,
  COMMENT_MAX,
  COMMENT_SECTIONS,
  commentSchema,
  publishSchema,
  rejectSchema,
  requestChangesSchema,
  type ReviewIntent,
} from "~/schemas/review-actions";

// The forms on a review page. Each is a plain HTML form that works without
// JavaScript; with it, the same zod schema the server uses checks the form
// before it is sent. Each form tells the page about its errors so the page's
// one error summary can list them.

type Kept = Record<string, unknown> | undefined;

export interface FormFeedback {
  /** The server's answer to this form, if the last thing sent was this form. */
  serverErrors?: FieldErrors;
  /** What was sent, to put back after a refusal. */
  kept?: Kept;
  onErrors: (intent: ReviewIntent, errors: FieldErrors) => void;
  submitting: boolean;
}

function keptString(kept: Kept, key: string, fallback = ""): string {
  const v = kept?.[key];
  return typeof v === "string" ? v : fallback;
}

function keptList(kept: Kept, key: string, fallback: string[]): string[] {
  if (!kept) return fallback;
  const v = kept[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
}

function useReviewForm(
  intent: ReviewIntent,
  schema: z.ZodType,
  defaultValues: Record<string, unknown>,
  { serverErrors, onErrors }: Pick<FormFeedback, "serverErrors" | "onErrors">,
) {
  const form = useSchemaForm(schema, { defaultValues, serverErrors });
  const signature = JSON.stringify(form.errors);
  useEffect(() => {
    onErrors(intent, JSON.parse(signature) as FieldErrors);
  }, [intent, signature, onErrors]);
  return form;
}

function SubmitButton({ children, warning, submitting }: { children: ReactNode; warning?: boolean; submitting: boolean }) {
  return (
    <button
      type="submit"
      className={`govuk-button${warning ? " govuk-button--warning" : ""}`}
      data-module="govuk-button"
      disabled={submitting}
    >
      {children}
    </button>
  );
}

export function ClaimForm({ submitting }: { submitting: boolean }) {
  return (
    <Form method="post" className="app-inline-form">
      <input type="hidden" name="intent" value="claim" />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={submitting}>
        Take it
      </button>
    </Form>
  );
}

export function AssignForm({
  reviewers,
  current,
  ...feedback
}: FormFeedback & { reviewers: { value: string; label: string }[]; current: string }) {
  const defaults = { intent: "assign", reviewerId: keptString(feedback.kept, "reviewerId", current) };
  const { register, errors, onSubmit } = useReviewForm("assign", assignSchema, defaults, feedback);
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="assign" />
      <Select
        name="reviewerId"
        label="Assign to another reviewer"
        options={reviewers}
        placeholder="Choose a reviewer"
        defaultValue={defaults.reviewerId}
        error={errors.reviewerId}
        registration={register("reviewerId")}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={feedback.submitting}>
        Assign
      </button>
    </Form>
  );
}

export function CommentForm(feedback: FormFeedback) {
  const defaults = { intent: "comment", comment: keptString(feedback.kept, "comment"), sectionKey: keptString(feedback.kept, "sectionKey") };
  const { register, errors, onSubmit } = useReviewForm("comment", commentSchema, defaults, feedback);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-labelledby="comment-heading">
      <h3 className="govuk-heading-m" id="comment-heading">
        Add a comment
      </h3>
      <input type="hidden" name="intent" value="comment" />
      <Select
        name="sectionKey"
        label="What the comment is about"
        options={COMMENT_SECTIONS}
        placeholder="The entry as a whole"
        defaultValue={defaults.sectionKey}
        error={errors.sectionKey}
        registration={register("sectionKey")}
      />
      <TextArea
        name="comment"
        label="Comment"
        hint={`The force's leads will see this. Up to ${COMMENT_MAX.toLocaleString("en-GB")} characters.`}
        rows={4}
        defaultValue={defaults.comment}
        error={errors.comment}
        registration={register("comment")}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={feedback.submitting}>
        Add comment
      </button>
    </Form>
  );
}

interface ReasonDecision {
  intent: "request_changes" | "reject" | "archive";
  schema: z.ZodType;
  /** The form field that carries the message or reason. */
  field: string;
  heading: string;
  label: string;
  hint: string;
  rows: number;
  button: string;
  /** A move that cannot be undone by the force gets a red button. */
  warning?: boolean;
}

const REQUEST_CHANGES: ReasonDecision = {
  intent: "request_changes",
  schema: requestChangesSchema,
  field: "message",
  heading: "Request changes",
  label: "What needs to change",
  hint: "The force's leads will see this message and can edit the entry and send it back.",
  rows: 5,
  button: "Request changes",
};

const REJECT: ReasonDecision = {
  intent: "reject",
  schema: rejectSchema,
  field: "rejectReason",
  heading: "Reject",
  label: "Why this entry is not being published",
  hint: "The force's leads will see this reason. A rejected entry cannot be sent back for review.",
  rows: 5,
  button: "Reject entry",
  warning: true,
};

const TAKE_DOWN: ReasonDecision = {
  intent: "archive",
  schema: archiveSchema,
  field: "takeDownReason",
  heading: "Take down",
  label: "Why this entry is being taken down",
  hint: "The force's leads will see this reason. Visitors to the entry's page are told only that it has been taken down.",
  rows: 4,
  button: "Take down entry",
  warning: true,
};

/** A decision that needs one message or reason, which the force's leads will read. */
function ReasonForm({
  decision: d,
  stateVersion,
  children,
  ...feedback
}: FormFeedback & { decision: ReasonDecision; stateVersion: number; children?: ReactNode }) {
  const defaults = { intent: d.intent, stateVersion: String(stateVersion), [d.field]: keptString(feedback.kept, d.field) };
  const { register, errors, onSubmit } = useReviewForm(d.intent, d.schema, defaults, feedback);
  const headingId = `${d.intent.replace("_", "-")}-heading`;
  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
      <h3 className="govuk-heading-m" id={headingId}>
        {d.heading}
      </h3>
      {children}
      <input type="hidden" name="intent" value={d.intent} />
      <input type="hidden" name="stateVersion" value={stateVersion} />
      <TextArea
        name={d.field}
        label={d.label}
        hint={d.hint}
        rows={d.rows}
        defaultValue={defaults[d.field]}
        error={errors[d.field]}
        registration={register(d.field)}
      />
      <SubmitButton warning={d.warning} submitting={feedback.submitting}>
        {d.button}
      </SubmitButton>
    </Form>
  );
}

export function RequestChangesForm(props: FormFeedback & { stateVersion: number }) {
  return <ReasonForm decision={REQUEST_CHANGES} {...props} />;
}

export function RejectForm(props: FormFeedback & { stateVersion: number }) {
  return <ReasonForm decision={REJECT} {...props} />;
}

export function PublishForm({
  stateVersion,
  tagOptions,
  defaultTagIds,
  defaultEvidenceLabel,
  ...feedback
}: FormFeedback & { stateVersion: number; tagOptions: { value: string; label: string }[]; defaultTagIds: string[]; defaultEvidenceLabel: string }) {
  const defaults = {
    intent: "publish",
    stateVersion: String(stateVersion),
    evidenceLabel: keptString(feedback.kept, "evidenceLabel", defaultEvidenceLabel),
    tagIds: keptList(feedback.kept, "tagIds", defaultTagIds),
  };
  const { register, errors, onSubmit } = useReviewForm("publish", publishSchema, defaults, feedback);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-labelledby="publish-heading">
      <h3 className="govuk-heading-m" id="publish-heading">
        Approve and publish
      </h3>
      <input type="hidden" name="intent" value="publish" />
      <input type="hidden" name="stateVersion" value={stateVersion} />
      <Radios
        name="evidenceLabel"
        label="What the evidence shows"
        hint="Shown on the published entry and used to filter search results."
        options={EVIDENCE_LABELS.map((o) => ({ value: o.value, label: o.label, hint: o.hint }))}
        defaultValue={defaults.evidenceLabel}
        error={errors.evidenceLabel}
        registration={register("evidenceLabel")}
      />
      <Checkboxes
        name="tagIds"
        label="Topics"
        hint="The force's choices are ticked. Select at least one."
        options={tagOptions}
        defaultValue={defaults.tagIds}
        error={errors.tagIds}
        registration={register("tagIds")}
        small
      />
      <SubmitButton submitting={feedback.submitting}>Approve and publish</SubmitButton>
    </Form>
  );
}

/** `updateInProgress`: the live version is being updated, and taking it down ends that update too. */
export function TakeDownForm({ updateInProgress, ...props }: FormFeedback & { stateVersion: number; updateInProgress: boolean }) {
  return (
    <ReasonForm decision={TAKE_DOWN} {...props}>
      {updateInProgress ? (
        <WarningText>
          This takes down the published version and ends the update the force is working on. The update will not be
          published; it stays in the entry&apos;s history.
        </WarningText>
      ) : null}
    </ReasonForm>
  );
}
