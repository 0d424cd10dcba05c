/** What an API token may do; shared by the server's checks and the Settings form. */
export const API_TOKEN_SCOPES = ["read", "write", "delete"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_TEXT: Record<ApiTokenScope, string> = {
  read: "Read tasks, categories and tags",
  write: "Create and change tasks, categories and tags",
  delete: "Delete tasks, categories and tags",
};

/** Expiry choices offered when creating a token (days; null = never). */
export const API_TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;
