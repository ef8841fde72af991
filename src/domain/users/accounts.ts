import { z } from 'zod';
import type { Ctx } from '../context.js';
import { ConflictError, DomainError, NotFoundError } from '../errors.js';
import { countActiveAdmins, findUserById, Role, updateAccount, upsertUser, findUserByEmail, type User } from '../../store/repos/users.js';
import { hashPassword } from './password.js';

/** At least 8 characters, as the CLI has always asked. */
export const Password = z.string().min(8, 'at least 8 characters').max(200);

export const CreateAccountInput = z.object({
  email: z.string().trim().toLowerCase().email('not an email address').max(200),
  name: z.string().trim().max(120).optional(),
  role: Role,
  password: Password,
});
export type CreateAccountInput = z.input<typeof CreateAccountInput>;

export const ChangeAccountInput = z.object({
  id: z.coerce.number().int().positive(),
  role: Role.optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
});
export type ChangeAccountInput = z.input<typeof ChangeAccountInput>;

/** The acting account must be an admin; `actorRole` comes from the signed-in account, not the request. */
function requireAdmin(actorRole: string): void {
  if (actorRole !== 'admin') throw new DomainError('forbidden', 'Only admins manage accounts.');
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new DomainError('invalid_input', 'Some fields are not valid.', { fields: Object.fromEntries(result.error.issues.map((i) => [i.path.join('.') || '_', i.message])) });
}

/** Creates an account; an address that already has one is refused (change that account instead). */
export async function createAccount(ctx: Ctx, actorRole: string, raw: CreateAccountInput): Promise<User> {
  requireAdmin(actorRole);
  const input = parse(CreateAccountInput, raw);
  if (await findUserByEmail(ctx.db, input.email)) throw new ConflictError(`There is already an account ${input.email}.`, { fields: { email: 'already has an account' } });
  return upsertUser(ctx.db, { email: input.email, name: input.name || null, passwordHash: await hashPassword(input.password), role: input.role, at: ctx.now().toISOString() });
}

/**
 * Changes an account's role, disables or enables it, or sets a new password
 * (which signs it out everywhere). The desk always keeps one admin who can
 * sign in: the last one can be neither disabled nor given another role.
 */
export async function changeAccount(ctx: Ctx, actorRole: string, raw: ChangeAccountInput): Promise<User> {
  requireAdmin(actorRole);
  const input = parse(ChangeAccountInput, raw);
  const account = await findUserById(ctx.db, input.id);
  if (!account) throw new NotFoundError('There is no such account.');
  const losesAdmin = account.role === 'admin' && !account.disabled && ((input.role && input.role !== 'admin') || input.disabled === true);
  if (losesAdmin && (await countActiveAdmins(ctx.db)) <= 1) {
    throw new ConflictError(`${account.email} is the last admin who can sign in; make another admin first.`, { fields: { id: 'last admin' } });
  }
  await updateAccount(ctx.db, account.id, {
    role: input.role,
    disabledAt: input.disabled === undefined ? undefined : input.disabled ? ctx.now().toISOString() : null,
    passwordHash: input.password ? await hashPassword(input.password) : undefined,
  });
  return (await findUserById(ctx.db, account.id))!;
}
