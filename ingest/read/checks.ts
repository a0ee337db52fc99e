// Text-level checks every document passes before it leaves the read stage: not blank, and some Chinese in it.
import { fail } from "./failure.js";

const HAN = /\p{Script=Han}/gu;

/** How many Han characters the text holds, counting stops at `atMost` (a check needs only a few). */
export function countHan(text: string, atMost = Infinity): number {
  HAN.lastIndex = 0;
  let count = 0;
  while (count < atMost && HAN.exec(text) !== null) count++;
  HAN.lastIndex = 0;
  return count;
}

/** Refuses blank text and text with fewer Han characters than the settings ask for. */
export function checkText(text: string, file: string, minHanChars: number, line?: number): void {
  const at = line === undefined ? {} : { line };
  if (text.trim() === "") fail(file, "empty", "has no text", "remove it from the input or fill it", at);
  if (countHan(text, minHanChars) < minHanChars) {
    fail(
      file,
      "no-chinese",
      "has no Chinese text",
      "Jianwen reads Chinese news; check the file, or pass --encoding if its characters came out wrong",
      at,
    );
  }
}
