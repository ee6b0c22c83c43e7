import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { SiteFooter } from "~/components/layout/site-footer";
import { SiteHeader } from "~/components/layout/site-header";
import { useNonce } from "~/components/nonce";
import { RequestIdNote } from "~/components/request-id";
import { errorText } from "~/lib/error-text";
import { FEED_TITLE } from "~/lib/open-data/atom";
import { getDb } from "~/db.server";
import { getUser } from "~/lib/auth.server";
import { unreadCount } from "~/models/notification.server";
import stylesUrl from "~/styles/main.generated.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // Lets browsers and feed readers find the feed from any page.
  { rel: "alternate", type: "application/atom+xml", href: "/practice/feed.xml", title: FEED_TITLE },
];

export const meta: MetaFunction = () => [{ title: "Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    user: user && { name: user.name, role: user.role, organisationName: user.organisationName },
    /** For the header's "Notifications (N unread)" link. */
    unreadCount: user ? await unreadCount(getDb(), user.id) : 0,
  };
}

// Search updates its URL as people type; the header (name, unread count)
// need not be fetched again for each keystroke, only on real page changes.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  const onlyQueryChanged = currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search;
  if (onlyQueryChanged && (!formMethod || formMethod === "GET") && nextUrl.pathname === "/search") return false;
  return defaultShouldRevalidate;
};

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

function Document({ children, title }: { children: ReactNode; title?: string }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b0c0c" />
        {title ? <title>{title}</title> : null}
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link">
          Skip to main content
        </a>
        <SiteHeader user={data?.user ?? null} unreadCount={data?.unreadCount ?? 0} />
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // Text a route chose to send (e.g. why an entry was taken down) is shown;
  // anything else stays generic, so no internals reach the page.
  const { title, body: detail } = errorText(status, isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : undefined);
  return (
    <Document title={`${title} - Neighbourhood policing practice bank`}>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{detail}</p>
      {status >= 500 ? <RequestIdNote /> : null}
      <p className="govuk-body">
        <a className="govuk-link" href="/">
          Go to the practice bank home page
        </a>
      </p>
    </Document>
  );
}
