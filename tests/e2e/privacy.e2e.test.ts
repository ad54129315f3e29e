/**
 * Your data: a member downloads everything Numina keeps about them, and deletes their account,
 * changing their mind once, from the web client through the callables, triggers and rules.
 */
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DELETION_GRACE_DAYS, EXPORT_FORMAT, paths } from "../../functions/src/model/index.js";
import { runAccountDeletion } from "../../functions/src/privacy/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures } from "./support/fixtures.js";
import { screenshot, signIn, signInToHome, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
const DAY = 24 * 60 * 60 * 1000;
let browser: Browser;
let fixtures: Fixtures;

beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = new Fixtures();
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.cleanup();
});

describe("your data", () => {
  it("a member asks for their data and downloads it as one JSON file with their profile in it", async () => {
    const member = await fixtures.createUser({ label: "exporter", onboarded: true });
    const { context, page } = await openSession(browser, baseUrl);
    await signInToHome(page, member.email, member.password);

    await page.getByTestId("your-data-link").click();
    await page.getByTestId("request-export").click();
    // Built in the background: the row turns ready by itself.
    const row = page.locator('[data-testid="export-row"][data-status="ready"]');
    await row.waitFor({ timeout: 30_000 });
    await screenshot(page, "your-data-export");

    const [download] = await Promise.all([page.waitForEvent("download"), row.getByTestId("download-export").click()]);
    expect(download.suggestedFilename()).toMatch(/^numina-export-\d{4}-\d{2}-\d{2}\.json$/);
    const archive = JSON.parse(await readFile(await download.path(), "utf8")) as Record<string, unknown>;
    expect(archive).toMatchObject({ format: EXPORT_FORMAT, uid: member.uid });
    expect(JSON.stringify(archive)).toContain(member.displayName);
    await context.close();
  });

  it("a member deletes their account, keeps it after all, deletes it again, and after the grace period cannot sign in", async () => {
    const member = await fixtures.createUser({ label: "leaver", onboarded: true });
    const { context, page } = await openSession(browser, baseUrl);
    await signInToHome(page, member.email, member.password);
    await page.goto("/settings/privacy");

    // A wrong password is refused: whoever picked up an unlocked phone cannot delete the account.
    const form = page.getByTestId("deletion-form");
    await form.getByTestId("deletion-password").fill("not-my-password");
    await form.getByTestId("delete-account").click();
    await page.getByTestId("confirm-delete-account").click();
    await waitForText(page.getByRole("dialog"), "don't match");
    await page.getByRole("button", { name: "Keep it" }).click();

    await form.getByTestId("deletion-password").fill(member.password);
    await form.getByTestId("delete-account").click();
    await page.getByTestId("confirm-delete-account").click();
    await page.getByTestId("deletion-scheduled").waitFor();
    // Every page says so while it is scheduled, with the way back.
    await waitForText(page.getByTestId("deletion-banner"), "will be deleted on");
    const scheduled = await fixtures.waitForDoc(paths.accountDeletion(member.uid));
    const graceMs = (scheduled["deleteAfter"] as { toMillis(): number }).toMillis() - Date.now();
    expect(graceMs).toBeGreaterThan((DELETION_GRACE_DAYS - 1) * DAY);
    await screenshot(page, "your-data-deletion-scheduled");

    // They change their mind from the banner's page.
    await page.getByTestId("cancel-deletion").click();
    await page.getByTestId("deletion-form").waitFor();
    await page.getByTestId("deletion-banner").waitFor({ state: "detached" });
    expect((await fixtures.db.doc(paths.accountDeletion(member.uid)).get()).exists).toBe(false);

    // And back again; this time the grace period runs out (the scheduled job's per-member step).
    await form.getByTestId("deletion-password").fill(member.password);
    await form.getByTestId("delete-account").click();
    await page.getByTestId("confirm-delete-account").click();
    await fixtures.waitForDoc(paths.accountDeletion(member.uid));
    // The Firestore emulator can tell a listener that saw the document deleted that its re-created
    // successor does not exist (firebase-tools#3867); a fresh page reads it from the server.
    await page.reload();
    await page.getByTestId("deletion-scheduled").waitFor();
    await page.getByTestId("deletion-banner").waitFor();
    expect(await runAccountDeletion(fixtures.db, fixtures.auth, member.uid, Date.now())).toBe("not-due");
    await runAccountDeletion(fixtures.db, fixtures.auth, member.uid, Date.now() + (DELETION_GRACE_DAYS + 1) * DAY);
    await expect(fixtures.auth.getUser(member.uid)).rejects.toMatchObject({ code: "auth/user-not-found" });
    expect((await fixtures.db.doc(paths.user(member.uid)).get()).exists).toBe(false);
    await context.close();

    // Signing in again says plainly that the account is gone.
    const fresh = await openSession(browser, baseUrl);
    await signIn(fresh.page, member.email, member.password);
    await waitForText(fresh.page.getByTestId("signin-error"), "If you deleted your account, it is gone for good");
    await fresh.context.close();
  });

  it("an admin deletes a member's account at once, with a reason the audit log keeps", async () => {
    const [admin, member] = await Promise.all([
      fixtures.createUser({ label: "dpo", role: "admin", onboarded: true }),
      fixtures.createUser({ label: "erased", onboarded: true }),
    ]);
    const { context, page } = await openSession(browser, baseUrl);
    await signInToHome(page, admin.email, admin.password);
    await page.goto("/admin/users");
    await page.getByRole("searchbox").fill(member.displayName);
    await page.getByRole("searchbox").press("Enter");
    await page.getByTestId(`delete-account-${member.uid}`).click();
    // No reason, no deletion.
    await page.getByTestId(`confirm-delete-account-${member.uid}`).click();
    await waitForText(page.getByRole("dialog"), "audit log keeps the reason");
    await page.getByTestId(`delete-reason-${member.uid}`).fill("Erasure order 2026-41");
    await page.getByTestId(`confirm-delete-account-${member.uid}`).click();
    await page.getByTestId(`account-deleted-${member.uid}`).waitFor({ timeout: 30_000 });

    await expect(fixtures.auth.getUser(member.uid)).rejects.toMatchObject({ code: "auth/user-not-found" });
    await page.goto("/admin/audit");
    await waitForText(page.getByTestId("audit-log"), "Erasure order 2026-41");
    await context.close();
  });
});
