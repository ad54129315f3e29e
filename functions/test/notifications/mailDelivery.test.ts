import { describe, expect, it } from "vitest";
import {
  MAIL_MAX_ATTEMPTS,
  afterFailure,
  claimDecision,
  composeMail,
  retryDelayMs,
} from "../../src/notifications/mailDelivery.js";
import { UNSUBSCRIBE_URL_SLOT } from "../../src/notifications/templates.js";

const at = (ms: number) => ({ toMillis: () => ms });

describe("the outbox state machine", () => {
  const none = { leaseExpireTime: null, nextAttemptAt: null };
  it("claims PENDING and a due RETRY, and ends a PROCESSING attempt whose lease ran out", () => {
    expect(claimDecision({ ...none, state: "PENDING" }, 1000)).toBe("claim");
    expect(claimDecision({ ...none, state: "RETRY", nextAttemptAt: at(1000) }, 1000)).toBe("claim");
    expect(claimDecision({ ...none, state: "RETRY", nextAttemptAt: at(1001) }, 1000)).toBe("leave");
    expect(claimDecision({ ...none, state: "PROCESSING", leaseExpireTime: at(2000) }, 1000)).toBe("leave");
    expect(claimDecision({ ...none, state: "PROCESSING", leaseExpireTime: at(1000) }, 1000)).toBe("expire-lease");
    for (const state of ["SUCCESS", "ERROR"] as const) expect(claimDecision({ ...none, state }, 1000)).toBe("leave");
  });

  it("backs off 1, 2, 4, 8 minutes, then gives up", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(afterFailure(1, 0)).toEqual({ state: "RETRY", nextAttemptAtMs: 60_000 });
    expect(afterFailure(MAIL_MAX_ATTEMPTS, 0)).toEqual({ state: "ERROR" });
  });
});

describe("composeMail", () => {
  const mail = {
    to: "alice@numina.test",
    message: {
      subject: "S",
      text: `Unsubscribe: ${UNSUBSCRIBE_URL_SLOT}`,
      html: `<a href="${UNSUBSCRIBE_URL_SLOT}">x</a>`,
    },
    headers: { "X-Numina": "1" },
  };

  it("fills in the signed link and announces one-click unsubscribe", () => {
    const out = composeMail(mail, "Numina <n@x>", "http://fn/unsubscribe?u=a&t=match&s=z", UNSUBSCRIBE_URL_SLOT);
    expect(out.text).toBe("Unsubscribe: http://fn/unsubscribe?u=a&t=match&s=z");
    expect(out.html).toBe('<a href="http://fn/unsubscribe?u=a&amp;t=match&amp;s=z">x</a>');
    expect(out.headers).toEqual({
      "X-Numina": "1",
      "List-Unsubscribe": "<http://fn/unsubscribe?u=a&t=match&s=z>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("adds no unsubscribe header to account emails", () => {
    expect(
      composeMail({ ...mail, message: { subject: "S", text: "t", html: "h" } }, "f", null, UNSUBSCRIBE_URL_SLOT)
        .headers,
    ).toEqual({
      "X-Numina": "1",
    });
  });
});
