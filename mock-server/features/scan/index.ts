import type { Feature, FeaturePlugin } from '../../core/feature'
import type { OcrEngine } from './ocr/engine'
import { scanRoutes } from './routes'

declare module '../../core/feature' {
  interface FeatureOptions {
    /** The screenshot OCR; the process's shared engine (models loaded once, on first scan) by default. */
    ocr?: OcrEngine
  }
}

/** The 学信网 screenshot scanner (issue 6, docs/scanner.md). It has no state and no QA routes. */
const plugin: FeaturePlugin = async (app, { store, ocr }) => {
  await scanRoutes(app, { store, engine: ocr })
}

export const scanFeature: Feature = { name: 'scan', plugin }
