/** PDFs for the tests, printed by Chromium from HTML the way a browser's "Save as PDF" does. */
import { chromium, type Browser } from "playwright-core";

let browser: Promise<Browser> | undefined;

export async function printPdf(html: string): Promise<Uint8Array> {
  browser ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const page = await (await browser).newPage();
  try {
    await page.setContent(html, { waitUntil: "load" });
    return new Uint8Array(await page.pdf({ format: "A4", margin: { top: "2cm", bottom: "2cm", left: "2cm", right: "2cm" } }));
  } finally {
    await page.close();
  }
}

export async function closeBrowser(): Promise<void> {
  if (browser) await (await browser).close();
  browser = undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
