// Tiny helpers to build elements without HTML strings (nothing from the api is parsed as HTML here).

/** `el('a', {href: '#'}, 'text', child)`: attributes set as attributes, `class` included. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

export const byId = (id) => document.getElementById(id);

/** Shows a message in the page's status region (read out by screen readers). */
export function notify(message, kind = 'info') {
  const notice = byId('notice');
  notice.textContent = message;
  notice.dataset.kind = kind;
}

/** Clears the status region when it shows an error that has since gone away. */
export function clearError() {
  const notice = byId('notice');
  if (notice.dataset.kind === 'error') notice.textContent = '';
}
