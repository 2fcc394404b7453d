import { describeIssue, type FileNotice, type IssueCode } from "./issues.ts";

const lineOf = (text: string, upTo: number, start: number): number => {
  let line = start;
  for (let k = 0; k < upTo; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) line++;
  }
  return line;
};

/**
 * Watches decoded text for NUL bytes (removed: they break every tool downstream) and U+FFFD (bytes the
 * decoder could not read: usually a wrong encoding). One notice per kind, counted, with the first line.
 */
export class TextNotices {
  private readonly notices: FileNotice[];
  private readonly byCode = new Map<IssueCode, { notice: FileNotice; count: number }>();

  constructor(notices: FileNotice[]) {
    this.notices = notices;
  }

  /** Returns the chunk without NULs; `line` is the physical line the chunk starts on. */
  clean(chunk: string, line: number): string {
    let text = chunk;
    const nul = text.indexOf("\0");
    if (nul >= 0) {
      let count = 0;
      for (let k = nul; k < text.length; k++) if (text.charCodeAt(k) === 0) count++;
      this.note("nul_bytes", count, () => lineOf(text, nul, line));
      text = text.replaceAll("\0", "");
    }
    const bad = text.indexOf("\ufffd");
    if (bad >= 0) {
      let count = 0;
      for (let k = bad; k < text.length; k++) if (text.charCodeAt(k) === 0xfffd) count++;
      this.note("replacement_chars", count, () => lineOf(text, bad, line));
    }
    return text;
  }

  private note(code: IssueCode, count: number, firstLine: () => number): void {
    const seen = this.byCode.get(code);
    if (seen) {
      seen.count += count;
      const params = { ...seen.notice.params, count: seen.count };
      seen.notice.params = params;
      seen.notice.message = describeIssue(code, params);
      return;
    }
    const params = { count, line: firstLine() };
    const notice: FileNotice = { line: params.line, code, params, message: describeIssue(code, params) };
    this.byCode.set(code, { notice, count });
    this.notices.push(notice);
  }
}
