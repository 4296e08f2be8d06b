import { createContext, useContext } from "react";

export type ThemeChoice = "light" | "dark" | "system";

export interface ThemeState {
  /** What the user picked; `system` follows prefers-color-scheme. */
  choice: ThemeChoice;
  /** What is shown now. */
  resolved: "light" | "dark";
  setChoice: (choice: ThemeChoice) => void;
}

export const ThemeContext = createContext<ThemeState | null>(null);

export function useTheme(): ThemeState {
  const theme = useContext(ThemeContext);
  if (!theme) throw new Error("useTheme() needs a <ThemeProvider> above it");
  return theme;
}
