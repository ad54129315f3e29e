import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { openDirectConversation } from "../../functions/src/messaging/conversationStore.js";
import { membersOfPair, pairIdOf, paths } from "../../functions/src/model/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures } from "./support/fixtures.js";
import { screenshot, signInToHome, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
let fixtures: Fixtures;
let conversationId = "";

beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = new Fixtures();
});

afterAll(async () => {
  await browser?.close();
  if (conversationId) {
    await fixtures?.db.recursiveDelete(fixtures.db.doc(paths.conversation(conversationId))).catch(() => undefined);
  }
  await fixtures?.cleanup();
});

describe("moderation", () => {
  it("a reported message reaches the admin with its text even after the sender deletes it; a suspension shuts the sender out with the reason; the audit log shows it", async () => {
    const [vera, hal, ada] = await Promise.all([
      fixtures.createUser({ label: "vera", onboarded: true }),
      fixtures.createUser({ label: "hal", onboarded: true }),
      fixtures.createUser({ label: "ada", role: "admin", onboarded: true }),
    ]);
    const db = fixtures.db;
    conversationId = await db.runTransaction((tx) =>
      Promise.resolve(
        openDirectConversation(db, tx, {
          pairId: pairIdOf(vera.uid, hal.uid),
          userIds: membersOfPair(vera.uid, hal.uid),
        }),
      ),
    );

    const [v, h, a] = await Promise.all([
      openSession(browser, baseUrl),
      openSession(browser, baseUrl),
      openSession(browser, baseUrl),
    ]);
    await Promise.all([
      signInToHome(v.page, vera.email, vera.password),
      signInToHome(h.page, hal.email, hal.password),
      signInToHome(a.page, ada.email, ada.password),
    ]);

    // Hal sends something nasty; Vera sees it and reports it.
    const harassment = "I know where you run every morning";
    await Promise.all([v.page.goto(`/messages/${conversationId}`), h.page.goto(`/messages/${conversationId}`)]);
    await h.page.getByTestId("composer").fill(harassment);
    await h.page.getByTestId("send").click();
    const veraSees = v.page.getByTestId("message").filter({ hasText: harassment });
    await veraSees.waitFor();
    await veraSees.getByTestId("report").click();
    const form = v.page.getByRole("form", { name: "Report message" });
    await form.getByRole("combobox").selectOption("harassment");
    await form.getByRole("button", { name: "Send report" }).click();
    await waitForText(v.page.getByTestId("reported"), "Report received");

    // Hal deletes it: both see a tombstone, but the report keeps what he wrote.
    await h.page.getByTestId("message").filter({ hasText: harassment }).getByTestId("delete-message").click();
    await waitForText(v.page.getByTestId("message-list"), "Message deleted");

    // Ada finds the report with the original text and suspends Hal for a week.
    await a.page.goto("/admin/reports");
    const report = a.page.getByTestId("report-row").filter({ hasText: hal.displayName });
    await waitForText(report.getByTestId("reported-text"), harassment);
    await screenshot(a.page, "moderation-reports");
    await report.getByTestId("report-action").selectOption("suspend");
    await report.getByTestId("report-days").fill("7");
    await report.getByTestId("report-reason").fill("Threatening messages");
    await report.getByTestId("report-decide").click();
    await report.waitFor({ state: "detached" });

    // Hal's open session turns into the suspension screen, with the reason, everywhere he goes.
    await waitForText(h.page.getByTestId("suspended-reason"), "Threatening messages");
    await h.page.getByTestId("suspended-until").waitFor();
    await screenshot(h.page, "moderation-suspended");
    for (const path of ["/messages", "/discover", "/classes"]) {
      await h.page.goto(path);
      await waitForText(h.page.getByTestId("suspended-reason"), "Threatening messages");
    }

    // The audit log names the moderator, the member and the reason.
    await a.page.goto("/admin/audit");
    const entry = a.page
      .getByTestId("audit-entry")
      .filter({ hasText: hal.displayName })
      .filter({ hasText: "Suspended" });
    await waitForText(entry.getByTestId("audit-reason"), "Threatening messages");
    await waitForText(entry, ada.email);

    await Promise.all([v.context.close(), h.context.close(), a.context.close()]);
  }, 240_000);
});
