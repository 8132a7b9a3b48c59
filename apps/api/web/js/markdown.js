// Markdown to safe HTML: marked parses, DOMPurify sanitises, figure references become their links.

import { marked } from '/assets/vendor/marked.js';
import DOMPurify from '/assets/vendor/purify.js';

const FIGURE_REF = /^(?:\.\/)?figures\/picture-(\d+)\.png$/;

/**
 * A fragment of the rendered Markdown. `figureUrls` maps a figure's index to its pre-signed URL:
 * the Markdown refers to figures as `figures/picture-<n>.png`, relative to the result file.
 * Any other image is shown as its alt text (the page loads images only from the service).
 */
export function renderMarkdown(markdown, figureUrls) {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    // Inline styles would break the page's CSP anyway; forms have nothing to do in a document.
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea'],
    FORBID_ATTR: ['style'],
  });
  for (const image of fragment.querySelectorAll('img')) {
    const match = FIGURE_REF.exec(image.getAttribute('src') ?? '');
    const url = match && figureUrls.get(Number(match[1]));
    if (url) {
      image.src = url;
      image.decoding = 'async';
      image.dataset.figure = match[1];
    } else {
      image.replaceWith(document.createTextNode(image.alt ? `[${image.alt}]` : ''));
    }
  }
  for (const link of fragment.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href');
    // In-page anchors would change the page's own #/ route.
    if (href.startsWith('#')) link.removeAttribute('href');
    else link.rel = 'noopener noreferrer nofollow';
  }
  return fragment;
}
