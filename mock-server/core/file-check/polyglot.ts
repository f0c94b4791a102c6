/**
 * Polyglots (issue 20): a file that is an image (or a PDF) and also something else a program would open, such as a
 * JPEG carrying an HTML page or a PDF (readers look for `%PDF-` anywhere in the first kilobyte, some anywhere), or a
 * PDF followed by a page after its end. Stored and served, a browser sniffing or a reader tolerating it would run
 * the other one. The bytes are searched as a whole (latin1, case-insensitive); the signatures are long enough that
 * compressed image or stream data never holds one by chance, and an XMP packet (`<?xpacket`, `<x:xmpmeta`) is not
 * one of them.
 */

/** Markup a browser would render or run, and a PDF header. */
const FOREIGN = /<(?:html|script|!doctype|iframe|svg|body|\?php|object|embed)[\s>/]|%PDF-/i
const HTML = /<(?:html|script|!doctype|iframe|svg|body|\?php|object|embed)[\s>/]/i

/** What else a JPEG (or PNG, WebP: any image upload) carries, or null: 'pdf' or 'html'. */
export function foreignInImage(bytes: Uint8Array): 'pdf' | 'html' | null {
  const m = FOREIGN.exec(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'))
  if (!m) return null
  return m[0].toUpperCase() === '%PDF-' ? 'pdf' : 'html'
}

/**
 * What else a PDF carries, or null: 'html' (markup anywhere in it) or 'tail' (bytes after its last `%%EOF` other than
 * white space, where an incremental update would have ended with its own `%%EOF`).
 */
export function foreignInPdf(bytes: Uint8Array): 'html' | 'tail' | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  if (HTML.test(text)) return 'html'
  const end = text.lastIndexOf('%%EOF')
  if (end >= 0 && !/^[\s\0]*$/.test(text.slice(end + 5))) return 'tail'
  return null
}
