/** The studio's URLs, built in one place so links and routes never drift apart. */

function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

const org = (id: string) => `/orgs/${encodeURIComponent(id)}`;

export const paths = {
  home: () => "/",
  login: (next?: string) => withNext("/login", next),
  signup: (next?: string) => withNext("/signup", next),
  account: () => "/account",
  invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  projects: (orgId: string) => `${org(orgId)}/projects`,
  project: (orgId: string, projectId: string) =>
    `${org(orgId)}/projects/${encodeURIComponent(projectId)}`,
  members: (orgId: string) => `${org(orgId)}/members`,
  credits: (orgId: string) => `${org(orgId)}/credits`,
};

/** `next` if it is a path of this studio, else the start page: never an open redirect. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
