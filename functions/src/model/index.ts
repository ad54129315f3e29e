export * from "./catalog.js";
export * from "./schemas.js";
export * from "./paths.js";
