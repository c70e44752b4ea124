import { z } from 'zod';
import { UsageError, type Command, type FlagSpec } from './command';

z.config(z.locales.vi());

/** What node:util's parseArgs gives (no flag is declared `multiple`, so never an array in practice). */
type FlagValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const fieldOf = (flag: string, spec: FlagSpec) => spec.field ?? camel(flag);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
}

function getPath(source: unknown, path: readonly PropertyKey[]): unknown {
  let at = source;
  for (const k of path)
    at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[k] : undefined;
  return at;
}

const list = (text: string) =>
  text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

/** A flag's text as the field's type: only conversion; what the value must be is the schema's. */
function convert(flag: string, spec: FlagSpec, value: string | boolean): unknown {
  if (spec.kind === 'flag') return value === true;
  const text = String(value);
  switch (spec.kind) {
    case 'text':
      return text;
    case 'id':
      if (!/^\d{1,9}$/.test(text))
        throw new UsageError(`Tham số --${flag} phải là một số (mã số), không phải "${text}".`);
      return Number(text);
    case 'list':
      return list(text);
    case 'all-or-list':
      return text === 'all' ? 'all' : list(text);
    case 'shares':
      return list(text).map((part) => {
        const [code, share] = part.split(':');
        const n = share === undefined ? NaN : Number(share.replace(',', '.'));
        if (!code?.trim() || !Number.isFinite(n))
          throw new UsageError(`Phần "${part}" không đúng dạng MÃ:TỶ-LỆ (ví dụ X1:0.6).`);
        return { code: code.trim(), share: n };
      });
  }
}

/**
 * The command's input from its flags and words, parsed by its schema. A flag the command does not
 * take, a missing one, or a value the schema refuses is a usage error naming the flag.
 */
export function readInput(command: Command, values: FlagValues, rest: string[]): unknown {
  const input: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(command.defaults ?? {})) setPath(input, field, value);
  for (const [flag, value] of Object.entries(values)) {
    if (value === undefined || flag === 'json' || flag === 'help') continue;
    if (Array.isArray(value)) throw new UsageError(`Tham số --${flag} chỉ được ghi một lần.`);
    const spec = command.flags[flag];
    if (!spec) throw new UsageError(`Lệnh "${command.name}" không nhận tham số --${flag}.`);
    setPath(input, fieldOf(flag, spec), convert(flag, spec, value));
  }
  if (command.rest) setPath(input, command.rest, rest);
  else if (rest.length > 0) throw new UsageError(`Không có lệnh "${[command.name, ...rest].join(' ')}".`);

  const parsed = command.input.safeParse(input);
  if (parsed.success) return parsed.data;
  const flagOf = new Map(Object.entries(command.flags).map(([flag, spec]) => [fieldOf(flag, spec), flag]));
  const lines = parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const flag = flagOf.get(field) ?? flagOf.get(String(issue.path[0]));
    if (field === command.rest) return issue.message;
    if (flag === undefined) return issue.message;
    if (getPath(input, issue.path) === undefined && issue.code === 'invalid_type') return `Thiếu tham số --${flag}.`;
    return `Tham số --${flag} không hợp lệ: ${issue.message}`;
  });
  throw new UsageError([...new Set(lines)].join('\n'));
}
