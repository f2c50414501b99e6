export * from "./auth";
export * from "./teams";
export * from "./content";
export * from "./sessions";
export * from "./voting";
export * from "./actions";
