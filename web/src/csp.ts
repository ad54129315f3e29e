/**
 * Imported first by main.tsx, before any schema parses. Zod probes whether it may compile
 * parsers with `new Function`; under Hosting's Content-Security-Policy (no 'unsafe-eval') the
 * probe fails quietly but the browser reports a violation each time. Zod's parsers without
 * compilation are the ones it falls back to anyway.
 */
import { z } from "zod";

z.config({ jitless: true });
