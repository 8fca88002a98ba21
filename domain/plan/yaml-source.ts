/**
 * YAML text → plain data, keeping the node tree so every problem can name its line. Also turns
 * zod issues into problems an editor can act on (Vietnamese, path in the file, line number).
 * Pure: takes text, never reads files.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/** One thing wrong with a data file: where (path and line) and what to do about it. */
export interface PlanProblem {
  /** Path in the file, e.g. `tasks[2].channels[0]`; empty for the file as a whole. */
  path: string;
  /** 1-based line number, when known. */
  line?: number;
  message: string;
}

/** A parsed YAML document with its line index. */
export interface YamlSource {
  doc: Document;
  lineCounter: LineCounter;
  data: unknown;
}

const syntaxMessages: Record<string, string> = {
  DUPLICATE_KEY: 'khóa này xuất hiện hai lần trong cùng một mục; hãy xóa hoặc đổi tên một khóa',
  BAD_INDENT: 'thụt lề không đúng; các mục cùng cấp phải thẳng cột với nhau (dùng dấu cách, không dùng tab)',
  TAB_AS_INDENT: 'dùng phím tab để thụt lề; hãy thay bằng dấu cách',
  MISSING_CHAR: 'thiếu ký tự đóng (dấu nháy, ngoặc vuông hoặc ngoặc nhọn) cho một giá trị mở ở dòng này hoặc ở các dòng phía trên',
  MULTILINE_IMPLICIT_KEY: 'một khóa bị xuống dòng; có thể thiếu dấu ":" hoặc dấu nháy đóng ở dòng trước',
  BLOCK_AS_IMPLICIT_KEY: 'có thể thiếu dấu ":" hoặc thụt lề sai',
  UNEXPECTED_TOKEN: 'có ký tự không mong đợi; kiểm tra dấu ":", "-" và dấu nháy',
  MULTIPLE_DOCS: 'tệp chỉ được chứa một tài liệu; hãy xóa dòng "---" thừa',
  BAD_SCALAR_START: 'giá trị bắt đầu bằng ký tự đặc biệt; hãy đặt cả giá trị trong dấu nháy kép',
};

/** Parses YAML text; syntax errors come back as problems with line numbers. */
export function readYaml(text: string): { ok: true; source: YamlSource } | { ok: false; problems: PlanProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.normalize('NFC'), { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((err) => {
      const line = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
      const known = syntaxMessages[err.code];
      const message = `lỗi cú pháp YAML: ${known ?? 'cấu trúc tệp không đúng'}${known ? '' : ` (${err.message.split('\n')[0]})`}`;
      return line === undefined ? { path: '', message } : { path: '', line, message };
    });
    return { ok: false, problems };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ path: '', line: 1, message: 'tệp phải là một danh sách các khóa (ví dụ "id: …"), nhưng đang rỗng hoặc có dạng khác' }] };
  }
  return { ok: true, source: { doc, lineCounter, data } };
}

/** `['tasks', 2, 'channels', 0]` → `tasks[2].channels[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc === '' ? String(seg) : `${acc}.${String(seg)}`), '');
}

/** Line of the node at `path` (or of its nearest existing ancestor); with `key`, of that key in the map there. */
export function lineOf(source: YamlSource, path: readonly PropertyKey[], key?: string): number | undefined {
  const at = (offset: number | undefined) => (offset === undefined ? undefined : source.lineCounter.linePos(offset).line);
  let node: unknown = source.doc.contents;
  let line = at(rangeStart(node));
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) return line;
      line = at(rangeStart(pair.key)) ?? line;
      node = pair.value;
      if (isScalar(node)) line = at(rangeStart(node)) ?? line;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (node === undefined) return line;
      line = at(rangeStart(node)) ?? line;
    } else {
      return line;
    }
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
    if (pair) line = at(rangeStart(pair.key)) ?? line;
  }
  return line;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}

/** A problem at `path`, with its line looked up. */
export function problemAt(source: YamlSource, path: readonly PropertyKey[], message: string, key?: string): PlanProblem {
  const line = lineOf(source, path, key);
  const shown = key === undefined ? formatPath(path) : formatPath([...path, key]);
  return line === undefined ? { path: shown, message } : { path: shown, line, message };
}

/** `tasks[2].channels[0] (dòng 57): …` */
export function formatProblem(p: PlanProblem): string {
  const where = p.path === '' ? 'toàn tệp' : p.path;
  return `${where}${p.line !== undefined ? ` (dòng ${p.line})` : ''}: ${p.message}`;
}
