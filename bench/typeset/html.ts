import { headingText, inlineText, subLetter } from './answer.js';
import type { Block, Chart, DocumentModel, Figure, List, Table } from './model.js';

export type HtmlStylesheet =
  'serif-columns' | 'sans-zebra' | 'report-band' | 'narrow-serif' | 'browser-default';

export interface HtmlStyle {
  stylesheet: HtmlStylesheet;
  /** Images inlined as data URIs rather than linked files. */
  dataUris: boolean;
}

const PRINT_COLOURS = '* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }';
const KEEP_TOGETHER = 'figure, table, pre { break-inside: avoid; } img { max-width: 100%; }';

const STYLESHEETS: Record<HtmlStylesheet, string> = {
  'serif-columns': `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'Liberation Serif', serif; font-size: 10.5pt; line-height: 1.3; margin: 0; }
h1 { text-align: center; font-size: 20pt; margin: 0 0 4pt; }
.authors { text-align: center; font-style: italic; margin-bottom: 14pt; }
main { column-count: 2; column-gap: 8mm; text-align: justify; }
h2 { font-size: 12pt; margin: 10pt 0 4pt; } h3 { font-size: 11pt; } h4 { font-size: 10.5pt; font-style: italic; }
table { border-collapse: collapse; margin: 6pt auto; font-size: 9pt; }
th, td { padding: 1pt 5pt; } thead { border-top: 1.5px solid black; border-bottom: 1px solid black; }
tbody { border-bottom: 1.5px solid black; } caption { font-size: 9pt; margin-bottom: 3pt; }
pre { font-size: 8.5pt; } figure { margin: 6pt 0; text-align: center; } figcaption { font-size: 9pt; }
.subs { display: flex; gap: 4pt; } .subs figure { flex: 1; margin: 0; }`,
  'sans-zebra': `
@page { size: Letter; margin: 20mm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10.5pt; line-height: 1.45; color: #222; }
h1 { font-size: 24pt; font-weight: 300; margin-bottom: 2pt; } .authors { color: #666; margin-bottom: 18pt; }
h2 { font-size: 15pt; color: #0b5394; } h3 { font-size: 12.5pt; } h4 { font-size: 11pt; color: #444; }
table { border-collapse: collapse; margin: 8pt 0; } th { text-align: left; border-bottom: 2px solid #0b5394; }
th, td { padding: 3pt 8pt; } tbody tr:nth-child(even) { background: #eef3fa; }
caption { caption-side: top; text-align: left; font-weight: bold; margin-bottom: 4pt; }
pre { background: #f4f4f4; padding: 6pt; font-size: 9pt; } figcaption { font-size: 9.5pt; color: #444; }
.subs { display: flex; gap: 10pt; } .subs figure { flex: 1; margin: 0; }`,
  'report-band': `
@page { size: A4; margin: 0 0 18mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.4; margin: 0; }
header { background: #1f4e79; color: white; padding: 16mm 18mm 8mm; margin-bottom: 8mm; }
header h1 { margin: 0 0 4pt; font-size: 22pt; } .authors { color: #dbe7f3; }
main { padding: 0 18mm; } h2 { border-bottom: 1px solid #1f4e79; color: #1f4e79; font-size: 14pt; }
h3 { font-size: 12pt; } h4 { font-size: 10.5pt; }
table { border-collapse: collapse; margin: 8pt 0; } th, td { border: 1px solid #888; padding: 2pt 6pt; }
th { background: #dbe7f3; } caption { margin-bottom: 4pt; font-style: italic; }
pre { border-left: 3px solid #1f4e79; padding-left: 8pt; font-size: 9pt; }
figure { text-align: center; } .subs { display: flex; gap: 8pt; } .subs figure { flex: 1; margin: 0; }`,
  'narrow-serif': `
@page { size: A4; margin: 25mm 0; }
body { font-family: 'DejaVu Serif', serif; font-size: 10pt; line-height: 1.5; max-width: 115mm; margin: 0 auto; }
h1 { font-size: 18pt; } .authors { margin-bottom: 12pt; } h2 { font-size: 13pt; } h3 { font-size: 11pt; }
h4 { font-size: 10pt; font-weight: normal; font-style: italic; }
table { border-collapse: collapse; font-size: 8.5pt; margin: 6pt 0; } th, td { padding: 1pt 4pt; }
caption { font-size: 9pt; text-align: left; } pre { font-size: 8.5pt; } figcaption { font-size: 9pt; }
.subs { display: flex; gap: 6pt; } .subs figure { flex: 1; margin: 0; }`,
  'browser-default': '',
};

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function list(block: List): string {
  const tag = block.ordered ? 'ol' : 'ul';
  const items = block.items.map((i) => `<li>${escapeHtml(i.text)}${i.children ? list(i.children) : ''}</li>`);
  return `<${tag}>${items.join('')}</${tag}>`;
}

function table(t: Table): string {
  const head = t.groups
    ? `<tr><th rowspan="2">${escapeHtml(t.columns[0])}</th>${t.groups
        .map((g) => `<th colspan="${g.span}">${escapeHtml(g.label)}</th>`)
        .join('')}</tr><tr>${t.columns
        .slice(1)
        .map((c) => `<th>${escapeHtml(c)}</th>`)
        .join('')}</tr>`
    : `<tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const rows = t.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><caption>${escapeHtml(`${t.label}: ${t.caption}`)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

const COLOURS = ['#4472c4', '#ed7d31'];

/** A vector chart drawn as inline SVG: axes, ticks, labels and a legend are text of the page. */
export function svgChart(chart: Chart): string {
  const [w, h, left, bottom] = [360, 220, 44, 36];
  const plotW = w - left - 10;
  const plotH = h - bottom - 10;
  const max = 100;
  const step = plotW / chart.categories.length;
  const y = (v: number) => 10 + plotH - (v / max) * plotH;
  const parts: string[] = [
    `<line x1="${left}" y1="${10 + plotH}" x2="${w - 10}" y2="${10 + plotH}" stroke="black"/>`,
    `<line x1="${left}" y1="10" x2="${left}" y2="${10 + plotH}" stroke="black"/>`,
  ];
  for (const tick of [0, 50, 100]) {
    parts.push(`<text x="${left - 4}" y="${y(tick) + 4}" font-size="10" text-anchor="end">${tick}</text>`);
  }
  chart.categories.forEach((c, i) =>
    parts.push(
      `<text x="${left + step * (i + 0.5)}" y="${h - bottom + 24}" font-size="10" text-anchor="middle">${c}</text>`,
    ),
  );
  chart.series.forEach((s, k) => {
    const colour = COLOURS[k];
    if (chart.type === 'bar') {
      const bw = (step * 0.7) / chart.series.length;
      s.values.forEach((v, i) => {
        const x = left + step * i + step * 0.15 + bw * k;
        parts.push(`<rect x="${x}" y="${y(v)}" width="${bw}" height="${y(0) - y(v)}" fill="${colour}"/>`);
      });
    } else {
      const points = s.values.map((v, i) => `${left + step * (i + 0.5)},${y(v)}`).join(' ');
      parts.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    }
  });
  if (chart.series.length > 1) {
    chart.series.forEach((s, k) => {
      parts.push(
        `<rect x="${left + 10}" y="${14 + k * 14}" width="10" height="10" fill="${COLOURS[k]}"/>`,
        `<text x="${left + 24}" y="${23 + k * 14}" font-size="10">${s.name}</text>`,
      );
    });
  }
  parts.push(
    `<text x="${left + plotW / 2}" y="${h - 2}" font-size="11" text-anchor="middle">${escapeHtml(chart.xLabel)}</text>`,
    `<text x="12" y="${10 + plotH / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${10 + plotH / 2})">${escapeHtml(chart.yLabel)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" style="max-width:${w}px">${parts.join('')}</svg>`;
}

function figure(f: Figure, imageSource: (file: string) => string): string {
  const graphic = (i: number) => {
    const image = f.images[i];
    return image.chart ? svgChart(image.chart) : `<img src="${imageSource(image.file!)}" alt="">`;
  };
  const caption = `<figcaption>${escapeHtml(`${f.label}: ${f.caption}`)}</figcaption>`;
  if (f.images.length === 1) return `<figure>${graphic(0)}${caption}</figure>`;
  const subs = f.images
    .map(
      (image, i) =>
        `<figure>${graphic(i)}<figcaption>(${subLetter(i)}) ${escapeHtml(image.subcaption ?? '')}</figcaption></figure>`,
    )
    .join('');
  return `<figure><div class="subs">${subs}</div>${caption}</figure>`;
}

function block(b: Block, imageSource: (file: string) => string): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level + 1}>${escapeHtml(headingText(b))}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p>${inlineText(
        b.parts.map((p) => (typeof p === 'string' ? escapeHtml(p) : p)),
        (n) => `<sup>${n}</sup>`,
      )}</p>`;
    case 'list':
      return list(b);
    case 'table':
      return table(b);
    case 'code':
      return `<pre><code>${escapeHtml(b.lines.join('\n'))}</code></pre>`;
    case 'figure':
      return figure(b, imageSource);
  }
}

/** A complete HTML page; `imageSource` turns an image file name into the src to print. */
export function renderHtml(
  model: DocumentModel,
  style: HtmlStyle,
  imageSource: (file: string) => string,
): string {
  const title = `<h1>${escapeHtml(model.title)}</h1><p class="authors">${escapeHtml(model.authors)}</p>`;
  const header = style.stylesheet === 'report-band' ? `<header>${title}</header>` : title;
  const abstract = model.abstract ? `<h2>Abstract</h2><p>${escapeHtml(model.abstract)}</p>` : '';
  const notes = model.footnotes.length
    ? `<section class="footnotes"><hr>${model.footnotes
        .map((text, i) => `<p><small><sup>${i + 1}</sup> ${escapeHtml(text)}</small></p>`)
        .join('')}</section>`
    : '';
  const css = STYLESHEETS[style.stylesheet];
  const head = css ? `<style>${PRINT_COLOURS}\n${KEEP_TOGETHER}\n${css}</style>` : '';
  const body = model.blocks.map((b) => block(b, imageSource)).join('\n');
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title>${head}</head>\n<body>${header}<main>${abstract}\n${body}\n${notes}</main></body></html>\n`;
}
