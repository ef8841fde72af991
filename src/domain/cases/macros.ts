import { z } from 'zod';
import type { Ctx } from '../context.js';
import { DomainError, NotFoundError } from '../errors.js';
import { deleteMacro, findMacro, upsertMacro, type Macro } from '../../store/repos/macros.js';
import { parseInput } from './review-support.js';

export type { Macro };

/** The languages replies are written in (templates/): a macro is kept per language. */
export const MacroLanguage = z.enum(['en', 'zh']);

export const SaveMacroInput = z.object({
  name: z.string().trim().min(1, 'Name the macro.').max(80),
  language: MacroLanguage,
  body: z.string().trim().min(1, 'Write the text.').max(5000),
});
export type SaveMacroInput = z.input<typeof SaveMacroInput>;

function requireAdmin(ctx: Ctx, role: string): void {
  if (ctx.actor.type !== 'user' || role !== 'admin') throw new DomainError('forbidden', 'Only admins edit macros.');
}

/** Admins write the canned texts; saving a name and language that exist replaces that text. */
export async function saveMacro(ctx: Ctx, role: string, raw: SaveMacroInput): Promise<Macro> {
  requireAdmin(ctx, role);
  const input = parseInput(SaveMacroInput, raw);
  return upsertMacro(ctx.db, { ...input, by: ctx.actor.id, at: ctx.now().toISOString() });
}

export async function removeMacro(ctx: Ctx, role: string, id: number): Promise<void> {
  requireAdmin(ctx, role);
  if (!(await deleteMacro(ctx.db, id))) throw new NotFoundError('There is no such macro.');
}

/** A note with the macro's text added after what the reviewer wrote (a form sent without the script). */
export async function noteWithMacro(ctx: Ctx, note: string | undefined, macroId: string | undefined): Promise<string | undefined> {
  if (!macroId) return note;
  const macro = /^\d+$/.test(macroId) ? await findMacro(ctx.db, Number(macroId)) : null;
  if (!macro) throw new DomainError('invalid_input', 'That macro no longer exists.', { fields: { macro: 'no such macro' } });
  if (note?.includes(macro.body)) return note;
  return [note, macro.body].filter(Boolean).join('\n\n');
}
