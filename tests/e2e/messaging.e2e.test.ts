import type { Browser } from "playwright-core";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDirectConversation } from "../../functions/src/messaging/conversationStore.js";
import { membersOfPair, pairIdOf, paths } from "../../functions/src/model/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures } from "./support/fixtures.js";
import { screenshot, signInToHome, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
let fixtures: Fixtures;
const conversations: string[] = [];

// A message goes through the message trigger (counts, preview) in the Functions emulator, whose
// first invocation starts a worker.
const TRIGGER_TIMEOUT = 30_000;
/** More than one page of history (PAGE_SIZE is 30), so the oldest only appear after scrolling up. */
const HISTORY = 36;

beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = new Fixtures();
});

afterAll(async () => {
  await browser?.close();
  for (const id of conversations) {
    await fixtures?.db.recursiveDelete(fixtures.db.doc(paths.conversation(id))).catch(() => undefined);
  }
  await fixtures?.cleanup();
});

/**
 * A match's conversation with some history, as it would be after an earlier chat. Each old message
 * is written with its receipt, as if its counters had been applied back then, so the members
 * start with nothing unread.
 */
async function matchedWithHistory(a: string, b: string): Promise<string> {
  const db = fixtures.db;
  const id = await db.runTransaction((tx) =>
    Promise.resolve(openDirectConversation(db, tx, { pairId: pairIdOf(a, b), userIds: membersOfPair(a, b) })),
  );
  conversations.push(id);
  const start = Date.now() - 2 * 60 * 60 * 1000;
  for (let i = 1; i <= HISTORY; i++) {
    const messageId = `history-${String(i).padStart(2, "0")}`;
    const batch = db.batch();
    batch.set(db.doc(paths.messageReceipt(id, messageId)), { senderId: a });
    batch.set(db.doc(paths.message(id, messageId)), {
      senderId: i % 2 ? a : b,
      text: `Old message ${i}`,
      createdAt: Timestamp.fromMillis(start + i * 60_000),
    });
    await batch.commit();
  }
  await db.doc(paths.conversation(id)).update({
    lastMessage: {
      text: `Old message ${HISTORY}`,
      senderId: b,
      sentAt: Timestamp.fromMillis(start + HISTORY * 60_000),
    },
    updatedAt: Timestamp.fromMillis(start + HISTORY * 60_000),
  });
  return id;
}

describe("messaging", () => {
  it("two members chat live; the unread badge rises and clears; history loads on scroll", async () => {
    const [anna, ben] = await Promise.all([
      fixtures.createUser({ label: "anna", onboarded: true }),
      fixtures.createUser({ label: "ben", onboarded: true }),
    ]);
    const conversationId = await matchedWithHistory(anna.uid, ben.uid);

    const [a, b] = await Promise.all([openSession(browser, baseUrl), openSession(browser, baseUrl)]);
    await Promise.all([signInToHome(a.page, anna.email, anna.password), signInToHome(b.page, ben.email, ben.password)]);

    // Anna's inbox shows the conversation with Ben and its last message.
    await a.page.getByTestId("nav-messages").click();
    const row = a.page.locator(`[data-conversation-id="${conversationId}"]`);
    await waitForText(row, ben.displayName);
    await waitForText(row.getByTestId("inbox-preview"), `Old message ${HISTORY}`);
    await screenshot(a.page, "messaging-inbox");

    // The chat opens on the newest page; scrolling up loads the rest, back to the first message.
    await row.click();
    await waitForText(a.page.getByTestId("chat-title"), ben.displayName);
    const list = a.page.getByTestId("message-list");
    await waitForText(list, `Old message ${HISTORY}`);
    expect(await list.getByText("Old message 1", { exact: true }).count()).toBe(0);
    await list.evaluate((el) => (el.scrollTop = 0));
    await waitForText(list, "Old message 1");
    await a.page.getByTestId("history-start").waitFor();
    expect(await list.getByTestId("message").count()).toBe(HISTORY);

    // Ben opens the same chat; each sees the other's message live.
    await b.page.goto(`/messages/${conversationId}`);
    const bList = b.page.getByTestId("message-list");
    await waitForText(bList, `Old message ${HISTORY}`);
    await a.page.getByTestId("composer").fill("Fancy a run on Saturday?");
    await a.page.getByTestId("send").click();
    await waitForText(list, "Fancy a run on Saturday?");
    await waitForText(bList, "Fancy a run on Saturday?");

    // Ben types: Anna sees it, without a write per keystroke.
    await b.page.getByTestId("composer").pressSequentially("Sure, 9am", { delay: 30 });
    await waitForText(a.page.getByTestId("typing-indicator"), `${ben.displayName} is typing…`);
    await b.page.getByTestId("send").click();
    await waitForText(list, "Sure, 9am");
    // Ben had the chat open, so Anna's message shows as seen.
    await a.page.getByTestId("seen").waitFor({ timeout: TRIGGER_TIMEOUT });
    await screenshot(a.page, "messaging-chat");

    // Ben goes to his inbox; Anna sends two more: his badge counts them.
    await b.page.getByTestId("nav-messages").click();
    await b.page.getByTestId("inbox").waitFor();
    for (const text of ["Meet at the park gate", "Bring water"]) {
      await a.page.getByTestId("composer").fill(text);
      await a.page.getByTestId("send").click();
      await waitForText(list, text);
    }
    await b.page.getByTestId("unread-total").filter({ hasText: "2" }).waitFor({ timeout: TRIGGER_TIMEOUT });
    const bRow = b.page.locator(`[data-conversation-id="${conversationId}"]`);
    await waitForText(bRow.getByTestId("inbox-unread"), "2");
    await waitForText(bRow.getByTestId("inbox-preview"), "Bring water");
    await screenshot(b.page, "messaging-inbox-unread");

    // Opening the chat reads it: the badge clears.
    await bRow.click();
    await waitForText(bList, "Bring water");
    await b.page.getByTestId("unread-total").waitFor({ state: "detached", timeout: TRIGGER_TIMEOUT });
    expect(await b.page.getByTestId("nav-messages").textContent()).toBe("Messages");

    await Promise.all([a.context.close(), b.context.close()]);
  }, 180_000);
});
