import { type CSSVariablesResolver, createTheme } from "@mantine/core";

// Indigo at shade 8 keeps white button text and link text above WCAG AA (≈5.7:1 on white).
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: 8,
  defaultRadius: "md",
  cursorType: "pointer",
  focusRing: "auto",
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif",
  headings: { fontWeight: "650" },
});

// Mantine's default dimmed, placeholder and error greys/reds fall below 4.5:1 on white; darken them.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "#6b7178",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-disabled-color": "var(--mantine-color-gray-7)",
  },
  dark: {},
});
