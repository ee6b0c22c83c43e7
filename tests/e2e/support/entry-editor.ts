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
  "Cost (optional)",
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
