// Just enough of the `vscode` module for the tree nodes to run in plain Node. The bench build aliases
// `vscode` to this file, so the real node classes are measured, not look-alikes. Only what the tree
// nodes touch is here: anything else they start using fails loudly at bundle time or on first call.

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class MarkdownString {
  isTrusted = false;
  supportHtml = false;
  constructor(
    public value = '',
    readonly supportThemeIcons = false,
  ) {}
  appendText(text: string): this {
    this.value += text;
    return this;
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static from(parts: { scheme: string; path?: string }): Uri {
    return new Uri(parts.scheme, parts.path ?? '');
  }
  toString(): string {
    return `${this.scheme}:${this.path}`;
  }
}

export class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string | MarkdownString;
  iconPath?: ThemeIcon;
  contextValue?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(
    public label: string,
    public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
  ) {}
}

export class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  readonly event = (listener: (e: T) => void): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => void (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

/** vscode.l10n as VS Code runs it with no translation loaded: the English text with its placeholders filled. */
export const l10n = {
  t(message: string, ...args: (string | number | boolean)[]): string {
    return args.length === 0 ? message : message.replace(/{([^}]+)}/g, (match, i: string) => String(args[Number(i)] ?? match));
  },
};
