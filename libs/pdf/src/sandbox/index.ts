export { convertInSandbox } from './convert-in-sandbox.js';
export type { SandboxLimits, SandboxResult } from './convert-in-sandbox.js';
export { OUTPUT_FILES } from './protocol.js';
export type { SandboxFigure } from './protocol.js';
