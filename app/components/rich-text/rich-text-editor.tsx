import { EditorContent, useEditor, useEditorState, type ChainedCommands, type Editor } from "@tiptap/react";
import type { EditorView } from "@tiptap/pm/view";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { fieldId } from "~/components/form/error-summary";
import { richTextExtensions } from "~/lib/rich-text/extensions";
import { richTextToPlainText } from "~/lib/rich-text/render";
import type { RichTextDoc } from "~/lib/rich-text/types";
import { countWords } from "~/lib/rich-text/words";
import {
  describedBy,
  hrefFromLinkInput,
  LINK_ERROR_MESSAGE,
  linkTextFromInput,
  plainTextToDoc,
  rovingIndex,
  wordCountMessage,
} from "./helpers";

export interface RichTextEditorProps {
  /** Form field name, e.g. "problem". */
  name: string;
  /** Visible label, also the editor's accessible name. */
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Initial document. */
  defaultValue: RichTextDoc | null;
  /** Called after every edit with the document and its word count. */
  onChange?: (doc: RichTextDoc, words: number) => void;
}

/**
 * True until the first render of the page in the browser has been committed.
 * Only that first render (hydration) can find a server-rendered textarea
 * someone has already typed into.
 */
let hydrating = true;

interface EarlyInput {
  /** null when the text was not changed. */
  value: string | null;
  focused: boolean;
}

/**
 * Text typed into the no-JavaScript textarea before the scripts loaded.
 * Read during the hydration render, because React then resets a hydrated
 * textarea's value to its server-rendered text when it commits.
 */
function readEarlyInput(id: string): EarlyInput | null {
  if (!hydrating || typeof document === "undefined") return null;
  const textarea = document.getElementById(id);
  if (!(textarea instanceof HTMLTextAreaElement) || !textarea.classList.contains("app-rich-text__textarea")) return null;
  const focused = document.activeElement === textarea;
  const value = textarea.value === textarea.defaultValue ? null : textarea.value;
  return value === null && !focused ? null : { value, focused };
}

/** How long typing must pause before the word count is announced (as GOV.UK character count). */
const ANNOUNCE_DELAY_MS = 1000;

type ToolbarState = {
  bold: boolean;
  italic: boolean;
  heading: boolean;
  subheading: boolean;
  bullets: boolean;
  numbers: boolean;
  quote: boolean;
  link: boolean;
  /** Some of the selection (or the link around the cursor) is linked. */
  canUnlink: boolean;
};

type ToggleKey = Exclude<keyof ToolbarState, "link" | "canUnlink">;

const TOGGLES: { key: ToggleKey; label: string; shortcut?: string; run: (chain: ChainedCommands) => ChainedCommands }[] = [
  { key: "bold", label: "Bold", shortcut: "Control+B Meta+B", run: (c) => c.toggleBold() },
  { key: "italic", label: "Italic", shortcut: "Control+I Meta+I", run: (c) => c.toggleItalic() },
  { key: "heading", label: "Heading", run: (c) => c.toggleHeading({ level: 2 }) },
  { key: "subheading", label: "Subheading", run: (c) => c.toggleHeading({ level: 3 }) },
  { key: "bullets", label: "Bullets", run: (c) => c.toggleBulletList() },
  { key: "numbers", label: "Numbers", run: (c) => c.toggleOrderedList() },
  { key: "quote", label: "Quote", run: (c) => c.toggleBlockquote() },
];

/** Toggle buttons, then Link and Unlink: the order of the toolbar's buttons. */
const BUTTON_COUNT = TOGGLES.length + 2;
const LINK_INDEX = TOGGLES.length;
const UNLINK_INDEX = TOGGLES.length + 1;

function toolbarState(editor: Editor | null): ToolbarState | null {
  if (!editor) return null;
  return {
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    heading: editor.isActive("heading", { level: 2 }),
    subheading: editor.isActive("heading", { level: 3 }),
    bullets: editor.isActive("bulletList"),
    numbers: editor.isActive("orderedList"),
    quote: editor.isActive("blockquote"),
    link: editor.isActive("link"),
    canUnlink: canUnlink(editor),
  };
}

function canUnlink(editor: Editor): boolean {
  const { from, to, empty } = editor.state.selection;
  const linkType = editor.schema.marks.link;
  if (!linkType) return false;
  return empty ? editor.isActive("link") : editor.state.doc.rangeHasMark(from, to, linkType);
}

interface LinkPanelState {
  from: number;
  to: number;
  /** The selection was inside an existing link: Add link changes that link. */
  editing: boolean;
}

/**
 * A GOV.UK form field for formatted text.
 *
 * Without JavaScript (and on the server) it is a plain textarea named `name`
 * holding the document's plain text. Once the editor has loaded it becomes a
 * Tiptap editor with a formatting toolbar, and the document is posted as
 * JSON in a hidden input named `name`. The page itself tells the server which
 * of the two it is getting (its `richTextFormat` input).
 *
 * The textarea and the editable element share one id, `fieldId(name)`, so
 * the error summary's links work either way.
 */
export function RichTextEditor({ name, label, hint, error, defaultValue, onChange }: RichTextEditorProps) {
  const id = fieldId(name);
  const labelId = `${id}-label`;
  const toolbarId = `${id}-toolbar`;
  const linkPanelId = `${id}-link`;
  const linkInputId = `${id}-link-address`;
  const countId = `${id}-word-count`;
  const hasHint = Boolean(hint);
  const hasError = Boolean(error);
  const ariaDescribedBy = describedBy(id, hasHint, hasError);

  const initialPlainText = useMemo(() => richTextToPlainText(defaultValue), [defaultValue]);

  // Someone may have typed (or put the focus) in the textarea before the
  // scripts loaded; the editor takes both over.
  const [earlyInput] = useState(() => readEarlyInput(id));
  const earlyInputRef = useRef(earlyInput);
  useEffect(() => {
    hydrating = false;
  }, []);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const buttonRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const linkInputRef = useRef<HTMLInputElement>(null);

  const [version, setVersion] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [activeIndex, setActiveIndex] = useState(0);
  const [linkPanel, setLinkPanel] = useState<LinkPanelState | null>(null);
  const [linkValue, setLinkValue] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);

  // Key handlers are registered once, with the editor; these refs let them
  // call the latest versions of the component's functions.
  const openLinkPanelRef = useRef<() => void>(() => {});
  const focusToolbarRef = useRef<() => void>(() => {});
  const closeLinkPanelQuietlyRef = useRef<() => void>(() => {});

  const editorProps = useMemo(
    () => ({
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(ariaDescribedBy ? { "aria-describedby": ariaDescribedBy } : {}),
        ...(hasError ? { "aria-invalid": "true" } : {}),
        class: `app-rich-text__editor${hasError ? " app-rich-text__editor--error" : ""}`,
      },
      handleDOMEvents: {
        // Tab leaves the editor, as it leaves a textarea. Without this,
        // StarterKit's list keymap turns Tab into "indent list item" and
        // Shift+Tab into "lift out of list", which keyboard users do not
        // expect from a form field. Returning true stops ProseMirror handling
        // the key without preventing the browser's default focus move.
        keydown: (_view: EditorView, event: globalThis.KeyboardEvent) =>
          event.key === "Tab" && !event.ctrlKey && !event.altKey && !event.metaKey,
      },
      handleKeyDown: (_view: EditorView, event: globalThis.KeyboardEvent) => {
        // Alt+F10: the usual editor shortcut to reach the toolbar.
        if (event.altKey && event.key === "F10") {
          focusToolbarRef.current();
          return true;
        }
        // Ctrl/Cmd+K: add or change a link.
        if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
          openLinkPanelRef.current();
          return true;
        }
        return false;
      },
    }),
    [id, labelId, ariaDescribedBy, hasError],
  );

  const editor = useEditor({
    immediatelyRender: false,
    extensions: richTextExtensions,
    content: defaultValue ?? undefined,
    injectCSS: false,
    editorProps,
    onUpdate: ({ editor: current }) => {
      const doc = current.getJSON() as RichTextDoc;
      setVersion((v) => v + 1);
      onChangeRef.current?.(doc, countWords(richTextToPlainText(doc)));
    },
    onFocus: () => closeLinkPanelQuietlyRef.current(),
  });

  // Carry over anything typed into the textarea before the editor loaded,
  // and the focus if it was there.
  useEffect(() => {
    const early = earlyInputRef.current;
    if (!editor || !early) return;
    earlyInputRef.current = null;
    if (early.value !== null) editor.commands.setContent(plainTextToDoc(early.value));
    if (early.focused) editor.commands.focus("end");
  }, [editor]);

  const doc = useMemo<RichTextDoc | null>(
    () => (editor ? (editor.getJSON() as RichTextDoc) : null),
    // version changes on every edit
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, version],
  );
  const words = useMemo(() => (doc ? countWords(richTextToPlainText(doc)) : 0), [doc]);

  // Announce the count once typing pauses; not on load.
  useEffect(() => {
    if (version === 0) return;
    const timer = setTimeout(() => setAnnouncement(wordCountMessage(words)), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [version, words]);

  const active = useEditorState({ editor, selector: ({ editor: current }) => toolbarState(current) });

  const focusToolbar = useCallback(() => {
    buttonRefs.current[activeIndex]?.focus();
  }, [activeIndex]);

  const openLinkPanel = useCallback(() => {
    if (!editor) return;
    const { from, to } = editor.state.selection;
    const editing = editor.isActive("link");
    const href = editing ? editor.getAttributes("link").href : "";
    setLinkPanel({ from, to, editing });
    setLinkValue(typeof href === "string" ? href : "");
    setLinkError(null);
  }, [editor]);

  const closeLinkPanel = useCallback(
    (refocusEditor: boolean) => {
      setLinkPanel(null);
      setLinkError(null);
      if (refocusEditor) editor?.commands.focus();
    },
    [editor],
  );

  openLinkPanelRef.current = openLinkPanel;
  focusToolbarRef.current = focusToolbar;
  closeLinkPanelQuietlyRef.current = () => {
    if (linkPanel) closeLinkPanel(false);
  };

  // Move focus into the link panel when it opens.
  const linkPanelOpen = linkPanel !== null;
  useEffect(() => {
    if (linkPanelOpen) linkInputRef.current?.focus();
  }, [linkPanelOpen]);

  function applyLink() {
    if (!editor || !linkPanel) return;
    const href = hrefFromLinkInput(linkValue);
    if (!href) {
      setLinkError(LINK_ERROR_MESSAGE);
      linkInputRef.current?.focus();
      return;
    }
    const size = editor.state.doc.content.size;
    const from = Math.min(linkPanel.from, size);
    const to = Math.min(linkPanel.to, size);
    // Close first: focusing the editor would otherwise close it without
    // applying (see onFocus).
    setLinkPanel(null);
    setLinkError(null);
    const chain = editor.chain().focus().setTextSelection({ from, to });
    if (from !== to) {
      chain.setLink({ href });
    } else if (linkPanel.editing) {
      chain.extendMarkRange("link").setLink({ href });
    } else {
      // Nothing selected: the address becomes the link text. Links are
      // inclusive (autolink), so drop the mark for whatever is typed next.
      chain
        .insertContent({ type: "text", text: linkTextFromInput(linkValue, href), marks: [{ type: "link", attrs: { href } }] })
        .unsetMark("link");
    }
    chain.run();
  }

  function runToolbarCommand(index: number) {
    if (!editor) return;
    setActiveIndex(index);
    if (index === LINK_INDEX) {
      openLinkPanel();
      return;
    }
    if (index === UNLINK_INDEX) {
      if (active?.canUnlink) editor.chain().focus().unsetLink().run();
      return;
    }
    TOGGLES[index].run(editor.chain().focus()).run();
  }

  function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = rovingIndex(event.key, activeIndex, BUTTON_COUNT);
    if (next === null) return;
    event.preventDefault();
    setActiveIndex(next);
    buttonRefs.current[next]?.focus();
  }

  function onLinkInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter would otherwise submit the page's form.
    if (event.key === "Enter") {
      event.preventDefault();
      applyLink();
    }
  }

  function onLinkPanelKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      closeLinkPanel(true);
    }
  }

  const toolbarButton = (index: number, text: string, extra: Record<string, unknown>, className = "") => (
    <button
      key={text}
      ref={(el) => {
        buttonRefs.current[index] = el;
      }}
      type="button"
      className={`app-rich-text__button ${className}`.trim()}
      tabIndex={index === activeIndex ? 0 : -1}
      // Keep the editor's selection (and focus) when clicked with a mouse.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => runToolbarCommand(index)}
      onFocus={() => setActiveIndex(index)}
      {...extra}
    >
      {text}
    </button>
  );


  return (
    <div className={`govuk-form-group app-rich-text${hasError ? " govuk-form-group--error" : ""}`}>
      <label
        id={labelId}
        className="govuk-label"
        htmlFor={id}
        // A label does not focus a contenteditable by itself.
        onClick={
          editor
            ? (event) => {
                event.preventDefault();
                editor.commands.focus();
              }
            : undefined
        }
      >
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}

      {editor ? (
        <>
          <div
            id={toolbarId}
            className="app-rich-text__toolbar"
            role="toolbar"
            aria-label={`Formatting for ${label}`}
            aria-controls={id}
            onKeyDown={onToolbarKeyDown}
          >
            {TOGGLES.map((toggle, index) =>
              toolbarButton(
                index,
                toggle.label,
                {
                  "aria-pressed": active?.[toggle.key] ?? false,
                  ...(toggle.shortcut ? { "aria-keyshortcuts": toggle.shortcut } : {}),
                },
                `app-rich-text__button--${toggle.key}`,
              ),
            )}
            {toolbarButton(LINK_INDEX, "Link", {
              "aria-keyshortcuts": "Control+K Meta+K",
              "aria-expanded": linkPanelOpen,
              ...(linkPanelOpen ? { "aria-controls": linkPanelId } : {}),
            })}
            {toolbarButton(UNLINK_INDEX, "Unlink", { "aria-disabled": active?.canUnlink ? undefined : true })}
          </div>

          {linkPanel ? (
            <div
              id={linkPanelId}
              className="app-rich-text__link-panel"
              role="group"
              aria-label="Link"
              onKeyDown={onLinkPanelKeyDown}
            >
              <div className={`govuk-form-group${linkError ? " govuk-form-group--error" : ""}`}>
                <label className="govuk-label govuk-label--s" htmlFor={linkInputId}>
                  Link address
                </label>
                <div id={`${linkInputId}-hint`} className="govuk-hint">
                  For example, https://www.gov.uk or mailto:name@example.org
                </div>
                <div aria-live="polite">
                  {linkError ? (
                    <p id={`${linkInputId}-error`} className="govuk-error-message">
                      <span className="govuk-visually-hidden">Error:</span> {linkError}
                    </p>
                  ) : null}
                </div>
                <input
                  ref={linkInputRef}
                  id={linkInputId}
                  // No name: this box is not part of the form's data.
                  type="text"
                  inputMode="url"
                  autoComplete="url"
                  autoCapitalize="none"
                  spellCheck={false}
                  className={`govuk-input${linkError ? " govuk-input--error" : ""}`}
                  aria-describedby={`${linkInputId}-hint${linkError ? ` ${linkInputId}-error` : ""}`}
                  aria-invalid={linkError ? true : undefined}
                  value={linkValue}
                  onChange={(event) => setLinkValue(event.target.value)}
                  onKeyDown={onLinkInputKeyDown}
                />
              </div>
              <div className="govuk-button-group">
                <button type="button" className="govuk-button" onClick={applyLink}>
                  {linkPanel.editing ? "Change link" : "Add link"}
                </button>
                <button type="button" className="govuk-button govuk-button--secondary" onClick={() => closeLinkPanel(true)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : null}

          <EditorContent editor={editor} className="app-rich-text__content" />
          <input type="hidden" name={name} value={doc ? JSON.stringify(doc) : ""} />

          <div id={countId} className="govuk-hint app-rich-text__count" aria-hidden="true">
            {wordCountMessage(words)}
          </div>
          {/* Starts with the count (read when browsing, not announced), then
              changes once typing pauses, which is what gets announced. */}
          <div className="govuk-visually-hidden" aria-live="polite">
            {version === 0 ? wordCountMessage(words) : announcement}
          </div>
        </>
      ) : (
        <textarea
          id={id}
          name={name}
          rows={10}
          className={`govuk-textarea app-rich-text__textarea${hasError ? " govuk-textarea--error" : ""}`}
          aria-describedby={ariaDescribedBy}
          aria-invalid={hasError ? true : undefined}
          defaultValue={initialPlainText}
        />
      )}
    </div>
  );
}
