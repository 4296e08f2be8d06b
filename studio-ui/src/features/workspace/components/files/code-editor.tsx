import { defaultKeymap } from "@codemirror/commands";
import { bracketMatching, foldGutter, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { useEffect, useRef } from "react";
import { loadLanguage } from "./languages";

/** Colours from the studio's theme variables (index.css), so light and dark follow the theme. */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.modifier, tags.operatorKeyword, tags.controlKeyword], color: "var(--syntax-keyword)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--syntax-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--syntax-number)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--syntax-comment)", fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--syntax-function)" },
  { tag: [tags.typeName, tags.className, tags.namespace], color: "var(--syntax-type)" },
  { tag: [tags.tagName, tags.angleBracket], color: "var(--syntax-tag)" },
  { tag: [tags.attributeName, tags.propertyName], color: "var(--syntax-property)" },
  { tag: [tags.heading], fontWeight: "bold", color: "var(--syntax-keyword)" },
  { tag: [tags.link, tags.url], textDecoration: "underline" },
]);

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px", backgroundColor: "var(--background)", color: "var(--foreground)" },
  "&.cm-focused": { outline: "2px solid var(--ring)", outlineOffset: "-2px" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.5" },
  ".cm-gutters": { backgroundColor: "var(--muted)", color: "var(--muted-foreground)", border: "none" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "color-mix(in oklch, var(--accent) 70%, transparent)" },
  ".cm-content": { caretColor: "var(--foreground)" },
  ".cm-cursor": { borderLeftColor: "var(--foreground)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "color-mix(in oklch, var(--ring) 30%, transparent)",
  },
  ".cm-panels": { backgroundColor: "var(--muted)", color: "var(--foreground)" },
});

interface CodeEditorProps {
  path: string;
  content: string;
}

/**
 * A read-only CodeMirror 6 view of one file: syntax highlighting, line numbers, folding, search
 * (Ctrl+F). It takes focus like a text field, so the text can be selected and copied; Tab leaves it.
 */
export default function CodeEditor({ path, content }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const language = new Compartment();
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: content,
        extensions: [
          EditorState.readOnly.of(true),
          EditorView.contentAttributes.of({ "aria-label": `Contents of ${path}`, "aria-readonly": "true", tabindex: "0" }),
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          foldGutter(),
          drawSelection(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          bracketMatching(),
          syntaxHighlighting(highlight),
          keymap.of([...defaultKeymap, ...searchKeymap]),
          theme,
          language.of([]),
        ],
      }),
    });
    let current = true;
    void loadLanguage(path)?.then(
      (extension) => {
        if (current) view.dispatch({ effects: language.reconfigure(extension) });
      },
      () => {
        // The language's chunk did not load: the file stays plain text.
      },
    );
    return () => {
      current = false;
      view.destroy();
    };
  }, [path, content]);

  return <div ref={host} className="h-full min-h-0 overflow-hidden" />;
}
