import fs from "node:fs/promises";
import { expect, open, test } from "./support/fixtures";

const OPERATION_STOP = "Operation STOP: using GPS tagging to reduce persistent shop theft in Sussex";

test("a visitor finds the Week of Action programme, a session's details and its calendar file", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("link", { name: "See the whole programme" }).click();

  await expect(page).toHaveURL(/\/week-of-action$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neighbourhood Policing Week of Action 2026");

  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 2 })).toHaveText([
    "Monday 15 June",
    "Tuesday 16 June",
    "Wednesday 17 June",
    "Thursday 18 June",
    "Friday 19 June",
  ]);
  await expect(main.getByRole("heading", { level: 3 })).toHaveCount(12);
  await expect(main.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) })).toHaveCount(12);

  // The Wednesday section holds the talk, with its GOV.UK-style time and its speaker.
  const wednesday = main.getByRole("region", { name: "Wednesday 17 June" });
  const talk = wednesday.getByRole("listitem").filter({ has: page.getByRole("heading", { name: OPERATION_STOP }) });
  await expect(talk).toHaveCount(1);
  await expect(talk).toContainText("midday to 1pm");
  await expect(talk).toContainText("Martin Harmer");
  // Times are written the GOV.UK way elsewhere in the programme too.
  await expect(main.getByText("10am to 11am", { exact: true }).first()).toBeVisible();
  await expect(main.getByText("2pm to 3pm", { exact: true }).first()).toBeVisible();

  await talk.getByRole("link", { name: OPERATION_STOP }).click();
  await expect(page).toHaveURL(/\/week-of-action\/operation-stop-gps-tagging-shop-theft$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OPERATION_STOP);
  await expect(page.getByRole("definition").filter({ hasText: "Wednesday 17 June 2026" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "midday to 1pm" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Martin Harmer" })).toBeVisible();

  const downloadStarted = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add this talk to your calendar (.ics file)" }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toBe("operation-stop-gps-tagging-shop-theft.ics");
  const calendar = await fs.readFile(await download.path(), "utf8");
  expect(calendar).toContain("BEGIN:VCALENDAR");
  expect(calendar).toContain("BEGIN:VEVENT");
  // Midday in London in June (BST) is 11:00 UTC.
  expect(calendar).toContain("DTSTART:20260617T110000Z");
  expect(calendar).toContain("DTEND:20260617T120000Z");
  expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(1);
});
