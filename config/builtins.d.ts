export interface MissingBuiltIn {
  /** Where it lives: `Array.prototype`, `Object`, the global object (`''`), `%TypedArray%.prototype`. */
  holder: string
  name: string
  /** The core-js module that names it. */
  module: string
}
export declare const BASELINE_EDITION: number
export declare function builtInsFor(targets: string): { missing: MissingBuiltIn[]; fixes: string[] }
