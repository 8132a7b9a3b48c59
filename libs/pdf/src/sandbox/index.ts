export { ConversionPool } from './conversion-pool.js';
export type { PoolOptions, SandboxLimits, SandboxResult } from './conversion-pool.js';
export { convertInSandbox } from './convert-in-sandbox.js';
export { OUTPUT_FILES } from './protocol.js';
export type { SandboxFigure } from './protocol.js';
