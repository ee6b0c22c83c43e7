import { errorText } from "~/lib/error-text";
import stylesUrl from "~/styles/main.generated.css";

// The few refusals that happen before Remix sees a request (a malformed
// address, an oversized form, an error outside any route) still get the
// service's own page: same styles, plain words, a reference to quote, and
// nothing about how the server works inside.

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function errorPageHtml(status: number, requestId: string, detail?: string): string {
  const { title, body } = errorText(status, detail);
  return `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} - Neighbourhood policing practice bank</title><link rel="stylesheet" href="${stylesUrl}"><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>
<body class="govuk-template__body"><a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="app-header"><section aria-label="Service information" class="govuk-service-navigation"><div class="govuk-width-container"><div class="govuk-service-navigation__container"><span class="govuk-service-navigation__service-name"><a href="/" class="govuk-service-navigation__link">Neighbourhood policing practice bank</a></span></div></div></section></header>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content" tabindex="-1">
<h1 class="govuk-heading-l">${escape(title)}</h1><p class="govuk-body">${escape(body)}</p>
<p class="govuk-body">If you contact us about this, quote reference <strong class="app-request-id" data-request-id="${escape(requestId)}">${escape(requestId)}</strong>.</p>
<p class="govuk-body"><a class="govuk-link" href="/">Go to the practice bank home page</a></p>
</main></div></body></html>`;
}
