import { PDFArray, PDFDict, PDFName, PDFNumber, PDFOperator, PDFPage, PDFRef } from 'pdf-lib';
import { PdfFixture } from './pdf-fixtures.js';

/** A structure element being built: its role and kids (child elements or marked content on a page). */
export interface Tag {
  role: string;
  kids: (Tag | { page: PDFPage; mcid: number })[];
  ref: PDFRef;
  parent: Tag | null;
}

/**
 * Builds tagged PDFs for the engine's tests: text drawn inside `/Role <</MCID n>> BDC ... EMC`, a
 * structure tree of elements referring to those ids (StructTreeRoot, ParentTree, StructParents), and
 * `/Artifact BMC ... EMC` for text outside the tree.
 */
export class TaggedFixture {
  readonly root: Tag;
  private readonly mcids = new Map<PDFPage, Tag[]>();

  private constructor(readonly f: PdfFixture) {
    this.root = { role: 'Document', kids: [], ref: f.doc.context.nextRef(), parent: null };
  }

  static async create(): Promise<TaggedFixture> {
    return new TaggedFixture(await PdfFixture.create());
  }

  page(width = 612, height = 792): PDFPage {
    const page = this.f.page(width, height);
    this.mcids.set(page, []);
    return page;
  }

  /** A structure element under `parent` (the document when not given). */
  tag(role: string, parent: Tag = this.root): Tag {
    const tag: Tag = { role, kids: [], ref: this.f.doc.context.nextRef(), parent };
    parent.kids.push(tag);
    return tag;
  }

  /** Draws with `draw` inside a marked-content sequence that `owner` refers to. */
  mark(page: PDFPage, owner: Tag, draw: () => void): void {
    const list = this.mcids.get(page)!;
    const mcid = list.length;
    list.push(owner);
    owner.kids.push({ page, mcid });
    page.pushOperators(PDFOperator.of('BDC' as never, [PDFName.of(owner.role), `<< /MCID ${mcid} >>`]));
    draw();
    page.pushOperators(PDFOperator.of('EMC' as never));
  }

  /** One line of text at (x, y), tagged as content of `owner`. */
  text(page: PDFPage, owner: Tag, text: string, x: number, y: number, size = 10, bold = false): void {
    this.mark(page, owner, () => this.f.lines(page, [text], x, y, size, bold));
  }

  /** A new element `role` under `parent` holding one line of text. */
  block(page: PDFPage, role: string, text: string, x: number, y: number, size = 10, parent?: Tag): Tag {
    const tag = this.tag(role, parent);
    this.text(page, tag, text, x, y, size, size > 12);
    return tag;
  }

  /** Text outside the tree, marked as an artifact (a running header, a page number). */
  artifact(page: PDFPage, text: string, x: number, y: number, size = 10): void {
    page.pushOperators(PDFOperator.of('BMC' as never, [PDFName.of('Artifact')]));
    this.f.lines(page, [text], x, y, size);
    page.pushOperators(PDFOperator.of('EMC' as never));
  }

  async bytes(): Promise<Uint8Array> {
    const { context, catalog } = this.f.doc;
    const treeRef = context.nextRef();
    const write = (tag: Tag) => {
      const kids = context.obj([]) as PDFArray;
      let pageRef: PDFRef | undefined;
      for (const kid of tag.kids) {
        if ('mcid' in kid) {
          kids.push(PDFNumber.of(kid.mcid));
          pageRef = kid.page.ref;
        } else {
          write(kid);
          kids.push(kid.ref);
        }
      }
      const dict = context.obj({ Type: 'StructElem', S: tag.role, K: kids }) as PDFDict;
      dict.set(PDFName.of('P'), tag.parent?.ref ?? treeRef);
      if (pageRef) dict.set(PDFName.of('Pg'), pageRef);
      context.assign(tag.ref, dict);
    };
    write(this.root);
    const nums = context.obj([]) as PDFArray;
    [...this.mcids.entries()].forEach(([page, owners], i) => {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(i));
      nums.push(PDFNumber.of(i));
      nums.push(context.obj(owners.map((o) => o.ref)));
    });
    const parentTree = context.obj({ Nums: nums });
    context.assign(
      treeRef,
      context.obj({ Type: 'StructTreeRoot', K: context.obj([this.root.ref]), ParentTree: parentTree }),
    );
    catalog.set(PDFName.of('StructTreeRoot'), treeRef);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
    return this.f.bytes();
  }
}
