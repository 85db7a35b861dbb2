/** The part of es-check's Node API the syntax check uses (the package ships no types). */
declare module 'es-check' {
  /** One es-check run: the same options as its CLI flags. */
  export interface EsCheckConfig {
    ecmaVersion?: string;
    files: string[];
    module?: boolean;
    checkFeatures?: boolean;
    checkBrowser?: boolean;
    browserslistQuery?: string;
    allowList?: string;
    cache?: boolean;
  }
  /** Runs the checks; with no logger it returns instead of exiting. */
  export function runChecks(configs: EsCheckConfig[]): Promise<{ success: boolean; errors: { file: string; err: Error }[] }>;
}
