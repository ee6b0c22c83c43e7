import { useEffect, useRef, useState } from "react";
import { countWords } from "~/lib/rich-text/words";
import { fieldId } from "./error-summary";

// GOV.UK character count, counting words: the visible count updates as the
// person types; screen readers hear it once typing pauses, not per key.
export function WordCountedTextArea({
  name,
  label,
  hint,
  error,
  defaultValue,
  maxWords,
  rows = 6,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue: string;
  maxWords: number;
  rows?: number;
}) {
  const id = fieldId(name);
  const [words, setWords] = useState(() => countWords(defaultValue));
  const [announced, setAnnounced] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const message = words <= maxWords ? `You have ${maxWords - words} words remaining` : `You have ${words - maxWords} words too many`;
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <div className="govuk-form-group govuk-character-count">
      <div className={error ? "govuk-form-group--error" : undefined}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <textarea
          id={id}
          name={name}
          rows={rows}
          defaultValue={defaultValue}
          className={`govuk-textarea govuk-js-character-count${error || words > maxWords ? " govuk-textarea--error" : ""}`}
          aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null, `${id}-info`].filter(Boolean).join(" ")}
          onInput={(event) => {
            const count = countWords(event.currentTarget.value);
            setWords(count);
            clearTimeout(timer.current);
            timer.current = setTimeout(
              () => setAnnounced(count <= maxWords ? `You have ${maxWords - count} words remaining` : `You have ${count - maxWords} words too many`),
              1000,
            );
          }}
        />
      </div>
      <div id={`${id}-info`} className={`govuk-hint govuk-character-count__message${words > maxWords ? " govuk-error-message" : ""}`}>
        {message}
      </div>
      <div className="govuk-visually-hidden" aria-live="polite">
        {announced}
      </div>
    </div>
  );
}
