/**
 * Hand-written PDFs for the hostile-file tests (issue 20): each object as its text, numbered from 1, with a correct
 * cross-reference table, so a parser reads exactly what is written. `pdf(objects, trailerExtra)` wraps the bodies;
 * object 1 is the catalog by convention of the makers below.
 */

/** A PDF from object bodies (object n is `objects[n - 1]`), the catalog being object 1. */
export function pdf(objects: string[], trailerExtra = '', root = 1): Buffer {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

const PAGE = (parent: number, extra = '') => `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595 842] ${extra}>>`

/** A plain PDF of `pages` pages (objects: 1 catalog, 2 page tree, 3.. pages); `catalogExtra` joins the catalog. */
export function plainPdf(pages = 1, catalogExtra = '', pageExtra = ''): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')
  return pdf([
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => PAGE(2, pageExtra)),
  ])
}

/**
 * The page-tree bomb: each node lists its child twice, `levels` deep, so the tree declares 2^levels pages in a few
 * KB (23 levels: 8,388,608 pages, about 2.6 KB). Walking it as a tree visits every path.
 */
export function pageTreeBomb(levels = 23): Buffer {
  // 1 catalog, 2 root, 3..levels+1 inner nodes, levels+2 the one page.
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>']
  for (let level = 0; level < levels; level++) {
    const self = level + 2
    const child = self + 1
    const parent = level === 0 ? '' : `/Parent ${self - 1} 0 R `
    objects.push(`<< /Type /Pages ${parent}/Kids [${child} 0 R ${child} 0 R] /Count ${2 ** (levels - level)} >>`)
  }
  objects.push(PAGE(levels + 1))
  return pdf(objects)
}

/** A page tree whose node lists itself among its kids (a cycle through /Kids). */
export function cyclicKidsPdf(): Buffer {
  return pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', PAGE(2)])
}

/** A page tree whose only page is its own parent, and whose /Parent points back down (a cycle through /Parent). */
export function cyclicParentPdf(): Buffer {
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Parent 3 0 R /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>',
  ])
}

/** A page whose resources nest `depth` arrays (or dictionaries) inside each other. */
export function deepNestedPdf(depth = 10_000, kind: 'array' | 'dict' = 'array'): Buffer {
  const nested =
    kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '<< /A '.repeat(depth) + '1' + ' >>'.repeat(depth)
  return plainPdf(1, '', `/Deep ${nested} `)
}

/** A catalog whose object graph is a long chain of references (each object points at the next). */
export function longChainPdf(length = 5_000): Buffer {
  const chain = Array.from({ length }, (_, i) => (i === length - 1 ? '<< /End true >>' : `<< /Next ${i + 5} 0 R >>`))
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R /Chain 4 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    PAGE(2),
    ...chain,
  ])
}

/** Active content, one kind each: what a viewer would run, open or extract. */
export const ACTIVE_CONTENT = {
  'open-action-javascript': () => plainPdf(1, "/OpenAction << /S /JavaScript /JS (app.alert\\('x'\\)) >> "),
  'names-javascript': () =>
    pdf([
      '<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      PAGE(2),
      "<< /Names [(x) << /S /JavaScript /JS (app.alert\\('x'\\)) >>] >>",
    ]),
  launch: () => plainPdf(1, '/OpenAction << /S /Launch /F (calc.exe) >> '),
  'embedded-file': () =>
    pdf([
      '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      PAGE(2),
      '<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>',
      '<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream',
    ]),
  xfa: () =>
    pdf([
      '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA 4 0 R >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      PAGE(2),
      '<< /Length 9 >>\nstream\n<xdp:xdp>\nendstream',
    ]),
  'page-additional-actions': () => plainPdf(1, '', '/AA << /O << /S /JavaScript /JS (1) >> >> '),
  'rich-media': () => plainPdf(1, '', '/Annots [<< /Type /Annot /Subtype /RichMedia /Rect [0 0 10 10] >>] '),
  /** The name written with an escape a lax parser keeps (`#6e` is n): viewers read /Launch. */
  'escaped-launch': () => plainPdf(1, '/OpenAction << /S /Lau#6ech /F (calc.exe) >> '),
  /** JavaScript reached through a benign GoTo's /Next chain. */
  'next-javascript': () =>
    plainPdf(1, '/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next << /S /JavaScript /JS (1) >> >> '),
} as const

/** A PDF with the standard security handler in its trailer (RC4, 40 bits): encrypted. */
export function encryptedPdf(): Buffer {
  const hex = (n: number) => '<' + 'ab'.repeat(n) + '>'
  return pdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      PAGE(2),
      `<< /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -44 >>`,
    ],
    `/Encrypt 4 0 R /ID [${hex(16)} ${hex(16)}] `,
  )
}

/** An HTML page, as a polyglot's other half. */
export const HTML_PAGE = Buffer.from(
  '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n',
)

/**
 * Polyglots: a file that is two formats at once. `jpeg` is a real JPEG (it decodes). A JPEG followed by an HTML page
 * or a whole PDF (readers find `%PDF-` anywhere in the first kilobyte), a JPEG with HTML in a comment segment, a PDF
 * behind a JPEG's first bytes, a PDF followed by an HTML page.
 */
export function polyglots(jpeg: Buffer): Record<string, Buffer> {
  const comment = (text: Buffer) => {
    const len = Buffer.alloc(2)
    len.writeUInt16BE(text.length + 2)
    return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe]), len, text, jpeg.subarray(2)])
  }
  return {
    'jpeg+html': Buffer.concat([jpeg, HTML_PAGE]),
    'jpeg+pdf': Buffer.concat([jpeg, plainPdf(1)]),
    'jpeg-comment-html': comment(HTML_PAGE),
    'jpeg-comment-pdf': comment(plainPdf(1)),
    'jpeg-header-pdf': Buffer.concat([jpeg.subarray(0, 20), plainPdf(1)]),
    'pdf+html': Buffer.concat([plainPdf(1), HTML_PAGE]),
  }
}
