import { useCallback } from "react";

/** How recent a Tab press must be for focus entering the frame to count as the user's. */
const TAB_MS = 500;

/**
 * A ref for a cross-origin frame that keeps it from taking the keyboard focus by itself (an
 * `autofocus`, a dev overlay, a hot reload): focus may enter it by a Tab from the studio or with
 * the pointer over it; otherwise it goes back where it was, so typing in the prompt box never
 * lands in the preview.
 */
export function useFocusGuard() {
  return useCallback((frame: HTMLIFrameElement | null) => {
    if (!frame) return;
    let pointerOver = false;
    let tabbedAt = -Infinity;
    let before: Element | null = document.activeElement;

    const onFocusIn = () => {
      if (document.activeElement !== frame) before = document.activeElement;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Tab") tabbedAt = performance.now();
    };
    const onBlur = () => {
      // The frame's document is not ours to watch: when it takes focus, this window blurs.
      setTimeout(() => {
        const byUser = pointerOver || performance.now() - tabbedAt < TAB_MS;
        if (document.activeElement !== frame || byUser) return;
        if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus();
        else frame.blur();
      });
    };
    const onEnter = () => {
      pointerOver = true;
    };
    const onLeave = () => {
      pointerOver = false;
    };

    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("keydown", onKeyDown, true);
    window.addEventListener("blur", onBlur);
    frame.addEventListener("pointerenter", onEnter);
    frame.addEventListener("pointerleave", onLeave);
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("keydown", onKeyDown, true);
      window.removeEventListener("blur", onBlur);
      frame.removeEventListener("pointerenter", onEnter);
      frame.removeEventListener("pointerleave", onLeave);
    };
  }, []);
}
