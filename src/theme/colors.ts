/**
 * The theme's colours a platform call takes as a value rather than a class (a modal's confirm button: red for what
 * cannot be undone). The same values as theme.scss, which tests/unit/theme-colors.test.ts checks.
 */
export const COLORS = {
  danger: '#c62828',
} as const
