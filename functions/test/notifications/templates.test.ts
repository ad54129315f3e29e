import { describe, expect, it } from "vitest";
import type { NoticeDraft } from "../../src/model/index.js";
import {
  UNSUBSCRIBE_URL_SLOT,
  noticeEmail,
  passwordResetEmail,
  unsubscribedPage,
  verifyEmail,
  weeklyDigestEmail,
  welcomeEmail,
} from "../../src/notifications/templates.js";

const notice = (type: NoticeDraft["type"], title: string): NoticeDraft => ({
  id: `${type}-1`,
  type,
  title,
  body: "Body <b>not bold</b> & friends",
  data: {},
  aboutUids: [],
});

describe("email templates", () => {
  const all = {
    welcome: welcomeEmail({ name: "Alice", appUrl: "http://app" }),
    verify: verifyEmail({ verifyUrl: "http://auth/verify?oobCode=x" }),
    reset: passwordResetEmail({ resetUrl: "http://auth/reset?oobCode=y" }),
    match: noticeEmail({ notice: notice("match", "It's a match with Bob"), link: "http://app/matches/p" }),
    promoted: noticeEmail({ notice: notice("waitlist_promoted", "You're in: Yoga"), link: "http://app/classes/c" }),
    reminder: noticeEmail({ notice: notice("class_reminder", "Yoga tomorrow"), link: "http://app/classes/c" }),
    cancelled: noticeEmail({ notice: notice("class_cancelled", "Cancelled: Yoga"), link: "http://app/classes/c" }),
    digest: weeklyDigestEmail({ lines: [{ title: "Bob", body: "See you at 7?", count: 3 }], appUrl: "http://app" }),
  };

  it.each(Object.entries(all))("%s has a subject, a text part and an HTML part", (_name, email) => {
    expect(email.subject.length).toBeGreaterThan(0);
    expect(email.text).toContain("— Numina");
    expect(email.html).toMatch(/^<!doctype html>/);
  });

  it("puts the action links in both parts", () => {
    expect(all.verify.text).toContain("http://auth/verify?oobCode=x");
    expect(all.verify.html).toContain('href="http://auth/verify?oobCode=x"');
    expect(all.reset.html).toContain('href="http://auth/reset?oobCode=y"');
  });

  it("escapes notice text in HTML and keeps it plain in text", () => {
    expect(all.match.html).toContain("Body &lt;b&gt;not bold&lt;/b&gt; &amp; friends");
    expect(all.match.text).toContain("Body <b>not bold</b> & friends");
  });

  it("leaves a slot for the signed unsubscribe link in notice emails and the digest, not in account emails", () => {
    for (const email of [all.match, all.cancelled, all.digest]) {
      expect(email.text).toContain(UNSUBSCRIBE_URL_SLOT);
      expect(email.html).toContain(UNSUBSCRIBE_URL_SLOT);
    }
    for (const email of [all.welcome, all.verify, all.reset]) expect(email.text).not.toContain(UNSUBSCRIBE_URL_SLOT);
  });

  it("counts every unread message in the digest's subject", () => {
    expect(all.digest.subject).toBe("You have 3 unread messages on Numina");
  });

  it("confirms an unsubscribe by topic, and says when a link is broken", () => {
    expect(unsubscribedPage("class_cancelled", "http://app")).toContain("class cancellations");
    expect(unsubscribedPage(null, "http://app")).toContain("does not work");
  });
});
