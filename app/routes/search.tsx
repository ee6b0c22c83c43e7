import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SearchBox } from "~/components/search-box";

export const meta: MetaFunction = () => [{ title: "Search - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { q: (new URL(request.url).searchParams.get("q") ?? "").slice(0, 500) };
}

// Search across published practice and the week's talks is being built; until
// it is, this page says so plainly rather than showing an empty result list.
export default function Search() {
  const { q } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Search</h1>
        <SearchBox defaultValue={q} />
        <div className="govuk-inset-text">
          Searching the practice bank is not available yet.
          {q ? (
            <>
              {" "}
              We could not search for <strong>{q}</strong>.
            </>
          ) : null}{" "}
          In the meantime you can browse the{" "}
          <Link className="govuk-link" to="/week-of-action">
            Week of Action 2026 programme
          </Link>
          .
        </div>
      </div>
    </div>
  );
}
