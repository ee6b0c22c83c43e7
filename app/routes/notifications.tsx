import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { SuccessBanner } from "~/components/admin/success-banner";
import { ErrorSummary } from "~/components/form/error-summary";
import { NotificationList } from "~/components/notifications/notification-list";
import { getDb } from "~/db.server";
import { requireUser } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { safeRedirectPath } from "~/lib/permissions";
import { formatUkDateTime } from "~/lib/uk-time";
import { listNotifications, markRead, unreadCount } from "~/models/notification.server";

export const meta: MetaFunction = () => [{ title: "Notifications - Neighbourhood policing practice bank" }];

const SHOWN = 50;

// Reading the page changes nothing; marking read is always a POST. Every
// query is limited to the signed-in person's own notifications, so an id
// of someone else's is ignored.
const notificationActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("read_all") }),
    z.object({ intent: z.enum(["open", "read"]), id: z.string().regex(/^\d{1,9}$/).transform(Number) }),
  ],
  { error: "That did not work. Reload the page and try again." },
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const [rows, unread] = await Promise.all([listNotifications(db, user.id, SHOWN), unreadCount(db, user.id)]);
  return {
    unread,
    notifications: rows.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      url: n.url ? safeRedirectPath(n.url, "") || null : null,
      unread: n.read_at === null,
      at: n.created_at,
      when: formatUkDateTime(n.created_at),
    })),
    allRead: new URL(request.url).searchParams.get("done") === "read",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = notificationActionSchema.safeParse(formToObject(await readForm(request)));
  if (!parsed.success) return data({ error: parsed.error.issues[0].message }, { status: 400 });
  const db = getDb();
  const move = parsed.data;
  if (move.intent === "read_all") {
    await markRead(db, user.id, "all");
    return redirect("/notifications?done=read");
  }
  const own = await db
    .selectFrom("notifications")
    .select(["id", "url"])
    .where("id", "=", move.id)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (!own) return redirect("/notifications");
  await markRead(db, user.id, [own.id]);
  return redirect(move.intent === "open" ? safeRedirectPath(own.url, "/notifications") : "/notifications");
}

export default function Notifications() {
  const { notifications, unread, allRead } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {actionData?.error ? <ErrorSummary errors={{ form: actionData.error }} /> : null}
        {allRead && !actionData && unread === 0 ? <SuccessBanner>All your notifications are marked as read.</SuccessBanner> : null}
        <h1 className="govuk-heading-xl">Notifications</h1>
        {notifications.length === 0 ? (
          <p className="govuk-body">You have no notifications. You will be told here when something happens to an entry that concerns you.</p>
        ) : (
          <>
            <p className="govuk-body" data-testid="unread-summary">
              {unread === 0 ? "You have no unread notifications." : `You have ${unread} unread notification${unread === 1 ? "" : "s"}.`}
              {notifications.length >= SHOWN ? ` Showing the ${SHOWN} most recent.` : ""}
            </p>
            {unread > 0 ? (
              <Form method="post">
                <button type="submit" name="intent" value="read_all" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={busy}>
                  Mark all as read
                </button>
              </Form>
            ) : null}
            <NotificationList notifications={notifications} busy={busy} />
          </>
        )}
      </div>
    </div>
  );
}
