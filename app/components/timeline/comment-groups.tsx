import type { CommentGroup } from "./comments-view";

export type { CommentGroup } from "./comments-view";

/** Review comments under the part of the entry each is about. Build `groups` with commentGroups() in the loader. */
export function CommentGroups({
  groups,
  heading = "Comments",
  headingLevel = 2,
  id = "comments",
  empty = "There are no comments yet.",
}: {
  groups: CommentGroup[];
  heading?: string;
  headingLevel?: 2 | 3;
  id?: string;
  empty?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Group = headingLevel === 2 ? "h3" : "h4";
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <Heading className={headingLevel === 2 ? "govuk-heading-l" : "govuk-heading-m"} id={headingId}>
        {heading}
      </Heading>
      {groups.length === 0 ? <p className="govuk-body">{empty}</p> : null}
      {groups.map((group, i) => (
        <section key={group.label} aria-labelledby={`${id}-${i + 1}`} className="govuk-!-margin-bottom-6">
          <Group className="govuk-heading-s" id={`${id}-${i + 1}`}>
            {group.label}
          </Group>
          <ul className="govuk-list">
            {group.comments.map((c) => (
              <li key={c.id} className="govuk-!-margin-bottom-4">
                <div className="govuk-inset-text govuk-!-margin-top-0 govuk-!-margin-bottom-1 app-prewrap">{c.body}</div>
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  {c.authorName} ({c.authorRole.toLowerCase()}), <time dateTime={c.at}>{c.when}</time>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
