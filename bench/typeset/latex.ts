import { inlineText } from './answer.js';
import type { Block, Chart, CodeBlock, DocumentModel, Figure, List, Table } from './model.js';

export type LatexLayout = 'article' | 'report' | 'conference';
export type LatexFont = 'times' | 'palatino' | 'lmodern' | 'helvetica';

export interface LatexStyle {
  layout: LatexLayout;
  font: LatexFont;
  /** fancyhdr running header with the title and the page number; plain page numbers otherwise. */
  runningHeader: boolean;
  /** listings for code; verbatim otherwise. */
  listings: boolean;
}

const FONTS: Record<LatexFont, string> = {
  times: '\\usepackage{mathptmx}',
  palatino: '\\usepackage{mathpazo}',
  lmodern: '\\usepackage{lmodern}',
  helvetica: '\\usepackage[scaled]{helvet}\n\\renewcommand{\\familydefault}{\\sfdefault}',
};

const CLASSES: Record<LatexLayout, string> = {
  article: '\\documentclass[11pt,a4paper]{article}\n\\usepackage[margin=2.5cm]{geometry}',
  report: '\\documentclass[11pt,a4paper]{report}\n\\usepackage[margin=2.8cm]{geometry}',
  conference:
    '\\documentclass[10pt,twocolumn,letterpaper]{article}\n\\usepackage[margin=0.75in,columnsep=0.3in]{geometry}',
};

const SPECIAL = /[\\{}$&#^_~%]/g;
const ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\^{}',
  _: '\\_',
  '~': '\\~{}',
  '%': '\\%',
};
export const escapeLatex = (text: string): string => text.replace(SPECIAL, (c) => ESCAPES[c]);

const SECTIONS: Record<LatexLayout, string[]> = {
  article: ['section', 'subsection', 'subsubsection'],
  conference: ['section', 'subsection', 'subsubsection'],
  report: ['chapter', 'section', 'subsection'],
};

function list(block: List): string {
  const env = block.ordered ? 'enumerate' : 'itemize';
  const items = block.items.map(
    (item) => `\\item ${escapeLatex(item.text)}${item.children ? `\n${list(item.children)}` : ''}`,
  );
  return `\\begin{${env}}\n${items.join('\n')}\n\\end{${env}}`;
}

function tableSpec(table: Table): string {
  const aligns = table.columns.map((_, c) => (c === 0 ? 'l' : 'r'));
  return table.style === 'ruled' ? `|${aligns.join('|')}|` : aligns.join(' ');
}

function rule(table: Table, kind: 'top' | 'mid' | 'bottom'): string {
  if (table.style === 'ruled') return '\\hline';
  if (table.style === 'booktabs') return `\\${kind}rule`;
  return kind === 'mid' ? '\\hline' : '';
}

const row = (cells: string[]) => `${cells.map(escapeLatex).join(' & ')} \\\\`;

function header(table: Table): string {
  if (!table.groups) return row(table.columns);
  const ruled = table.style === 'ruled';
  const top = [
    `\\multirow{2}{*}{${escapeLatex(table.columns[0])}}`,
    ...table.groups.map((g) => `\\multicolumn{${g.span}}{c${ruled ? '|' : ''}}{${escapeLatex(g.label)}}`),
  ];
  let column = 2;
  const lines = table.groups.map((g) => {
    const range = `${column}-${column + g.span - 1}`;
    column += g.span;
    return ruled ? `\\cline{${range}}` : table.style === 'booktabs' ? `\\cmidrule(lr){${range}}` : '';
  });
  return `${top.join(' & ')} \\\\ ${lines.join(' ')}\n & ${table.columns.slice(1).map(escapeLatex).join(' & ')} \\\\`;
}

function tabular(table: Table): string {
  const size = table.columns.length > 5 ? '\\footnotesize' : '\\small';
  const caption = `\\caption{${escapeLatex(table.caption)}}`;
  const body = table.rows.map(row).join('\n');
  if (table.long) {
    const head = `${rule(table, 'top')}\n${header(table)}\n${rule(table, 'mid')}`;
    return [
      `{${size}`,
      `\\begin{longtable}{${tableSpec(table)}}`,
      `${caption} \\\\`,
      `${head}\n\\endfirsthead`,
      `${head}\n\\endhead`,
      `${rule(table, 'bottom')}\n\\endlastfoot`,
      body,
      '\\end{longtable}}',
    ].join('\n');
  }
  return [
    '\\begin{table}[H]',
    '\\centering',
    size,
    caption,
    `\\begin{tabular}{${tableSpec(table)}}`,
    rule(table, 'top'),
    header(table),
    rule(table, 'mid'),
    body,
    rule(table, 'bottom'),
    '\\end{tabular}',
    '\\end{table}',
  ].join('\n');
}

function code(block: CodeBlock, style: LatexStyle): string {
  if (!style.listings) return `\\begin{verbatim}\n${block.lines.join('\n')}\n\\end{verbatim}`;
  const language = { python: 'Python', javascript: 'Java', c: 'C' }[block.language];
  return `\\begin{lstlisting}[language=${language}]\n${block.lines.join('\n')}\n\\end{lstlisting}`;
}

function pgfplot(chart: Chart, width: string): string {
  const coordinates = (values: number[]) => values.map((v, i) => `(${chart.categories[i]},${v})`).join(' ');
  const plots = chart.series.map((s) =>
    chart.type === 'bar'
      ? `\\addplot coordinates {${coordinates(s.values)}};`
      : `\\addplot+[mark=*] coordinates {${coordinates(s.values)}};`,
  );
  const options = [
    `width=${width}`,
    'height=0.6\\linewidth',
    `symbolic x coords={${chart.categories.join(',')}}`,
    'xtick=data',
    `xlabel={${escapeLatex(chart.xLabel)}}`,
    `ylabel={${escapeLatex(chart.yLabel)}}`,
    'ymin=0',
    ...(chart.type === 'bar' ? ['ybar', 'bar width=6pt', 'enlarge x limits=0.15'] : []),
    ...(chart.series.length > 1 ? ['legend pos=north west', 'legend style={font=\\footnotesize}'] : []),
  ];
  const legend = chart.series.length > 1 ? `\\legend{${chart.series.map((s) => s.name).join(',')}}` : '';
  return `\\begin{tikzpicture}\n\\begin{axis}[${options.join(', ')}]\n${plots.join('\n')}\n${legend}\n\\end{axis}\n\\end{tikzpicture}`;
}

function figure(block: Figure): string {
  const single = block.images.length === 1;
  const graphic = (i: number, width: string) => {
    const image = block.images[i];
    return image.chart ? pgfplot(image.chart, width) : `\\includegraphics[width=${width}]{${image.file}}`;
  };
  const content = single
    ? graphic(0, '0.75\\linewidth')
    : block.images
        .map(
          (image, i) =>
            `\\begin{subfigure}[t]{0.48\\linewidth}\n\\centering\n${graphic(i, '\\linewidth')}\n` +
            `\\caption{${escapeLatex(image.subcaption ?? '')}}\n\\end{subfigure}`,
        )
        .join('\\hfill\n');
  return `\\begin{figure}[H]\n\\centering\n${content}\n\\caption{${escapeLatex(block.caption)}}\n\\end{figure}`;
}

function block(b: Block, style: LatexStyle, footnotes: string[]): string {
  switch (b.kind) {
    case 'heading': {
      const command = SECTIONS[style.layout][b.level - 1];
      return `\\${command}${b.number ? '' : '*'}{${escapeLatex(b.text)}}`;
    }
    case 'paragraph':
      return inlineText(
        b.parts.map((p) => (typeof p === 'string' ? escapeLatex(p) : p)),
        (n) => `\\footnote{${escapeLatex(footnotes[n - 1])}}`,
      );
    case 'list':
      return list(b);
    case 'table':
      return tabular(b);
    case 'code':
      return code(b, style);
    case 'figure':
      return figure(b);
  }
}

export const usesCharts = (model: DocumentModel): boolean =>
  model.blocks.some((b) => b.kind === 'figure' && b.images.some((i) => i.chart));

/** A complete LaTeX source for pdflatex. */
export function renderLatex(model: DocumentModel, style: LatexStyle): string {
  const preamble = [
    CLASSES[style.layout],
    '\\usepackage[T1]{fontenc}',
    '\\usepackage[utf8]{inputenc}',
    FONTS[style.font],
    '\\usepackage{graphicx,booktabs,longtable,multirow,float,array}',
    '\\usepackage{caption,subcaption}',
    '\\usepackage{enumitem}',
    '\\setlist[enumerate]{label=\\arabic*.}',
    '\\usepackage{listings,xcolor}',
    '\\lstset{basicstyle=\\ttfamily\\small,columns=fullflexible,keepspaces=true,upquote=true,' +
      'keywordstyle=\\color{blue!60!black},frame=single,framerule=0.4pt,rulecolor=\\color{gray}}',
    '\\usepackage{textcomp}',
  ];
  if (usesCharts(model)) preamble.push('\\usepackage{pgfplots}', '\\pgfplotsset{compat=1.18}');
  if (style.layout === 'report') {
    preamble.push(
      '\\usepackage{titlesec}',
      '\\titleformat{\\chapter}[hang]{\\Huge\\bfseries}{\\thechapter}{1em}{}',
    );
  }
  if (style.runningHeader) {
    preamble.push(
      '\\usepackage{fancyhdr}',
      '\\pagestyle{fancy}',
      '\\fancyhf{}',
      `\\fancyhead[L]{\\small\\itshape ${escapeLatex(model.title)}}`,
      '\\fancyhead[R]{\\small\\thepage}',
      '\\fancyfoot[C]{\\footnotesize Technical report}',
      '\\fancypagestyle{plain}{\\fancyhf{}\\fancyfoot[C]{\\small\\thepage}\\renewcommand{\\headrulewidth}{0pt}}',
    );
  }
  const body = model.blocks.map((b) => block(b, style, model.footnotes));
  const front = [
    `\\title{${escapeLatex(model.title)}}`,
    `\\author{${escapeLatex(model.authors)}}`,
    '\\date{}',
    '\\begin{document}',
    '\\maketitle',
    ...(model.abstract ? [`\\begin{abstract}\n${escapeLatex(model.abstract)}\n\\end{abstract}`] : []),
  ];
  return [...preamble, ...front, ...body, '\\end{document}', ''].join('\n\n');
}
