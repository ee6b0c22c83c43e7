import { NotificationBanner } from "~/components/govuk/notification-banner";
import type { CommentView } from "~/components/timeline/comments-view";

/** What the practice team said about the last submission (built by app/presenters/revision-feedback.server.ts). */
export interface RevisionFeedback {
  heading: string;
  when: string;
  message: string | null;
  /** Comments on the whole entry (or a part the form has no field for). */
  general: CommentView[];
  /** Keyed by field name: title, summary and the rich-text sections. */
  bySection: Record<string, CommentView[]>;
}

/** The reviewer's message and comments on the whole entry, at the top of the edit form. */
export function FeedbackBanner({ feedback }: { feedback: RevisionFeedback }) {
  const sections = Object.values(feedback.bySection).reduce((n, list) => n + list.length, 0);
  return (
    <NotificationBanner id="feedback" heading={`${feedback.heading} on ${feedback.when}`} testId="revision-feedback">
      {feedback.message ? <p className="govuk-body app-prewrap">{feedback.message}</p> : null}
      {feedback.general.map((c) => (
        <p key={c.id} className="govuk-body app-prewrap">
          {c.body} <span className="govuk-body-s">({c.authorName}, {c.when})</span>
        </p>
      ))}
      {sections > 0 ? (
        <p className="govuk-body govuk-!-margin-bottom-0">
          {sections === 1 ? "There is a comment" : `There are ${sections} comments`} on parts of the entry, shown beside each part below.
        </p>
      ) : null}
    </NotificationBanner>
  );
}

/** The practice team's comments on one part of the entry, shown beside its field while the lead revises. */
export function SectionComments({ id, label, comments }: { id: string; label: string; comments: CommentView[] | undefined }) {
  if (!comments?.length) return null;
  return (
    <aside className="app-section-comments" aria-labelledby={`${id}-heading`} data-testid={`comments-${id}`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`${id}-heading`}>
        {`The practice team's ${comments.length === 1 ? "comment" : "comments"} on ${label.toLowerCase()}`}
      </h3>
      <ul className="govuk-list govuk-!-margin-bottom-0">
        {comments.map((c) => (
          <li key={c.id} className="govuk-!-margin-bottom-2">
            <p className="govuk-body govuk-!-margin-bottom-1 app-prewrap">{c.body}</p>
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              {c.authorName}, <time dateTime={c.at}>{c.when}</time>
            </p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
