/** Small previews of infographics for emails and pages. */
import sharp from '../../render/sharp.js';

export async function thumbnail(png: Buffer, width: number): Promise<Buffer> {
  return sharp(png).resize({ width, withoutEnlargement: true }).png({ compressionLevel: 6 }).toBuffer();
}
