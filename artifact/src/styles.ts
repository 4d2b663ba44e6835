import CSS from './styles.css';

/** Adds the editor's stylesheet (styles.css, bundled as text) to the page. */
export function injectStyles(): void {
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
}
