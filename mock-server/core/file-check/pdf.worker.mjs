// The PDF checker's worker thread (pdf.ts runs a small pool of them, each under a time and a memory limit).
// Plain ESM JavaScript on purpose: a worker runs outside any test transpiler.
//
// One message in: { id, bytes (ArrayBuffer), maxPages }. One message out: { id, verdict }, where verdict is
// { ok: true, pages } or { ok: false, problem, reason }: problem 'unreadable' | 'encrypted' | 'active-content' |
// 'too-complex' | 'too-many-pages', reason a short machine word (which construct) for the answer's details.
//
// Nothing here follows the document the way a viewer would render it: pdf-lib parses the objects (never its page
// traversal, which walks a page tree as a tree and takes seconds and hundreds of MB on a tree that lists a node
// twice), then two walks of our own, each visiting every object once: the page tree (a tree, no node twice, not too
// deep, at most maxPages leaves) and every object of the file for active content. Both are iterative, so a
// 10,000-deep nesting costs a counter, not the stack.
// https://pdf-lib.js.org/docs/api/classes/pdfdocument#load
import { parentPort } from 'node:worker_threads'
import pdfLib from 'pdf-lib'

const { PDFDocument, PDFDict, PDFArray, PDFName, PDFRef, PDFStream, ParseSpeeds } = pdfLib

/** Deeper than this (page tree levels, or nesting of arrays and dictionaries inside one object) is refused. */
const MAX_TREE_DEPTH = 32
const MAX_NESTING = 100

/**
 * Active content, by where it shows (PDF 32000-1:2008 §12.6 actions, §12.6.3 trigger events, §7.11.4 embedded
 * files, §12.7.8 XFA; Adobe's RichMedia extension): keys that exist only to run, open or carry something, action
 * types that run or launch, annotation types that play or carry files. A GoTo or URI action (a link, an initial
 * view) is not active content; an OpenAction that is anything else is.
 */
const ACTIVE_KEYS = new Map([
  ['JS', 'javascript'],
  ['JavaScript', 'javascript'],
  ['AA', 'additional-actions'],
  ['EmbeddedFiles', 'embedded-file'],
  ['EmbeddedFile', 'embedded-file'],
  ['EF', 'embedded-file'],
  ['RF', 'embedded-file'],
  ['XFA', 'xfa'],
  ['RichMediaContent', 'rich-media'],
  ['RichMediaSettings', 'rich-media'],
])
const ACTIVE_ACTIONS = new Map([
  ['JavaScript', 'javascript'],
  ['Launch', 'launch'],
  ['SubmitForm', 'submit-form'],
  ['ImportData', 'import-data'],
  ['GoToE', 'embedded-file'],
  ['GoToR', 'launch'],
  ['RichMediaExecute', 'rich-media'],
  ['Rendition', 'rich-media'],
  ['Movie', 'rich-media'],
  ['Sound', 'rich-media'],
])
const ACTIVE_TYPES = new Map([
  ['EmbeddedFile', 'embedded-file'],
  ['FileAttachment', 'embedded-file'],
  ['RichMedia', 'rich-media'],
  ['Screen', 'rich-media'],
  ['Movie', 'rich-media'],
  ['Sound', 'rich-media'],
  ['3D', 'rich-media'],
])

class Refusal {
  constructor(problem, reason) {
    this.problem = problem
    this.reason = reason
  }
}

/**
 * A name as a viewer reads it. pdf-lib decodes `#xx` only with upper-case hex digits and keeps `#6e` as written;
 * a viewer reads `/Lau#6ech` as /Launch. So the escapes are decoded again, whatever their case.
 */
function nameOf(obj) {
  if (!(obj instanceof PDFName)) return null
  return obj.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_m, hex) => String.fromCharCode(parseInt(hex, 16)))
}

/** The direct objects inside one object (a stream's dictionary, an array's items, a dictionary's values). */
function* childrenOf(obj) {
  if (obj instanceof PDFStream) yield obj.dict
  else if (obj instanceof PDFArray) for (let i = 0; i < obj.size(); i++) yield obj.get(i)
  else if (obj instanceof PDFDict) for (const [, value] of obj.entries()) yield value
}

/** Every object of the file, each once, including those no page reaches (a viewer may still find them). */
function refuseActiveContent(context) {
  for (const [, top] of context.enumerateIndirectObjects()) {
    const stack = [[top, 0]]
    while (stack.length) {
      const [obj, depth] = stack.pop()
      if (depth > MAX_NESTING) throw new Refusal('too-complex', 'nesting')
      const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null
      if (dict) checkDict(context, dict)
      for (const child of childrenOf(obj)) if (!(child instanceof PDFRef)) stack.push([child, depth + 1])
    }
  }
}

function checkDict(context, dict) {
  for (const [key, value] of dict.entries()) {
    const k = nameOf(key)
    if (ACTIVE_KEYS.has(k)) throw new Refusal('active-content', ACTIVE_KEYS.get(k))
    if (k === 'S') {
      const s = nameOf(value)
      if (ACTIVE_ACTIONS.has(s)) throw new Refusal('active-content', ACTIVE_ACTIONS.get(s))
    }
    if (k === 'Type' || k === 'Subtype') {
      const t = nameOf(value)
      if (ACTIVE_TYPES.has(t)) throw new Refusal('active-content', ACTIVE_TYPES.get(t))
    }
    if (k === 'OpenAction') {
      // A destination (an array: the page and view to open at) is harmless; an action must be a GoTo.
      const action = value instanceof PDFRef ? context.lookup(value) : value
      const type = action instanceof PDFDict ? nameOf(action.get(PDFName.of('S'))) : 'GoTo'
      if (type !== 'GoTo') throw new Refusal('active-content', ACTIVE_ACTIONS.get(type) ?? 'open-action')
    }
  }
}

/**
 * Counts the pages by walking the page tree from the catalog, each node at most once: a node reached twice (the
 * bomb that lists each node twice, a /Kids cycle) makes it no tree and is refused, as is a tree deeper than
 * MAX_TREE_DEPTH; the walk stops at the first page past maxPages. /Count is never trusted.
 */
function countPages(context, maxPages) {
  const catalog = context.lookup(context.trailerInfo.Root)
  if (!(catalog instanceof PDFDict)) throw new Refusal('unreadable', 'no-catalog')
  const rootRef = catalog.get(PDFName.of('Pages'))
  const seen = new Set()
  let pages = 0
  const stack = [[rootRef, 0]]
  while (stack.length) {
    const [ref, depth] = stack.pop()
    if (depth > MAX_TREE_DEPTH) throw new Refusal('too-complex', 'page-tree-depth')
    if (ref instanceof PDFRef) {
      if (seen.has(ref.tag)) throw new Refusal('too-complex', 'page-tree-not-a-tree')
      seen.add(ref.tag)
    }
    const node = ref instanceof PDFRef ? context.lookup(ref) : ref
    if (!(node instanceof PDFDict)) throw new Refusal('unreadable', 'page-tree-node')
    const kids = node.get(PDFName.of('Kids'))
    if (kids === undefined) {
      if (nameOf(node.get(PDFName.of('Type'))) === 'Pages') throw new Refusal('unreadable', 'page-tree-node')
      if (++pages > maxPages) throw new Refusal('too-many-pages', String(maxPages))
      continue
    }
    const list = kids instanceof PDFRef ? context.lookup(kids) : kids
    if (!(list instanceof PDFArray)) throw new Refusal('unreadable', 'page-tree-kids')
    for (let i = list.size() - 1; i >= 0; i--) stack.push([list.get(i), depth + 1])
  }
  if (pages === 0) throw new Refusal('unreadable', 'no-pages')
  return pages
}

async function check(bytes, maxPages) {
  let doc
  try {
    // Fastest: no yielding to the event loop every 100 objects (nothing else runs on this thread).
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
      parseSpeed: ParseSpeeds.Fastest,
    })
  } catch (err) {
    // pdf-lib parses nesting by recursion: a stack overflow is a document too deep, not a broken one.
    if (err instanceof RangeError) return { ok: false, problem: 'too-complex', reason: 'nesting' }
    return { ok: false, problem: 'unreadable', reason: 'parse' }
  }
  try {
    if (doc.isEncrypted) return { ok: false, problem: 'encrypted', reason: 'encrypt-dictionary' }
    refuseActiveContent(doc.context)
    return { ok: true, pages: countPages(doc.context, maxPages) }
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, problem: err.problem, reason: err.reason }
    if (err instanceof RangeError) return { ok: false, problem: 'too-complex', reason: 'nesting' }
    return { ok: false, problem: 'unreadable', reason: 'structure' }
  }
}

parentPort.on('message', async ({ id, bytes, maxPages }) => {
  const verdict = await check(new Uint8Array(bytes), maxPages)
  parentPort.postMessage({ id, verdict })
})
parentPort.postMessage({ ready: true })
