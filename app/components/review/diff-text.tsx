import type { DiffPart } from "~/lib/word-diff";

export interface ChangeView {
  parts: DiffPart[];
  changed: boolean;
  /** Too costly to compare word by word: `parts` are the whole earlier text (removed) and the whole new text (added). */
  tooMany: boolean;
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

/** Both versions whole, side by side (one above the other on a narrow screen). */
function BothVersions({ parts, beforeLabel }: { parts: DiffPart[]; beforeLabel: string }) {
  const text = (kind: DiffPart["kind"]) => parts.find((p) => p.kind === kind)?.text ?? "";
  const column = (label: string, value: string) => (
    <div className="govuk-grid-column-one-half">
      <h4 className="govuk-heading-s">{label}</h4>
      {value ? <div className="govuk-body app-prewrap app-break-words">{value}</div> : <p className="govuk-body govuk-hint">Empty.</p>}
    </div>
  );
  return (
    <>
      <p className="govuk-body">There are too many changes to show word by word, so here are both versions in full.</p>
      <div className="govuk-grid-row" data-testid="both-versions">
        {column(beforeLabel, text("removed"))}
        {column("This submission", text("added"))}
      </div>
    </>
  );
}

/**
 * "Changes since the last submission", folded away in a GOV.UK details
 * component when there are any. `beforeLabel` names the earlier version
 * when both are shown whole.
 */
export function ChangeDetails({ title, change, testId, beforeLabel }: { title: string; change: ChangeView; testId?: string; beforeLabel: string }) {
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
        {change.tooMany ? <BothVersions parts={change.parts} beforeLabel={beforeLabel} /> : <DiffText parts={change.parts} />}
      </div>
    </details>
  );
}
