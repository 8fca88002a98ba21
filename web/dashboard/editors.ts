/**
 * Dashboard accounts: the configured list of editors and leaders who may sign in. Parsed from
 * YAML with zod; every problem comes back with its path and line, like the plan files.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { email, need, text } from '../../domain/plan/fields.js';
import { isExampleAddress } from '../../domain/localities.js';
import { formatProblem, problemAt, readYaml, type PlanProblem } from '../../domain/plan/yaml-source.js';
import { validateWithSchema } from '../../domain/plan/zod-problems.js';

/**
 * What an account may do beyond editing: leaders approve the second step of the two-person rule;
 * in EDITORS_FILE, `admin` is a platform administrator (creates provinces, manages every unit).
 */
export const EditorRole = { editor: 'editor', leader: 'leader', admin: 'admin' } as const;
export type EditorRole = (typeof EditorRole)[keyof typeof EditorRole];

export const editorRoleLabels: Record<EditorRole, string> = { editor: 'Biên tập viên', leader: 'Lãnh đạo', admin: 'Quản trị nền tảng' };

const editorSchema = z.strictObject({
  name: text,
  email: email.transform((e) => e.toLowerCase()),
  role: z.enum(['editor', 'leader', 'admin'], { error: 'role phải là editor (biên tập viên), leader (lãnh đạo) hoặc admin (quản trị nền tảng)' }),
  /** Office the person works in, e.g. "Phòng Văn hóa - Xã hội". */
  unit: text.optional(),
});
export type Editor = z.output<typeof editorSchema>;

const editorListSchema = z.strictObject({
  sample: z.boolean({ error: need('true hoặc false') }).default(false),
  editors: z.array(editorSchema).min(1, 'cần ít nhất một tài khoản'),
});

/** Parses an editor list; duplicate addresses and non-example addresses in a sample file are problems. */
export function parseEditors(yamlText: string): { ok: true; editors: Editor[] } | { ok: false; problems: PlanProblem[] } {
  const read = readYaml(yamlText);
  if (!read.ok) return read;
  const result = validateWithSchema(editorListSchema, read.source);
  if (!result.ok) return result;
  const problems: PlanProblem[] = [];
  const seen = new Set<string>();
  result.value.editors.forEach((e, i) => {
    if (seen.has(e.email)) problems.push(problemAt(read.source, ['editors', i, 'email'], `địa chỉ "${e.email}" bị trùng; mỗi người một tài khoản`));
    seen.add(e.email);
    if (result.value.sample && !isExampleAddress(e.email)) {
      problems.push(problemAt(read.source, ['editors', i, 'email'], `tệp mẫu (sample: true) chỉ được dùng địa chỉ @example.org, @example.com hoặc @example.net, không dùng "${e.email}"`));
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, editors: result.value.editors };
}

/** The editor list in a file is missing or invalid; the message lists every problem. */
export class EditorsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: PlanProblem[],
  ) {
    super(`Danh sách tài khoản ${file} không hợp lệ (${problems.length} lỗi):\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'EditorsFileError';
  }
}

/** Reads and validates the editor list (EDITORS_FILE); throws EditorsFileError. */
export async function loadEditors(file: string): Promise<Editor[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new EditorsFileError(file, [{ path: '', message: code === 'ENOENT' ? 'không tìm thấy tệp' : `không đọc được tệp (${code ?? String(err)})` }]);
  }
  const parsed = parseEditors(content);
  if (!parsed.ok) throw new EditorsFileError(file, parsed.problems);
  return parsed.editors;
}

/** The account with this address (case-insensitive), if any. */
export function findEditor(editors: readonly Editor[], address: string | undefined): Editor | undefined {
  if (!address) return undefined;
  const wanted = address.trim().toLowerCase();
  return editors.find((e) => e.email === wanted);
}

/** The name to greet a person by: their name from the editor list, else their address. */
export function greetingName(editors: readonly Editor[], address: string): string {
  return findEditor(editors, address)?.name ?? address;
}

/** A person as others read it: "Nguyễn Thu Biên (bientap@…)", or just the address when no name is known. */
export function personLabel(editors: readonly Editor[], address: string): string {
  const name = findEditor(editors, address)?.name;
  return name ? `${name} (${address})` : address;
}

/** Every address of the editor list in a text replaced by `personLabel`. */
export function withPersonLabels(editors: readonly Editor[], text: string): string {
  if (!editors.length) return text;
  return text.replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, (address) => personLabel(editors, address));
}
