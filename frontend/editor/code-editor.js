// The Author tool's code editor (Studio): CodeMirror 6 mounted over the HTML and CSS textareas
// of the design editor, with highlighting, line numbers and each problem marked at its line.
// Built by `make frontend` into author_certificates/static/author_certificates/js/code-editor.js
// (committed: pip users get it, nothing comes from a CDN). Progressive enhancement: without
// JavaScript the textareas are the editor; with it, each textarea stays in the form, hidden,
// and gets the editor's text on every change, so a plain submit and FormData both post it.
import { EditorState } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  syntaxHighlighting, HighlightStyle, bracketMatching, indentOnInput,
} from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { html } from '@codemirror/lang-html';
import { css } from '@codemirror/lang-css';

const LANGUAGES = { html, css };

// Colours with a contrast of 4.5:1 or more on white, the active line and a selection (axe's
// color-contrast rule; CodeMirror's default style has 3.6:1 greens).
const readableHighlighting = HighlightStyle.define([
  { tag: [tags.tagName, tags.angleBracket], color: '#116329' },
  { tag: [tags.attributeName, tags.propertyName], color: '#0b5394' },
  { tag: [tags.string, tags.attributeValue, tags.special(tags.string)], color: '#aa1111' },
  { tag: [tags.keyword, tags.modifier, tags.operatorKeyword], color: '#770088' },
  { tag: [tags.number, tags.unit, tags.color, tags.atom, tags.bool], color: '#116644' },
  { tag: [tags.className, tags.labelName, tags.variableName, tags.definition(tags.variableName)], color: '#221199' },
  { tag: [tags.comment, tags.meta, tags.processingInstruction, tags.documentMeta], color: '#5c5c5c', fontStyle: 'italic' },
  { tag: tags.invalid, color: '#aa1111', textDecoration: 'underline' },
  { tag: tags.heading, fontWeight: 'bold' },
]);
const editors = {};

function diagnosticsFor(view, marks) {
  const { doc } = view.state;
  return marks.map((mark) => {
    const line = doc.line(Math.min(Math.max(mark.line, 1), doc.lines));
    return { from: line.from, to: Math.max(line.to, line.from), severity: 'error', message: mark.message };
  });
}

function mount(textarea, field) {
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label && !label.id) { label.id = `${textarea.id}-label`; }
  const contentAttributes = { 'aria-multiline': 'true' };
  if (label) { contentAttributes['aria-labelledby'] = label.id; }
  const described = textarea.getAttribute('aria-describedby');
  if (described) { contentAttributes['aria-describedby'] = described; }
  if (textarea.getAttribute('aria-invalid')) { contentAttributes['aria-invalid'] = 'true'; }
  const host = document.createElement('div');
  host.className = 'ac-code-editor';
  host.setAttribute('data-code-editor', field);
  textarea.insertAdjacentElement('afterend', host);
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(readableHighlighting),
        keymap.of([...defaultKeymap, ...historyKeymap]), // Tab is left to move focus on
        LANGUAGES[field](),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of(contentAttributes),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) { textarea.value = update.state.doc.toString(); }
        }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.setAttribute('data-mounted', 'true');
  if (label) {
    // The label now names the editor (aria-labelledby), not the hidden textarea.
    label.removeAttribute('for');
    label.addEventListener('click', () => { view.focus(); });
  }
  editors[field] = view;
  return view;
}

function setMarks(marks) {
  Object.entries(editors).forEach(([field, view]) => {
    const own = (marks || []).filter((mark) => mark.field === field);
    view.dispatch(setDiagnostics(view.state, diagnosticsFor(view, own)));
    if (own.length) {
      view.contentDOM.setAttribute('aria-invalid', 'true');
    } else {
      view.contentDOM.removeAttribute('aria-invalid');
    }
  });
}

function focusField(field, line) {
  const view = editors[field];
  if (!view) { return false; }
  if (line) {
    const target = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
    view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
  }
  view.focus();
  return true;
}

function start() {
  const form = document.getElementById('ac-editor');
  if (!form) { return; }
  ['html', 'css'].forEach((field) => {
    const textarea = form.querySelector(`textarea[name="${field}"]`);
    if (textarea) { mount(textarea, field); }
  });
  form.addEventListener('submit', () => {
    Object.entries(editors).forEach(([field, view]) => {
      form.querySelector(`textarea[name="${field}"]`).value = view.state.doc.toString();
    });
  });
  const marks = document.getElementById('ac-problem-marks');
  setMarks(marks ? JSON.parse(marks.textContent) : []);
  window.acCodeEditor = { setMarks, focusField, editors };
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
