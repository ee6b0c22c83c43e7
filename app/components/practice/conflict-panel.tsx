import type { ConflictView } from "~/lib/entry-save.server";

/**
 * Shown when someone else saved the entry after this copy was loaded. Nothing
 * on the page is changed: the person sees what differs and chooses.
 */
export function ConflictPanel({
  conflict,
  onKeepMine,
  onUseTheirs,
}: {
  conflict: ConflictView;
  onKeepMine?: () => void;
  onUseTheirs?: () => void;
}) {
  return (
    <div className="govuk-notification-banner app-conflict" role="alert" aria-labelledby="conflict-title" tabIndex={-1} id="conflict">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="conflict-title">
          {conflict.byYou ? "You changed this entry in another tab or window" : "Someone else changed this entry"}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {conflict.byYou ? "You" : conflict.savedBy} saved a newer version at {conflict.savedAt}
          {conflict.byYou ? ", in another tab or window" : ""}. Your changes on this page are still here and have not been
          saved.
        </p>
        {conflict.differences.length ? (
          <details className="govuk-details" open>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">What is different ({conflict.differences.length})</span>
            </summary>
            <div className="govuk-details__text app-table-wrapper">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">Their version compared with yours</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Question</th>
                    <th scope="col" className="govuk-table__header">Their version</th>
                    <th scope="col" className="govuk-table__header">Your version</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {conflict.differences.map((d) => (
                    <tr key={d.field} className="govuk-table__row">
                      <th scope="row" className="govuk-table__header">{d.label}</th>
                      <td className="govuk-table__cell app-prewrap">{d.theirs || "(empty)"}</td>
                      <td className="govuk-table__cell app-prewrap">{d.yours || "(empty)"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ) : (
          <p className="govuk-body">Their version has the same answers as yours.</p>
        )}
        {onKeepMine && onUseTheirs ? (
          <div className="govuk-button-group">
            <button type="button" className="govuk-button" data-module="govuk-button" onClick={onKeepMine}>
              Keep my version and save it
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={onUseTheirs}>
              Use their version instead
            </button>
          </div>
        ) : (
          <p className="govuk-body">
            To keep your version, check your answers below and select Save draft: it will replace theirs. To use their
            version, reload this page; your changes will be lost.
          </p>
        )}
      </div>
    </div>
  );
}
