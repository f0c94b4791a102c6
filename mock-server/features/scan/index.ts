import type { Feature } from '../../core/feature'
import { scanRoutes, type ScanRoutesOptions } from './routes'

/** The 学信网 screenshot scanner (issue 6, docs/scanner.md). It has no state and no QA routes. */
export const scanFeature: Feature<Omit<ScanRoutesOptions, 'store'>> = async (app, opts) => {
  await scanRoutes(app, opts)
}
