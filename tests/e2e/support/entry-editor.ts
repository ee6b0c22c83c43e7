import type { Page } from "@playwright/test";
import { expect, open } from "./fixtures";

// Driving the lead's entry form the way a person does, for any spec that
// needs an entry written in the browser.

/** The save status once everything on the page has been saved, e.g. "Saved at 5:47pm". */
export const SAVED = /^Saved at (\d{1,2}(:\d{2})?(am|pm)|midday|midnight)$/;
/** Autosave posts 2.5 s after the last change; a busy machine can take much longer to answer. */
export const SAVE_TIMEOUT = 45_000;
/** Hydrating the form and creating its eight editors. */
export const EDITORS_TIMEOUT = 30_000;

export const RICH_TEXT_LABELS = [
  "The problem",
  "Aim and intended outcome",
  "What you did",
  "Putting it into practice",
  "Results",
  "Why it works, and where it might not (optional)",
  "More about the cost (optional)",
  "What you learned",
];

export const saveStatus = (page: Page) => page.getByTestId("save-status");
export const editor = (page: Page, label: string) => page.getByRole("textbox", { name: label, exact: true });
export const titleField = (page: Page) => page.getByLabel("Title", { exact: true });
export const summaryField = (page: Page) => page.getByLabel("Summary", { exact: true });

/** The editors replace their server-rendered textareas after hydration; typing before that would be lost. */
export async function waitForEditors(page: Page) {
  await expect(page.getByRole("toolbar")).toHaveCount(RICH_TEXT_LABELS.length, { timeout: EDITORS_TIMEOUT });
  await expect(editor(page, "The problem")).toHaveAttribute("contenteditable", "true");
}

/** From the signed-in lead's entries page: "Write up an initiative", then "Start now". Returns the new entry's id. */
export async function startEntry(page: Page, { javaScript = true } = {}): Promise<number> {
  await open(page, "/submissions", { javaScript });
  await page.getByRole("link", { name: "Write up an initiative", exact: true }).click();
  await expect(page).toHaveURL(/\/submissions\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write up an initiative");
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page).toHaveURL(/\/submissions\/\d+\/edit$/);
  if (javaScript) await waitForEditors(page);
  return Number(/\/submissions\/(\d+)\/edit/.exec(page.url())![1]);
}

/** Types into a rich-text editor as a person would: click into it, then key presses. */
export async function typeInEditor(page: Page, label: string, text: string) {
  await editor(page, label).click();
  await page.keyboard.type(text);
}

export async function waitForSaved(page: Page) {
  await expect(saveStatus(page)).toHaveText(SAVED, { timeout: SAVE_TIMEOUT });
}

/**
 * Fills in every required field of a new entry, as a lead would, about shop
 * theft in a town centre. `results` is the Results section's text.
 */
export async function fillCompleteEntry(page: Page, { title, unit, results }: { title: string; unit: string; results: string }) {
  await titleField(page).fill(title);
  await summaryField(page).fill("Shop theft fell after retailers and officers shared intelligence every week.");
  await page.getByLabel("Unit or neighbourhood").fill(unit);
  await page.getByLabel("Contact name").fill("Sam Patel");
  await page.getByLabel("Contact role").fill("Neighbourhood Inspector");
  await page.getByLabel("Contact work email address").fill("sam.patel@sussex.police.example");

  await page.getByRole("group", { name: "Main purpose" }).getByLabel("Prevention").check();
  await page.getByRole("group", { name: "Topics" }).getByLabel("Shop theft (retail crime)").check();
  await page.getByRole("group", { name: "Who it was aimed at" }).getByLabel("Retailers and businesses").check();
  await page.getByRole("group", { name: "Partners you worked with" }).getByLabel("Local authority").check();
  await page.getByRole("group", { name: "Scale" }).getByLabel("Neighbourhood", { exact: true }).check();
  const started = page.getByRole("group", { name: "When did it start?" });
  await started.getByLabel("Month").fill("3");
  await started.getByLabel("Year").fill("2025");
  await page.getByLabel("It is still running").check();
  await page.getByRole("group", { name: "Stage it has reached" }).getByLabel("Implemented", { exact: true }).check();

  await typeInEditor(page, "The problem", "Persistent shop theft in the town centre.");
  await typeInEditor(page, "Aim and intended outcome", "Cut repeat shop theft by a fifth in six months.");
  await typeInEditor(page, "What you did", "Weekly briefings with store security and joint patrols.");
  await typeInEditor(page, "Putting it into practice", "One sergeant coordinated; the council paid for the radios.");
  await typeInEditor(page, "Results", results);
  await typeInEditor(page, "What you learned", "Start the briefings before the busy season.");
  await page.getByRole("group", { name: "Cost band" }).getByLabel("Under £10,000").check();
  await page.getByRole("group", { name: "How did you evaluate it?" }).getByLabel("Before and after comparison").check();
  await page.getByLabel(/holds no sensitive or personal information/).check();
  await page.getByLabel(/I have permission from my organisation to publish/).check();
  await expect(page.getByRole("heading", { name: "Progress: 5 of 5 sections complete" })).toBeVisible();
}
