import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures } from "./support/fixtures.js";
import { screenshot, signInToHome, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
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

describe("roles", () => {
  it("an admin promotes a member, whose open session shows the new role without signing out", async () => {
    const [admin, member] = await Promise.all([
      fixtures.createUser({ label: "admin", role: "admin", onboarded: true }),
      fixtures.createUser({ label: "member", onboarded: true }),
    ]);
    const memberSession = await openSession(browser, baseUrl);
    const adminSession = await openSession(browser, baseUrl);

    await signInToHome(memberSession.page, member.email, member.password);
    await waitForText(memberSession.page.getByTestId("role-badge"), "Member");
    expect(await memberSession.page.getByTestId("nav-admin").count()).toBe(0);

    const page = adminSession.page;
    await signInToHome(page, admin.email, admin.password);
    await waitForText(page.getByTestId("role-badge"), "Admin");
    await page.getByTestId("nav-admin").click();
    await page.getByRole("heading", { name: "Users" }).waitFor();

    // Admins never get a control for their own role.
    await page.getByLabel("Search by name").fill(admin.displayName);
    await page.getByRole("button", { name: "Search" }).click();
    const ownRow = page.getByTestId(`user-row-${admin.uid}`);
    await waitForText(ownRow, "Another admin must change your role");
    expect(await ownRow.getByRole("combobox").count()).toBe(0);

    await page.getByLabel("Search by name").fill(member.displayName);
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByTestId(`user-row-${member.uid}`);
    await waitForText(row.getByTestId(`user-role-${member.uid}`), "Member");
    await row.getByLabel(`Role for ${member.displayName}`).selectOption("instructor");
    // The first call may wait for the Functions emulator to start a worker.
    await row.getByTestId(`role-saved-${member.uid}`).waitFor({ timeout: 30_000 });
    await waitForText(row.getByTestId(`user-role-${member.uid}`), "Instructor");
    await screenshot(page, "admin-users");

    // The member's session picks up the new claim on its own.
    await waitForText(memberSession.page.getByTestId("role-badge"), "Instructor");
    await screenshot(memberSession.page, "member-promoted");
    const claims = (await fixtures.auth.getUser(member.uid)).customClaims;
    expect(claims).toMatchObject({ role: "instructor" });

    await memberSession.context.close();
    await adminSession.context.close();
  });

  it("a member who opens the admin users page is told they have no access", async () => {
    const member = await fixtures.createUser({ label: "curious", onboarded: true });
    const { context, page } = await openSession(browser, baseUrl);
    await signInToHome(page, member.email, member.password);

    await page.goto("/admin/users");
    await waitForText(page.getByTestId("access-denied"), "You don't have access");
    expect(await page.getByTestId("users-table").count()).toBe(0);
    await screenshot(page, "access-denied");
    await context.close();
  });
});
