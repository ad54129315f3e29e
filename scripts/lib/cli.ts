/** Argument parsing for `npm run set-role -- <email> <role> [--project <id>]`. Pure. */
import { roleSchema, type Role } from "../../functions/src/model/index.js";

export const SET_ROLE_USAGE = [
  "usage: npm run set-role -- <email> <role> [--project <firebase-project-id>]",
  `  role: one of ${roleSchema.options.join(", ")}`,
  "  without --project: the local emulators (project demo-numina)",
  "  with --project:    that real Firebase project, through Application Default Credentials",
].join("\n");

export interface SetRoleArgs {
  email: string;
  role: Role;
  project: string | undefined;
}

/** The parsed arguments, or a message saying what is wrong (the caller prints it with the usage). */
export function parseSetRoleArgs(argv: readonly string[]): SetRoleArgs | string {
  const positional: string[] = [];
  let project: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--project" || arg === "-P") {
      project = argv[++i];
      if (!project || project.startsWith("-")) return "--project needs a project id";
    } else if (arg.startsWith("--project=")) {
      project = arg.slice("--project=".length);
      if (!project) return "--project needs a project id";
    } else if (arg === "--help" || arg === "-h") {
      return "";
    } else if (arg.startsWith("-")) {
      return `unknown option ${arg}`;
    } else {
      positional.push(arg);
    }
  }
  const [email, roleArg, ...extra] = positional;
  if (!email || !roleArg) return "expected an email and a role";
  if (extra.length) return `unexpected argument ${extra.join(" ")}`;
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) return `"${email}" is not an email address`;
  const role = roleSchema.safeParse(roleArg);
  if (!role.success) return `"${roleArg}" is not a role`;
  return { email, role: role.data, project };
}
