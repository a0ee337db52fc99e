// Text-level checks every document passes before it leaves the read stage: not blank, and some Chinese in it.
import { fail } from "./failure.js";

const HAN = /\p{Script=Han}/gu;

export function countHan(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

/** Refuses blank text and text with fewer Han characters than the settings ask for. */
export function checkText(text: string, file: string, minHanChars: number, line?: number): void {
  const at = line === undefined ? {} : { line };
  if (text.trim() === "") fail(file, "empty", "has no text", "remove it from the input or fill it", at);
  if (countHan(text) < minHanChars) {
    fail(
      file,
      "no-chinese",
      "has no Chinese text",
      "Jianwen reads Chinese news; check the file, or pass --encoding if its characters came out wrong",
      at,
    );
  }
}
