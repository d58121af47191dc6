// The certificate people can show, as a one-page PDF (pdf-lib): name, certification, the day
// certified, valid until and the verification code with where to check it. A pure function of its
// view: the same certificate always makes the same document.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export interface CertificatePdfView {
  heading: string;
  holderName: string;
  certificationTitle: string;
  lines: Array<{ label: string; value: string }>;
  verifyText: string;
}

/** A4 portrait, in points. */
const WIDTH = 595.28;
const HEIGHT = 841.89;

export async function certificatePdf(view: CertificatePdfView): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${view.certificationTitle}: ${view.holderName}`);
  doc.setCreator('Drypp');
  // A fixed date keeps the document the same for the same certificate (no "now" in a pure function).
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const page = doc.addPage([WIDTH, HEIGHT]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const centered = (text: string, y: number, size: number, font = regular) => {
    const width = font.widthOfTextAtSize(text, size);
    page.drawText(text, { x: (WIDTH - width) / 2, y, size, font, color: rgb(0.1, 0.1, 0.15) });
  };
  page.drawRectangle({
    x: 36,
    y: 36,
    width: WIDTH - 72,
    height: HEIGHT - 72,
    borderWidth: 2,
    borderColor: rgb(0.2, 0.3, 0.5),
  });
  centered(view.heading, HEIGHT - 160, 30, bold);
  centered(view.holderName, HEIGHT - 260, 26, bold);
  centered(view.certificationTitle, HEIGHT - 310, 20);
  let y = HEIGHT - 400;
  for (const line of view.lines) {
    centered(`${line.label}: ${line.value}`, y, 14);
    y -= 26;
  }
  centered(view.verifyText, 90, 10);
  return doc.save();
}
