/**
 * Keeps one failing pane from blanking the whole app: the pane shows what happened and the
 * navigation (and every other pane's form) keeps working.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export class PaneErrorBoundary extends React.Component<{ title: string; children: React.ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="pane-crashed">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          {this.state.error.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
}
