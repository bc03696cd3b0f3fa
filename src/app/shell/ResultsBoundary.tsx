/** Keeps a rendering error in the dashboard (say, a damaged saved result) from blanking the whole page. */
import { Component, type ReactNode } from 'react';
import type { Translate } from '../i18n.ts';

interface Props {
  t: Translate;
  children: ReactNode;
}

/** Shows its children, or the error that rendering them threw, in words. */
export class ResultsBoundary extends Component<Props, { message: string | null }> {
  override state = { message: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.message !== null) {
      return (
        <p className="error" role="alert" data-testid="results-error">
          {this.props.t('results.crashed', { message: this.state.message })}
        </p>
      );
    }
    return this.props.children;
  }
}
