/**
 * Who is signed in, with which role, and their profile document. Everything that depends on the
 * session reads it from here.
 *
 * Role changes reach an open session without signing out: functions set the `role` claim, then
 * update the profile's `role` mirror and bump `claimsUpdatedAt`. This provider listens to the
 * member's own profile and, when that signal changes, forces a token refresh; onIdTokenChanged
 * then delivers the new claims.
 */
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { roleFromClaim, type Role, type UserProfile } from "@numina/model";
import { watchProfile } from "../profile/profileStore";
import { useLive } from "../shared/hooks";
import { reloadUser, watchIdToken, type User } from "./authService";

export type ProfileState =
  | { status: "loading" }
  /** Signed in, but provisionAccount has not created users/{uid} yet. */
  | { status: "provisioning" }
  | { status: "ready"; profile: UserProfile }
  | { status: "error"; message: string };

export interface SignedInSession {
  status: "signed-in";
  user: User;
  uid: string;
  email: string | null;
  emailVerified: boolean;
  /** From the ID token's `role` claim: what rules and callables trust. */
  role: Role;
  profile: ProfileState;
  /** Reloads the Auth user (e.g. after verifying the email in another tab) and refreshes the token. */
  refreshUser: () => Promise<void>;
}

export type AuthState = { status: "loading" } | { status: "signed-out" } | SignedInSession;

interface TokenState {
  user: User;
  role: Role;
  emailVerified: boolean;
  /** When the current token was issued, to tell whether a claims change is newer. */
  issuedAtMs: number;
}

const AuthContext = createContext<AuthState>({ status: "loading" });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<TokenState | null | undefined>(undefined);
  const uid = token?.user.uid ?? null;
  // Keyed by uid so that, after switching accounts, the previous member's profile is never shown.
  const live = useLive<UserProfile | null>(`profile:${uid ?? ""}`, (watcher) =>
    uid ? watchProfile(uid, watcher) : () => undefined,
  );
  const profile = useMemo<ProfileState>(() => {
    if (live.status !== "ready") return live;
    return live.value ? { status: "ready", profile: live.value } : { status: "provisioning" };
  }, [live]);

  useEffect(
    () =>
      watchIdToken((user) => {
        if (!user) {
          setToken(null);
          return;
        }
        user
          .getIdTokenResult()
          .then((result) =>
            setToken({
              user,
              role: roleFromClaim(result.claims["role"]),
              emailVerified: user.emailVerified,
              issuedAtMs: Date.parse(result.issuedAtTime),
            }),
          )
          .catch((error: unknown) => {
            console.error("Could not read the ID token", error);
            setToken({ user, role: "member", emailVerified: user.emailVerified, issuedAtMs: 0 });
          });
      }),
    [],
  );

  // The last claims signal we acted on, so a mirror that stays out of sync (say, edited by hand)
  // costs one refresh rather than a refresh loop.
  const handledSignal = useRef<string | null>(null);
  useEffect(() => {
    if (!token || profile.status !== "ready") return;
    const { role: mirrorRole, claimsUpdatedAt } = profile.profile;
    const changedAtMs = claimsUpdatedAt?.toMillis() ?? 0;
    const signal = `${token.user.uid}:${mirrorRole}:${changedAtMs}`;
    if (handledSignal.current === signal) return;
    const stale = mirrorRole !== token.role || changedAtMs > token.issuedAtMs;
    handledSignal.current = signal;
    if (!stale) return;
    token.user.getIdToken(true).catch((error: unknown) => console.error("Could not refresh the ID token", error));
  }, [token, profile]);

  const user = token?.user;
  const refreshUser = useCallback(async () => {
    if (!user) return;
    await reloadUser(user);
    // The refreshed token carries email_verified, which rules may check; onIdTokenChanged picks it up.
    await user.getIdToken(true);
    setToken((current) => (current ? { ...current, emailVerified: user.emailVerified } : current));
  }, [user]);

  const value = useMemo<AuthState>(() => {
    if (token === undefined) return { status: "loading" };
    if (token === null) return { status: "signed-out" };
    return {
      status: "signed-in",
      user: token.user,
      uid: token.user.uid,
      email: token.user.email,
      emailVerified: token.emailVerified,
      role: token.role,
      profile,
      refreshUser,
    };
  }, [token, profile, refreshUser]);

  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthState {
  return use(AuthContext);
}

/** For pages behind RequireAuth, which only render with a signed-in session. */
export function useSession(): SignedInSession {
  const state = useAuth();
  if (state.status !== "signed-in") throw new Error("useSession() used outside a signed-in route");
  return state;
}
