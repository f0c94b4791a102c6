/** The results subpackage's pages (the hub and the pages link to them). */
const ROOT = '/packages/results'
export const RESULTS_PAGES = {
  ticket: `${ROOT}/ticket/index`,
  scores: `${ROOT}/scores/index`,
  certificate: `${ROOT}/certificate/index`,
}
