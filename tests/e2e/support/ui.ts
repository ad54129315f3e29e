/** What a user does and sees, in a few words: the steps every e2e test shares. */
import type { Locator, Page } from "playwright-core";

/** Waits until the locator shows the text (the UI updates asynchronously; never sleep instead). */
export async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: "visible" });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in a member who has finished onboarding and waits for the home page. */
export async function signInToHome(page: Page, email: string, password: string): Promise<void> {
  await signIn(page, email, password);
  await page.getByTestId("home-welcome").waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Welcome back" }).waitFor();
}

/** With E2E_SCREENSHOT_DIR set, saves a full-page screenshot there, for reviewing how pages look. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env["E2E_SCREENSHOT_DIR"];
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** The terms gate a member meets before onboarding, or after the terms change: tick and accept. */
export async function acceptTerms(page: Page): Promise<void> {
  const gate = page.getByTestId("terms-gate");
  await gate.getByTestId("terms-agree").check();
  await gate.getByTestId("terms-accept").click();
}
