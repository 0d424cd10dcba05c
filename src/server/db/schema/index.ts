export * from "./auth";
export * from "./taxonomy";
export * from "./tasks";
export * from "./reminders";
export * from "./events";
export * from "./access";
export * from "./webhooks";
export * from "./relations";
