import { describe, expect, it } from '@jest/globals';
import { PDFName, PDFString } from 'pdf-lib';
import { convertPdf } from '../convert.js';
import { PdfFixture } from '../testing/pdf-fixtures.js';
import { TaggedFixture } from '../testing/tagged-pdf.js';
import { CHECKED, UNCHECKED } from './annotations.js';

/** Annotation flag: Hidden (PDF 32000 12.5.3). */
const HIDDEN = 1 << 1;

async function filledForm(f: PdfFixture, label: (text: string, x: number, y: number) => void) {
  const page = f.doc.getPages()[0] ?? f.page();
  const form = f.doc.getForm();
  label('Name:', 72, 700);
  const name = form.createTextField('name');
  name.setText('Jane Doe');
  name.addToPage(page, { x: 130, y: 694, width: 160, height: 18, borderWidth: 0 });
  label('Subscribe', 92, 660);
  const subscribe = form.createCheckBox('subscribe');
  subscribe.addToPage(page, { x: 72, y: 657, width: 12, height: 12 });
  subscribe.check();
  label('Invoice by post', 92, 640);
  form.createCheckBox('post').addToPage(page, { x: 72, y: 637, width: 12, height: 12 });
  label('Plan:', 72, 610);
  const plan = form.createRadioGroup('plan');
  plan.addOptionToPage('basic', page, { x: 110, y: 607, width: 12, height: 12 });
  label('Basic', 126, 610);
  plan.addOptionToPage('pro', page, { x: 160, y: 607, width: 12, height: 12 });
  label('Pro', 176, 610);
  plan.select('pro');
  label('Country:', 72, 580);
  const country = form.createDropdown('country');
  country.addOptions(['France', 'Norway', 'Japan']);
  country.select('Norway');
  country.addToPage(page, { x: 130, y: 574, width: 120, height: 18, borderWidth: 0 });
  const secret = form.createTextField('secret');
  secret.setText('internal reference 7731');
  secret.addToPage(page, { x: 300, y: 520, width: 200, height: 18 });
  secret.acroField.getWidgets()[0].dict.set(PDFName.of('F'), f.doc.context.obj(HIDDEN));
  const note = f.doc.context.obj({
    Type: 'Annot',
    Subtype: 'FreeText',
    Rect: [72, 470, 400, 490],
    Contents: PDFString.of('Checked by the accounts team'),
    DA: PDFString.of('/Helv 10 Tf 0 g'),
  });
  page.node.addAnnot(f.doc.context.register(note));
  label('Signed on the first of March.', 72, 450);
}

const EXPECTED = [
  'Name: Jane Doe',
  `${CHECKED} Subscribe`,
  `${UNCHECKED} Invoice by post`,
  `Plan: ${UNCHECKED} Basic ${CHECKED} Pro`,
  'Country: Norway',
];

describe('form values and annotations', () => {
  it('reads each field value on the line of its label, and free text where it is shown', async () => {
    const f = await PdfFixture.create();
    f.lines(f.page(), ['Order form'], 72, 740, 16, true);
    await filledForm(f, (text, x, y) => f.lines(f.doc.getPages()[0], [text], x, y));
    const { markdown } = await convertPdf(await f.bytes());
    for (const line of EXPECTED) expect(markdown).toContain(line);
    expect(markdown).toContain('Checked by the accounts team');
    expect(markdown).not.toContain('internal reference');
  });

  it('joins the values to their tagged labels in a tagged document', async () => {
    const t = await TaggedFixture.create();
    const page = t.page();
    t.block(page, 'H1', 'Order form', 72, 740, 16);
    await filledForm(t.f, (text, x, y) => t.block(page, 'P', text, x, y));
    const { markdown } = await convertPdf(await t.bytes());
    expect(markdown).toMatch(/^# Order form$/m);
    expect(markdown).toMatch(/^Name: Jane Doe$/m);
    expect(markdown).toMatch(/^Country: Norway$/m);
    expect(markdown).toContain('Checked by the accounts team');
    expect(markdown).not.toContain('internal reference');
  });
});
