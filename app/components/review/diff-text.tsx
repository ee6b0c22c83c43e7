import type { DiffPart } from "~/lib/word-diff";

export interface ChangeView {
  parts: DiffPart[];
  changed: boolean;
  /** "3 words added, 1 word removed" */
  description: string;
}

/**
 * A word-level diff as text. Added words are in <ins> (underlined), removed
 * words in <del> (struck through), each announced as added or removed by
 * visually hidden text, so nothing depends on colour or on how a screen
 * reader treats <ins> and <del>. Every part is a React text node: escaped.
 */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <div className="govuk-body app-prewrap app-diff" data-testid="diff">
      {parts.map((part, i) =>
        part.kind === "added" ? (
          <ins key={i} className="app-diff__added">
            <span className="govuk-visually-hidden">[added: </span>
            {part.text}
            <span className="govuk-visually-hidden">]</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del key={i} className="app-diff__removed">
            <span className="govuk-visually-hidden">[removed: </span>
            {part.text}
            <span className="govuk-visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}

/** "Changes since the last submission", folded away in a GOV.UK details component when there are any. */
export function ChangeDetails({ title, change, testId }: { title: string; change: ChangeView; testId?: string }) {
  if (!change.changed) {
    return (
      <p className="govuk-body-s govuk-!-margin-bottom-2" data-testid={testId}>
        {`${title}: no changes.`}
      </p>
    );
  }
  return (
    <details className="govuk-details govuk-!-margin-bottom-4" data-testid={testId}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {`${title} (${change.description.toLowerCase()})`}
        </span>
      </summary>
      <div className="govuk-details__text">
        <DiffText parts={change.parts} />
      </div>
    </details>
  );
}
