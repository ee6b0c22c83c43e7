// What each refusal or failure says, the same on the service's own pages
// whether Remix renders them (app/root.tsx) or the server answers before
// Remix sees the request (server/error-page.ts).
const ERROR_TEXT: Record<number, { title: string; body: string }> = {
  400: { title: "There is a problem with your request", body: "Check what you entered and try again." },
  403: { title: "You do not have permission to see this page", body: "If you think you should, ask an administrator." },
  404: { title: "Page not found", body: "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address." },
  405: { title: "That action is not available here", body: "Go back and try again." },
  409: { title: "Someone else changed this first", body: "Go back, reload the page and try again." },
  410: { title: "This page has been taken down", body: "It is no longer published." },
  413: { title: "What you sent is too large", body: "Shorten it and try again." },
  415: { title: "This form could not be read", body: "Reload the page and try again." },
  500: { title: "Sorry, there is a problem with the service", body: "Try again later." },
};

export function errorText(status: number, detail?: string): { title: string; body: string } {
  const known = ERROR_TEXT[status] ?? ERROR_TEXT[status >= 500 ? 500 : 400];
  return { title: known.title, body: detail || known.body };
}
