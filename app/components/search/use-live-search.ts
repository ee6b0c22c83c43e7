import { useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { KEEP_FOCUS } from "~/components/layout/page-change-focus";
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
      if (formRef.current) navigate(searchUrlFromForm(formRef.current), { replace, preventScrollReset: true, state: KEEP_FOCUS });
    },
    [formRef, navigate],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  // A suggestion, a back button or a link changes the search from outside the
  // form: show it there. The fields are left to the browser otherwise (not
  // controlled by React), so what someone ticks or types stays as they left
  // it while the results load, and the box being typed in is never touched.
  const location = useLocation();
  useEffect(() => {
    const form = formRef.current;
    if (!form || location.pathname !== "/search") return;
    const wanted = new URLSearchParams(location.search);
    const input = queryRef.current;
    if (input && document.activeElement !== input && input.value !== query) input.value = query;
    for (const box of form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
      box.checked = wanted.getAll(box.name).includes(box.value);
    }
    const sort = form.elements.namedItem("sort");
    if (sort instanceof HTMLSelectElement) sort.value = wanted.get("sort") === "newest" ? "newest" : "relevance";
  }, [location, query, formRef, queryRef]);

  const pending = navigation.location?.pathname === "/search";

  return {
    loading: navigation.state === "loading" && pending,
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
