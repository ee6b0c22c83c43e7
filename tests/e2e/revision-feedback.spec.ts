import { addComment, claimEntry } from "../../app/models/entry-workflow.server";
import { expectNoA11yViolations } from "./support/axe";
import { editor, waitForEditors } from "./support/entry-editor";
import { DEMO, expect, open, signIn, test } from "./support/fixtures";
import { actingUser, move, submittedEntry, tagIdOf, withE2eDatabase } from "./support/published-entries";

// A lead revising after the practice team asked for changes sees the
// reviewer's message at the top of the form and each comment beside the part
// of the entry it is about.

test("the reviewer's message is at the top of the edit form and each section's comments are beside it", async ({ page }) => {
  test.slow();
  const title = `Corner shop patrols ${Date.now()}`;
  const id = await withE2eDatabase(async (db) => {
    const lead = await actingUser(db, DEMO.sussexLead);
    const reviewer = await actingUser(db, DEMO.reviewer);
    const entryId = await submittedEntry(db, lead, await tagIdOf(db, "shop-theft"), { title });
    await claimEntry(db, entryId, reviewer);
    for (const [section, body] of [
      ["results", "Give the before and after figures for the six months."],
      ["title", "Name the town in the title."],
      [null, "Thanks, this is nearly there."],
    ] as const) {
      const added = await addComment(db, entryId, reviewer, body, section);
      if (!added.ok) throw new Error(added.message);
    }
    await move(db, entryId, "request_changes", reviewer, { reason: "Please add the figures and the place." });
    return entryId;
  });

  await signIn(page, DEMO.sussexLead);
  await open(page, `/submissions/${id}/edit`);
  await waitForEditors(page);
  const banner = page.getByTestId("revision-feedback");
  await expect(banner).toContainText("asked for changes");
  await expect(banner).toContainText("Please add the figures and the place.");
  await expect(banner).toContainText("Thanks, this is nearly there.");
  await expect(banner).toContainText("There are 2 comments on parts of the entry");

  const results = page.getByTestId("comments-results");
  await expect(results).toContainText("Give the before and after figures for the six months.");
  await expect(page.getByTestId("comments-title")).toContainText("Name the town in the title.");
  await expect(page.getByTestId("comments-problem")).toHaveCount(0);
  // Beside its section: straight after the section before it, straight before its own editor.
  const resultsEditor = await editor(page, "Results").boundingBox();
  const commentsBox = await results.boundingBox();
  const previousEditor = await editor(page, "Putting it into practice").boundingBox();
  expect(commentsBox!.y).toBeGreaterThan(previousEditor!.y);
  expect(commentsBox!.y).toBeLessThan(resultsEditor!.y);

  await expectNoA11yViolations(page);
  await page.setViewportSize({ width: 375, height: 740 });
  await expectNoA11yViolations(page);
});
