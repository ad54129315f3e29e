/**
 * Keeps one failing page from blanking the whole app: the header, navigation and other pages keep
 * working, and the broken page says so with a way to try again.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { Outlet, useLocation } from "react-router";

/** The routed page, behind its own boundary: a layout route renders this where it would render <Outlet />. */
export function PageOutlet() {
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary resetKey={pathname}>
      <Outlet />
    </PageErrorBoundary>
  );
}

interface Props {
  /** Changes when the reader goes somewhere else (the URL): a new page gets a fresh start. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  /** What broke the page; null while it renders normally. */
  error: unknown;
  /** The resetKey of the last render. */
  resetKey: string | null;
}

export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  /** Going to another page clears the error, so that page renders. */
  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error("A page failed to render", error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return <PageError onRetry={this.retry} />;
  }
}

/** What a reader sees instead of a page that failed. */
export function PageError({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="page narrow" data-testid="page-error">
      <section className="card stack center-text" role="alert">
        <h1>Something went wrong on this page</h1>
        <p className="muted">The rest of Numina still works. Try again, or reload the page if it keeps happening.</p>
        <div className="row">
          <button type="button" className="button button-primary" onClick={onRetry}>
            Try again
          </button>
          <a href={window.location.href} className="button">
            Reload the page
          </a>
        </div>
      </section>
    </div>
  );
}
