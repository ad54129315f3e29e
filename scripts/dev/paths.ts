import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const PROJECT_ID = "demo-numina";
export const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
