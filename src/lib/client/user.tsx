"use client";
import { createContext, useContext, type ReactNode } from "react";

export interface ClientUser {
  id: string;
  name: string;
  email: string;
  timeZone: string;
}

const UserContext = createContext<ClientUser | null>(null);

export function UserProvider({ user, children }: { user: ClientUser; children: ReactNode }) {
  return <UserContext.Provider value={user}>{children}</UserContext.Provider>;
}

/** The signed-in user (inside the app shell only). */
export function useUser(): ClientUser {
  const user = useContext(UserContext);
  if (!user) throw new Error("useUser must be used inside the app shell");
  return user;
}
