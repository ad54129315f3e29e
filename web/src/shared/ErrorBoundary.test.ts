import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PageError, PageErrorBoundary } from "./ErrorBoundary";

describe("PageErrorBoundary", () => {
  const failed = { error: new Error("boom"), resetKey: "/classes" };

  it("remembers what broke the page", () => {
    expect(PageErrorBoundary.getDerivedStateFromError(failed.error)).toEqual({ error: failed.error });
  });

  it("keeps the error while the reader stays on the page", () => {
    expect(PageErrorBoundary.getDerivedStateFromProps({ resetKey: "/classes", children: null }, failed)).toBeNull();
  });

  it("clears it when the reader goes to another page", () => {
    expect(PageErrorBoundary.getDerivedStateFromProps({ resetKey: "/schedule", children: null }, failed)).toEqual({
      error: null,
      resetKey: "/schedule",
    });
  });
});

describe("PageError", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("says the page failed, offers to try again and links to a reload of the same address", () => {
    vi.stubGlobal("window", { location: { href: "http://localhost/classes/abc" } });
    const html = renderToStaticMarkup(createElement(PageError, { onRetry: () => undefined }));
    expect(html).toContain("Something went wrong on this page");
    expect(html).toContain("Try again");
    expect(html).toContain('href="http://localhost/classes/abc"');
  });
});
