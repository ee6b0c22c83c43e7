// Any address no route matches: a 404 with the site's own "Page not found".
export async function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
