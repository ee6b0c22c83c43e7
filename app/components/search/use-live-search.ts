import { useNavigate, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useRef, type ChangeEvent, type FormEvent, type RefObject } from "react";

// With JavaScript, the search form updates the results as people type or tick
// a filter, by navigating to the form's own GET URL. The page component stays
// mounted, so the box being typed in keeps its focus and its text. Without
// JavaScript the same form is submitted by its buttons.

const TYPING_PAUSE_MS = 250;

/** The form's fields as a tidy query string: no empty query, no default sort, always page 1. */
export function searchUrlFromForm(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string") continue;
    if (name === "q" && value.trim() === "") continue;
    if (name === "sort" && value === "relevance") continue;
    params.append(name, value);
  }
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}

export function useLiveSearch(formRef: RefObject<HTMLFormElement>, queryRef: RefObject<HTMLInputElement>, query: string) {
  const navigate = useNavigate();
  const navigation = useNavigation();
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const go = useCallback(
    (replace: boolean) => {
      clearTimeout(timer.current);
      if (formRef.current) navigate(searchUrlFromForm(formRef.current), { replace, preventScrollReset: true });
    },
    [formRef, navigate],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  // A suggestion, a back button or a link changes the query from outside the
  // box: show it there, unless someone is typing in it right now.
  useEffect(() => {
    const input = queryRef.current;
    if (input && document.activeElement !== input && input.value !== query) input.value = query;
  }, [query, queryRef]);

  // While a new search loads, ticked boxes show what was asked for, not what the last answer said.
  const pending = navigation.location?.pathname === "/search" ? new URLSearchParams(navigation.location.search) : null;
  const isChecked = (facet: string, value: string, selected: boolean) => (pending ? pending.getAll(facet).includes(value) : selected);
  const sortOf = (shown: string) => (pending ? (pending.get("sort") ?? "relevance") : shown);

  return {
    loading: navigation.state === "loading" && pending !== null,
    isChecked,
    sortOf,
    onQueryInput: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => go(true), TYPING_PAUSE_MS);
    },
    onFilterChange: (_event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => go(false),
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      go(false);
    },
  };
}
