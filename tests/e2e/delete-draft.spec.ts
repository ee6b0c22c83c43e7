import { expectNoA11yViolations } from "./support/axe";
import { startEntry, titleField, waitForSaved } from "./support/entry-editor";
import { DEMO, expect, signIn, test } from "./support/fixtures";

// A lead abandons a draft: from the entry's page, "Delete this draft", a
// GOV.UK confirmation page, and the draft is gone from the list.

test("a lead deletes a draft that was never submitted, after confirming", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.sussexLead);
  const id = await startEntry(page);
  const title = `Abandoned idea ${id}`;
  await titleField(page).fill(title);
  await waitForSaved(page);

  await page.goto(`/submissions/${id}`);
  await page.getByRole("link", { name: "Delete this draft" }).click();
  await expect(page).toHaveURL(`/submissions/${id}/delete`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Are you sure you want to delete ‘${title}’?`);
  await expectNoA11yViolations(page);

  // Going back changes nothing.
  await page.getByRole("link", { name: "No, go back to the draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await page.getByRole("link", { name: "Delete this draft" }).click();

  await page.setViewportSize({ width: 375, height: 740 });
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Yes, delete this draft" }).click();
  await expect(page).toHaveURL("/submissions?deleted=1");
  await expect(page.getByTestId("success-banner")).toContainText("The draft has been deleted.");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectNoA11yViolations(page);
});
