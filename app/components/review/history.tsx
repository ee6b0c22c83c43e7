export interface TimelineEntry {
  id: number;
  label: string;
  actor: string;
  at: string;
  change: string | null;
  reason: string | null;
}

export interface CommentEntry {
  id: number;
  body: string;
  about: string;
  author: string;
  at: string;
}

/** What happened to the entry, oldest first. */
export function Timeline({ items }: { items: TimelineEntry[] }) {
  if (items.length === 0) return <p className="govuk-body">Nothing has happened to this entry yet.</p>;
  return (
    <ol className="govuk-list app-timeline" data-testid="timeline">
      {items.map((item) => (
        <li key={item.id} className="govuk-!-margin-bottom-4">
          <p className="govuk-body govuk-!-margin-bottom-1">
            <strong>{item.label}</strong>
            {item.change ? ` (${item.change})` : null}
          </p>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {`${item.actor}, ${item.at}`}
          </p>
          {item.reason ? <p className="govuk-body app-prewrap govuk-!-margin-bottom-0">{item.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** Comments from reviewers and the force's leads, each saying which part of the entry it is about. */
export function CommentList({ comments }: { comments: CommentEntry[] }) {
  if (comments.length === 0) return <p className="govuk-body">There are no comments yet.</p>;
  return (
    <ul className="govuk-list" data-testid="comments">
      {comments.map((c) => (
        <li key={c.id} className="govuk-inset-text govuk-!-margin-top-0">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            <strong>{c.author}</strong>
            {`, ${c.at}, on ${c.about}`}
          </p>
          <p className="govuk-body app-prewrap govuk-!-margin-bottom-0">{c.body}</p>
        </li>
      ))}
    </ul>
  );
}
