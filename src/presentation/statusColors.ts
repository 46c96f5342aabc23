// The colours statuses are painted in. Each is contributed in package.json as `telnyxPorting.status.<name>`
// with the `charts.*` colour below as its default, so a theme or `workbench.colorCustomizations` can recolour
// "exception" without recolouring every chart in the workbench. Plain names here keep presentation vscode-free;
// the tree turns them into ThemeColors.

/** Status colour name → the theme colour it defaults to (the same in dark, light and high-contrast themes). */
export const STATUS_COLORS = {
  ported: 'charts.green',
  rejected: 'charts.red',
  exception: 'charts.orange',
  pending: 'charts.yellow',
  inProgress: 'charts.blue',
  focConfirmed: 'charts.purple',
  inactive: 'disabledForeground',
} as const;

export type StatusColor = keyof typeof STATUS_COLORS;

/** The contributed theme colour id of a status colour. */
export function statusColorId(color: StatusColor): string {
  return `telnyxPorting.status.${color}`;
}
