import { Component, type ReactNode } from 'react';

/**
 * Keeps a failing chart (a chunk that did not load, a library error) from taking the page with it:
 * the chart is extra, the lists above it are what a manager came for.
 */
export class ChartBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('Drypp tab: the chart failed', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
