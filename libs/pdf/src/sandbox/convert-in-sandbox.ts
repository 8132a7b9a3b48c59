import { OcrOptions } from '../ocr/options.js';
import { ConvertProgress } from '../types.js';
import { ConversionPool, SandboxLimits, SandboxResult } from './conversion-pool.js';

/** One conversion in a process of its own that exits afterwards (the command line's way). */
export async function convertInSandbox(
  inputPath: string,
  outDir: string,
  limits: SandboxLimits,
  onProgress?: (progress: ConvertProgress) => void,
  ocr?: OcrOptions,
): Promise<SandboxResult> {
  const pool = new ConversionPool({ size: 1, ocr });
  try {
    return await pool.convert(inputPath, outDir, limits, onProgress);
  } finally {
    pool.close();
  }
}
